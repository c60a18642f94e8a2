/**
 * publish-morning: another supervisor (or a self-service shift trade) saves
 * the schedule moments before ours. The schedule's version moves, a few
 * agents' versions move with a real edit, the agent history records it under
 * that supervisor's name, and subscribers are told.
 */
import type { BusinessUnitState, ScheduleState } from '../org/model';
import type { SandboxRuntime } from '../runtime';
import { recordAgentChange } from './agent-history';
import { scheduleMetadata } from './convert';
import { newOperationId, notifySchedule } from './operations';
import { plainCopy } from '../org/plain-copy';

/** Another supervisor than the caller: the first of the org's supervisors (users without a management unit). */
function otherSupervisor(runtime: SandboxRuntime, callerId: string): string | undefined {
  return [...runtime.org.users.values()].find((u) => !u.managementUnitId && u.id !== callerId)?.id;
}

export function competingSave(
  runtime: SandboxRuntime,
  bu: BusinessUnitState,
  schedule: ScheduleState,
  preferUserIds: string[],
  callerId: string,
): string[] {
  const rng = runtime.faultRng;
  const now = runtime.now().toISOString();
  const editorId = otherSupervisor(runtime, callerId) ?? schedule.modifiedByUserId;
  const candidates = [...schedule.agentSchedules.values()].filter((a) => a.shifts.length > 0);
  // A set: the update names up to thousands of agents, and a list's includes() per candidate is O(n²).
  const prefer = new Set(preferUserIds);
  const preferred = candidates.filter((a) => prefer.has(a.userId));
  const touched = new Set<string>();
  const count = Math.min(candidates.length, rng.int(1, 3));
  while (touched.size < count) {
    // Half the time the other editor touches an agent we are editing too: a true edit conflict.
    const pool = preferred.length > 0 && rng.chance(0.5) ? preferred : candidates;
    const agent = rng.pick(pool);
    if (touched.has(agent.userId)) continue;
    touched.add(agent.userId);
    const before = plainCopy(agent);
    const shift = rng.pick(agent.shifts);
    // A trade-style edit that cannot create an overlap: the last activity's code changes hands.
    const last = shift.activities.at(-1);
    if (last) last.description = `${last.description} (traded)`;
    shift.manuallyEdited = true;
    agent.version += 1;
    agent.dateModified = now;
    const change = {
      shifts: [shift],
      fullDayTimeOffMarkers: [],
      deletedShiftIds: [],
      deletedMarkerDates: [],
      deletedAgentSchedule: false,
    };
    recordAgentChange(schedule, agent.userId, before, change, editorId, now);
  }
  schedule.version += 1;
  schedule.dateModified = now;
  schedule.modifiedByUserId = editorId;
  notifySchedule(runtime, bu.id, {
    status: 'Complete',
    operationId: newOperationId(runtime),
    eventType: 'Update',
    result: scheduleMetadata(bu, schedule),
  });
  return [...touched];
}
