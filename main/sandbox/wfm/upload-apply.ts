/** Shared by update and import: reading an uploaded body and writing one agent's schedule. */
import { ApiError, badRequest } from '../http/api-error';
import type { ScheduleState } from '../org/model';
import type { SandboxRuntime } from '../runtime';
import type { MarkerUpload, ShiftUpload } from './upload-schemas';

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

/** Replaces the agent's shifts and markers with what was uploaded (those marked delete are dropped). */
export function applyAgentUpload(
  runtime: SandboxRuntime,
  schedule: ScheduleState,
  agent: {
    userId: string;
    shifts?: Array<Omit<ShiftUpload, 'delete'> & { delete?: boolean }>;
    fullDayTimeOffMarkers?: Array<Omit<MarkerUpload, 'delete'> & { delete?: boolean }>;
  },
  now: string,
): void {
  const user = runtime.org.users.get(agent.userId)!;
  const current = schedule.agentSchedules.get(agent.userId);
  const shifts = agent.shifts
    ? agent.shifts
        .filter((s) => !s.delete)
        .map((s) => ({
          id: s.id ?? runtime.idRng.uuid(),
          startDate: new Date(s.startDate).toISOString(),
          lengthMinutes: s.lengthMinutes,
          manuallyEdited: s.manuallyEdited ?? true,
          activities: s.activities.map((a) => ({
            startDate: new Date(a.startDate).toISOString(),
            lengthMinutes: a.lengthMinutes,
            activityCodeId: a.activityCodeId,
            description: a.description ?? '',
            paid: a.paid ?? true,
          })),
        }))
    : (current?.shifts ?? []);
  const markers = agent.fullDayTimeOffMarkers
    ? agent.fullDayTimeOffMarkers
        .filter((m) => !m.delete)
        .map((m) => ({
          businessUnitDate: m.businessUnitDate,
          startOffsetMinutes: m.startOffsetMinutes ?? 0,
          endOffsetMinutes: m.endOffsetMinutes ?? (m.startOffsetMinutes ?? 0) + m.lengthMinutes,
          lengthMinutes: m.lengthMinutes,
          activityCodeId: m.activityCodeId,
          description: m.description ?? '',
          paid: m.paid ?? true,
          ...(m.timeOffRequestId ? { timeOffRequestId: m.timeOffRequestId } : {}),
        }))
    : (current?.fullDayTimeOffMarkers ?? []);
  schedule.agentSchedules.set(agent.userId, {
    userId: agent.userId,
    managementUnitId: current?.managementUnitId ?? user.managementUnitId ?? '',
    version: (current?.version ?? 0) + 1,
    shifts,
    fullDayTimeOffMarkers: markers,
    dateModified: now,
  });
}
