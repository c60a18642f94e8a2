/**
 * The one place an update upload's agent entries are made
 * (`BuUpdateAgentScheduleUploadSchema`), from what each agent has in Genesys
 * and what it should have.
 *
 * Genesys documents the upload as a patch: a listed shift with its `id`
 * replaces that shift, one without an `id` is added, `{id, delete: true}`
 * removes it, and what is not listed stays. Whether an agent entry that is
 * listed stands for that agent's whole week is not written anywhere, and
 * whether a listed shift's missing fields are kept or cleared neither. So
 * every entry is built to mean the same under both readings: a sent agent
 * lists every shift it keeps, complete and with its id; every new one without
 * an id; every removed one as `{id, delete: true}`; its markers likewise, by
 * `businessUnitDate`. Read as a patch that changes exactly what differs; read
 * as the whole week it is exactly the intended week. An agent whose week does
 * not change is not sent at all, so an unedited draft sends no agents (and
 * cannot trip over a version that moved for someone else's agent).
 */
import type { Models } from 'purecloud-platform-client-v2';
import {
  AgentWeekPlanError,
  markerContent,
  markersByDate,
  shiftContent,
  shiftsById,
  type AgentWeekPlan,
  type WeekActivity,
  type WeekMarker,
  type WeekShift,
} from './agent-week';

export * from './agent-week';

/**
 * A shift as the upload carries it: every field it has, work-plan ids wrapped as `ValueWrapperString`. Built by
 * assignment in a fixed order (the same keys, in the same order, as the object spreads it replaced): a 1,000-agent
 * upload is ~35,000 activities, and spreading a temporary object per field made building it a third of a second.
 */
function uploadShift(s: WeekShift): Models.BuUpdateAgentScheduleShift {
  const out: Models.BuUpdateAgentScheduleShift = {};
  if (s.id !== undefined) out.id = s.id;
  out.startDate = s.startDate;
  out.lengthMinutes = s.lengthMinutes;
  out.activities = s.activities.map(uploadActivity);
  if (s.manuallyEdited !== undefined) out.manuallyEdited = s.manuallyEdited;
  if (s.schedule !== undefined) out.schedule = s.schedule;
  if (s.workPlanId !== undefined) out.workPlanId = { value: s.workPlanId };
  if (s.workPlanShiftId !== undefined) out.workPlanShiftId = { value: s.workPlanShiftId };
  return out;
}

/** Only the SDK's fields, so nothing read-only that came with a read rides along. */
function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
}

/** Only the SDK's fields, so nothing read-only that came with a read rides along (assigned, as `uploadShift`). */
function uploadActivity(a: WeekActivity): Models.BuAgentScheduleActivity {
  const out = {} as Models.BuAgentScheduleActivity;
  if (a.paid !== undefined) out.paid = a.paid;
  if (a.payableMinutes !== undefined) out.payableMinutes = a.payableMinutes;
  if (a.timeOffRequestId !== undefined) out.timeOffRequestId = a.timeOffRequestId;
  if (a.timeOffRequestSyncVersion !== undefined) out.timeOffRequestSyncVersion = a.timeOffRequestSyncVersion;
  if (a.externalActivityId !== undefined) out.externalActivityId = a.externalActivityId;
  if (a.externalActivityType !== undefined) out.externalActivityType = a.externalActivityType;
  out.startDate = a.startDate;
  out.lengthMinutes = a.lengthMinutes;
  out.activityCodeId = a.activityCodeId;
  out.description = a.description ?? '';
  return out;
}

const uploadMarker = (m: WeekMarker): Models.BuFullDayTimeOffMarker =>
  pick(m, [
    'businessUnitDate',
    'startOffsetMinutes',
    'endOffsetMinutes',
    'lengthMinutes',
    'description',
    'activityCodeId',
    'paid',
    'payableMinutes',
    'timeOffRequestId',
    'timeOffRequestSyncVersion',
  ]);

/** The agent's entry, or null when its intended week is the one it has. */
export function agentUploadEntry(plan: AgentWeekPlan): Models.BuUpdateAgentScheduleUploadSchema | null {
  const { userId, current, intended } = plan;
  const currentShifts = shiftsById(userId, current?.shifts ?? []);
  if (current && currentShifts.size !== current.shifts.length)
    throw new AgentWeekPlanError(userId, 'a shift read from Genesys has no id.');
  const keptShifts = shiftsById(userId, intended.shifts);
  for (const id of keptShifts.keys())
    if (!currentShifts.has(id))
      throw new AgentWeekPlanError(userId, `shift ${id} is not in the agent's schedule in Genesys (re-read it first).`);
  const currentMarkers = markersByDate(userId, current?.fullDayTimeOffMarkers ?? []);
  const intendedMarkers = markersByDate(userId, intended.fullDayTimeOffMarkers);

  const removedShifts = [...currentShifts.keys()].filter((id) => !keptShifts.has(id));
  const removedMarkers = [...currentMarkers.values()].filter((m) => !intendedMarkers.has(m.businessUnitDate));
  const changed =
    removedShifts.length > 0 ||
    removedMarkers.length > 0 ||
    intended.shifts.some((s) => s.id === undefined || shiftContent(s) !== shiftContent(currentShifts.get(s.id)!)) ||
    intended.fullDayTimeOffMarkers.some((m) => {
      const before = currentMarkers.get(m.businessUnitDate);
      return !before || markerContent(before) !== markerContent(m);
    });
  if (!changed) return null;

  return {
    userId,
    shifts: [...intended.shifts.map(uploadShift), ...removedShifts.map((id) => ({ id, delete: true }))],
    fullDayTimeOffMarkers: [
      ...intended.fullDayTimeOffMarkers.map(uploadMarker),
      // Sent whole: whatever Genesys matches a marker by, this one is the one to remove.
      ...removedMarkers.map((m) => ({ ...uploadMarker(m), delete: true })),
    ],
    // "Required if updating or deleting an existing agent schedule": the agent's own version, not the schedule's.
    ...(current ? { metadata: { version: current.version } } : {}),
  };
}

/** The entries of every agent whose week changes, in the order given. */
export function agentUploadEntries(plans: readonly AgentWeekPlan[]): Models.BuUpdateAgentScheduleUploadSchema[] {
  const seen = new Set<string>();
  const entries: Models.BuUpdateAgentScheduleUploadSchema[] = [];
  for (const plan of plans) {
    if (seen.has(plan.userId)) throw new AgentWeekPlanError(plan.userId, 'the agent is planned twice.');
    seen.add(plan.userId);
    const entry = agentUploadEntry(plan);
    if (entry) entries.push(entry);
  }
  return entries;
}

export interface ScheduleUploadPlan {
  /** The schedule's `metadata.version` the plans were read at. */
  scheduleVersion: number;
  /** true publishes the schedule (and so unpublishes the week's other published one). */
  published?: boolean;
  description?: string;
  agents: readonly AgentWeekPlan[];
}

/** The whole `UpdateScheduleUploadSchema`. */
export function buildScheduleUpload(plan: ScheduleUploadPlan): Models.UpdateScheduleUploadSchema {
  return {
    metadata: { version: plan.scheduleVersion },
    ...(plan.published !== undefined ? { published: plan.published } : {}),
    ...(plan.description !== undefined ? { description: plan.description } : {}),
    agentSchedules: agentUploadEntries(plan.agents),
  };
}
