/**
 * One agent's week of one schedule, as the agent-schedules query reads it
 * (`BuAgentScheduleQueryResponse`) and as an upload means it: shifts with
 * Genesys' ids, their activities, and full-day time-off markers keyed by
 * their BU-local `businessUnitDate`. Plain data, so main (from Genesys or
 * the mirror) and the renderer (unsaved edits) hand in the same shape.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { instantMs } from '../time/instant';

/** BuAgentScheduleActivity: the same shape read and uploaded. */
export interface WeekActivity {
  /** UTC instant. */
  startDate: string;
  lengthMinutes: number;
  activityCodeId: string;
  /** Required by the SDK on upload; a missing one is sent as ''. */
  description?: string;
  paid?: boolean;
  payableMinutes?: number;
  timeOffRequestId?: string;
  timeOffRequestSyncVersion?: number;
  externalActivityId?: string;
  externalActivityType?: string;
}

/** BuAgentScheduleShift as read; the upload wraps the work-plan ids (`ValueWrapperString`). */
export interface WeekShift {
  /** Genesys' id; absent for a shift Genesys has not seen yet. */
  id?: string;
  /** UTC instant. */
  startDate: string;
  lengthMinutes: number;
  activities: readonly WeekActivity[];
  manuallyEdited?: boolean;
  schedule?: Models.BuScheduleReference;
  workPlanId?: string;
  workPlanShiftId?: string;
}

/** BuFullDayTimeOffMarker: at most one per BU-local date, which is how Genesys tells them apart. */
export interface WeekMarker {
  businessUnitDate: string;
  lengthMinutes: number;
  activityCodeId: string;
  startOffsetMinutes?: number;
  endOffsetMinutes?: number;
  description?: string;
  paid?: boolean;
  payableMinutes?: number;
  timeOffRequestId?: string;
  timeOffRequestSyncVersion?: number;
}

export interface AgentWeek {
  shifts: readonly WeekShift[];
  fullDayTimeOffMarkers: readonly WeekMarker[];
}

/** What one agent's part of a publish starts from and should end as. */
export interface AgentWeekPlan {
  userId: string;
  /** The agent's week as read from Genesys (the base), with its own `metadata.version`; null when it has none yet. */
  current: (AgentWeek & { version: number }) | null;
  /** The week the agent should have: kept shifts carry their ids, new ones have none. */
  intended: AgentWeek;
}

/** Instants compare as instants: `…T14:00:00Z` and `…T14:00:00.000Z` are the same start. */
const instant = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : ms;
};

/** An optional field: its value, or `*` where the pattern leaves it open. */
const field = <T>(value: T | undefined, pattern: unknown) => (pattern === undefined ? '*' : (value ?? null));

function activityContent(a: WeekActivity, like: WeekActivity): unknown[] {
  return [
    instant(a.startDate),
    a.lengthMinutes,
    a.activityCodeId,
    field(a.description, like.description),
    field(a.paid, like.paid),
    field(a.payableMinutes, like.payableMinutes),
    field(a.timeOffRequestId, like.timeOffRequestId),
    field(a.timeOffRequestSyncVersion, like.timeOffRequestSyncVersion),
    field(a.externalActivityId, like.externalActivityId),
    field(a.externalActivityType, like.externalActivityType),
  ];
}

/**
 * Everything of a shift but its id, in one comparable string. With `like`,
 * the optional fields `like` leaves out are not compared (Genesys fills them
 * in: `manuallyEdited`, an activity's `description`), so
 * `shiftContent(read, sent) === shiftContent(sent)` says "read is as sent".
 */
export function shiftContent(s: WeekShift, like: WeekShift = s): string {
  return JSON.stringify([
    instant(s.startDate),
    s.lengthMinutes,
    field(s.manuallyEdited, like.manuallyEdited),
    field(s.schedule?.id, like.schedule?.id),
    field(s.workPlanId, like.workPlanId),
    field(s.workPlanShiftId, like.workPlanShiftId),
    s.activities.length,
    s.activities.map((a, i) => activityContent(a, like.activities[i] ?? a)),
  ]);
}

export function markerContent(m: WeekMarker, like: WeekMarker = m): string {
  return JSON.stringify([
    m.businessUnitDate,
    m.lengthMinutes,
    m.activityCodeId,
    field(m.startOffsetMinutes, like.startOffsetMinutes),
    field(m.endOffsetMinutes, like.endOffsetMinutes),
    field(m.description, like.description),
    field(m.paid, like.paid),
    field(m.payableMinutes, like.payableMinutes),
    field(m.timeOffRequestId, like.timeOffRequestId),
    field(m.timeOffRequestSyncVersion, like.timeOffRequestSyncVersion),
  ]);
}

/** A plan Genesys could not read one way: a shift id twice, a marker date twice, or a kept shift Genesys does not have. */
export class AgentWeekPlanError extends Error {
  constructor(
    readonly userId: string,
    message: string,
  ) {
    super(`Agent ${userId}: ${message}`);
    this.name = 'AgentWeekPlanError';
  }
}

