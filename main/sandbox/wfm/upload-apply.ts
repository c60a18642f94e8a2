/** Shared by update and import: reading an uploaded body, checking what it leads to, writing it. */
import { ApiError, badRequest } from '../http/api-error';
import type { BusinessUnitState, ScheduleState } from '../org/model';
import type { SandboxRuntime } from '../runtime';
import { recordAgentChange } from './agent-history';
import type { ResolvedAgent } from './agent-patch';
import { validateAgentSchedule } from './validate-agent';

/** The JSON uploaded to a signed URL; the key is single-use and bound to its purpose. */
export function takeUploadedJson(
  runtime: SandboxRuntime,
  key: string,
  purpose: string,
  meta: Record<string, string>,
): unknown {
  const upload = runtime.blobs.takeUpload(key);
  if (!upload || upload.purpose !== purpose || Object.entries(meta).some(([k, v]) => upload.meta[k] !== v)) {
    throw badRequest('The upload key is unknown, already used, expired, or belongs to another schedule', [
      { errorCode: 'invalid.uploadKey', fieldName: 'uploadKey' },
    ]);
  }
  if (!upload.body)
    throw badRequest('Nothing was uploaded to the upload URL for this key', [
      { errorCode: 'missing.upload', fieldName: 'uploadKey' },
    ]);
  try {
    return JSON.parse(upload.body.toString('utf8'));
  } catch {
    throw new ApiError(400, 'bad.request', 'The uploaded schedule is not valid JSON');
  }
}

/**
 * The content check of an accepted write, run when it is applied: each
 * changed agent's resulting week must hold no overlapping shifts, no shift
 * over full-day time off and no malformed activity. Agents an entry left
 * unchanged are not checked again: nothing of theirs is written.
 */
export function contentIsValid(bu: BusinessUnitState, agents: ResolvedAgent[]): boolean {
  return agents.every(
    (a) =>
      !a.changed ||
      a.after === null ||
      validateAgentSchedule(a.userId, a.after.shifts, a.after.fullDayTimeOffMarkers, bu.activityCodes, bu.timeZone)
        .length === 0,
  );
}

/**
 * Writes the agents that changed, each with its version moved by one and
 * (unless the write creates the schedule, as an import does) its change in
 * the agent history.
 */
export function writeAgents(
  schedule: ScheduleState,
  agents: ResolvedAgent[],
  editor: { id: string; now: string; history: boolean },
): void {
  for (const a of agents) {
    if (!a.changed) continue;
    if (editor.history) recordAgentChange(schedule, a.userId, a.before, a.change, editor.id, editor.now);
    if (a.after === null) {
      schedule.agentSchedules.delete(a.userId);
      continue;
    }
    schedule.agentSchedules.set(a.userId, {
      userId: a.userId,
      managementUnitId: a.managementUnitId,
      version: (a.before?.version ?? 0) + 1,
      shifts: a.after.shifts,
      fullDayTimeOffMarkers: a.after.fullDayTimeOffMarkers,
      dateModified: editor.now,
      ...(a.after.workPlanId !== undefined ? { workPlanId: a.after.workPlanId } : {}),
    });
  }
}