export function shiftsById(userId: string, shifts: readonly WeekShift[]): Map<string, WeekShift> {
  const byId = new Map<string, WeekShift>();
  for (const s of shifts) {
    if (s.id === undefined) continue;
    if (byId.has(s.id)) throw new AgentWeekPlanError(userId, `shift ${s.id} is listed twice.`);
    byId.set(s.id, s);
  }
  return byId;
}

export function markersByDate(userId: string, markers: readonly WeekMarker[]): Map<string, WeekMarker> {
  const byDate = new Map<string, WeekMarker>();
  for (const m of markers) {
    if (byDate.has(m.businessUnitDate))
      throw new AgentWeekPlanError(userId, `two full-day time-off markers on ${m.businessUnitDate}.`);
    byDate.set(m.businessUnitDate, m);
  }
  return byDate;
}

/** Instants compare as instants; texts that are not one compare as texts (what `instant` above makes them). */
function sameInstant(a: string, b: string): boolean {
  if (a === b) return true;
  const x = instantMs(a);
  return !Number.isNaN(x) && x === instantMs(b);
}

/** `field(value, like) === field(likeValue, like)`, without building either. */
const sameField = <T>(value: T | undefined, like: T | undefined): boolean =>
  like === undefined || (value ?? null) === like;

function activityMatches(a: WeekActivity, like: WeekActivity): boolean {
  return (
    sameInstant(a.startDate, like.startDate) &&
    a.lengthMinutes === like.lengthMinutes &&
    a.activityCodeId === like.activityCodeId &&
    sameField(a.description, like.description) &&
    sameField(a.paid, like.paid) &&
    sameField(a.payableMinutes, like.payableMinutes) &&
    sameField(a.timeOffRequestId, like.timeOffRequestId) &&
    sameField(a.timeOffRequestSyncVersion, like.timeOffRequestSyncVersion) &&
    sameField(a.externalActivityId, like.externalActivityId) &&
    sameField(a.externalActivityType, like.externalActivityType)
  );
}

/**
 * `shiftContent(s, like) === shiftContent(like)`, compared field by field: the verify and every re-read ask
 * it of each shift of 1,000 agents, and building two strings per shift to compare them was most of a re-read.
 */
export function shiftMatches(s: WeekShift, like: WeekShift): boolean {
  return (
    sameInstant(s.startDate, like.startDate) &&
    s.lengthMinutes === like.lengthMinutes &&
    sameField(s.manuallyEdited, like.manuallyEdited) &&
    sameField(s.schedule?.id, like.schedule?.id) &&
    sameField(s.workPlanId, like.workPlanId) &&
    sameField(s.workPlanShiftId, like.workPlanShiftId) &&
    s.activities.length === like.activities.length &&
    s.activities.every((a, i) => activityMatches(a, like.activities[i]!))
  );
}

/** `markerContent(m, like) === markerContent(like)`, field by field. */
export function markerMatches(m: WeekMarker, like: WeekMarker): boolean {
  return (
    m.businessUnitDate === like.businessUnitDate &&
    m.lengthMinutes === like.lengthMinutes &&
    m.activityCodeId === like.activityCodeId &&
    sameField(m.startOffsetMinutes, like.startOffsetMinutes) &&
    sameField(m.endOffsetMinutes, like.endOffsetMinutes) &&
    sameField(m.description, like.description) &&
    sameField(m.paid, like.paid) &&
    sameField(m.payableMinutes, like.payableMinutes) &&
    sameField(m.timeOffRequestId, like.timeOffRequestId) &&
    sameField(m.timeOffRequestSyncVersion, like.timeOffRequestSyncVersion)
  );
}

/**
 * Whether `actual` (read back from Genesys) is the week `intended` asked for:
 * every intended shift with an id is there by that id with the same content,
 * every intended shift without one is there under some new id, nothing else
 * is, and the markers are the same per date. Optional fields `intended`
 * leaves out are Genesys' to fill and not compared. What an operation's
 * content check asks after the schedule's version moved without a notification.
 */
export function agentWeekMatches(actual: AgentWeek, intended: AgentWeek): boolean {
  if (actual.shifts.length !== intended.shifts.length) return false;
  if (actual.fullDayTimeOffMarkers.length !== intended.fullDayTimeOffMarkers.length) return false;
  const actualById = new Map(actual.shifts.flatMap((s) => (s.id === undefined ? [] : [[s.id, s] as const])));
  const kept = new Set<string>();
  for (const s of intended.shifts) {
    if (s.id === undefined) continue;
    const there = actualById.get(s.id);
    if (!there || !shiftMatches(there, s)) return false;
    kept.add(s.id);
  }
  // New shifts have ids Genesys gave them: each intended one must match a different other shift.
  const others = actual.shifts.filter((s) => s.id === undefined || !kept.has(s.id));
  for (const s of intended.shifts) {
    if (s.id !== undefined) continue;
    const at = others.findIndex((o) => shiftMatches(o, s));
    if (at < 0) return false;
    others.splice(at, 1);
  }
  const actualMarkers = new Map(actual.fullDayTimeOffMarkers.map((m) => [m.businessUnitDate, m]));
  return intended.fullDayTimeOffMarkers.every((m) => {
    const there = actualMarkers.get(m.businessUnitDate);
    return there !== undefined && markerMatches(there, m);
  });
}
