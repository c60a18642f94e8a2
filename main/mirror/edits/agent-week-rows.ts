/**
 * Agents' weeks of one schedule read from the shift, activity and full-day
 * time-off rows alone: the record every other copy is derived from. The
 * everyday read (agent-weeks.ts) takes activities from the timeline's packed
 * weeks instead and comes here when one of them cannot be trusted; the parts
 * both share (versions, markers, the agents clause) live here too.
 */
import type Database from 'better-sqlite3';
import type { AgentWeek, WeekActivity, WeekMarker, WeekShift } from '../../../shared/publish/agent-week';
import { prepared } from '../statement-cache';

export interface MirroredAgentWeek {
  week: AgentWeek;
  /** The agent schedule's `metadata.version` in the mirror. */
  version: number;
}

/** A week being assembled: its lists still growing. */
export interface WeekParts {
  shifts: WeekShift[];
  fullDayTimeOffMarkers: WeekMarker[];
  version: number;
}

export type WeekParams = { schedule: string; agents?: string };

// Rows come as arrays (better-sqlite3's raw mode) and objects are built by
// assignment: a bulk edit reads a whole management unit's weeks at once.
type ShiftRow = [
  key: number,
  id: string | null,
  agentId: string,
  startDate: string,
  lengthMinutes: number,
  edited: number,
];
type ActivityRow = [
  shiftKey: number,
  startMs: number,
  lengthMinutes: number,
  activityCodeId: string,
  paid: number | null,
  description: string | null,
];
type MarkerRow = [
  agentId: string,
  businessUnitDate: string,
  startOffsetMinutes: number | null,
  endOffsetMinutes: number | null,
  lengthMinutes: number,
  activityCodeId: string,
  paid: number | null,
  description: string | null,
  timeOffRequestId: string | null,
];

// The agents asked for come in as one JSON array (one statement for any number of them). Two texts, not
// `@agents IS NULL OR …`: the OR would keep SQLite off the (schedule, agent) indexes and scan the schedule.
export const agentsIn = (column: string, p: WeekParams) =>
  p.agents !== undefined ? `${column} IN (SELECT value FROM json_each(@agents))` : '1';

export function weekParams(scheduleId: string, agentIds?: readonly string[]): WeekParams {
  return agentIds !== undefined ? { schedule: scheduleId, agents: JSON.stringify(agentIds) } : { schedule: scheduleId };
}

/**
 * One activity as an upload means it. The key order is part of the answer:
 * a week is compared and stored as JSON text, so both reads build it alike.
 */
export function activityOf(
  startDate: string,
  lengthMinutes: number,
  activityCodeId: string,
  paid: boolean | null,
  description: string | null,
): WeekActivity {
  const a: { -readonly [K in keyof WeekActivity]: WeekActivity[K] } = { startDate, lengthMinutes, activityCodeId };
  if (paid !== null) a.paid = paid;
  if (description !== null) a.description = description;
  return a;
}

/** One shift as an upload means it (the start as Genesys wrote it), key order as activityOf says. */
export function shiftOf(
  id: string | null,
  startDate: string,
  lengthMinutes: number,
  edited: number,
  activities: readonly WeekActivity[],
): WeekShift {
  const shift: { -readonly [K in keyof WeekShift]: WeekShift[K] } = {
    startDate,
    lengthMinutes,
    manuallyEdited: edited === 1,
    activities,
  };
  if (id !== null) shift.id = id;
  return shift;
}

function markerOf(r: MarkerRow): WeekMarker {
  const [, businessUnitDate, startOffset, endOffset, lengthMinutes, activityCodeId, paid, description, request] = r;
  const m: { -readonly [K in keyof WeekMarker]: WeekMarker[K] } = { businessUnitDate, lengthMinutes, activityCodeId };
  if (startOffset !== null) m.startOffsetMinutes = startOffset;
  if (endOffset !== null) m.endOffsetMinutes = endOffset;
  if (paid !== null) m.paid = paid === 1;
  if (description !== null) m.description = description;
  if (request !== null) m.timeOffRequestId = request;
  return m;
}

/** Each asked-for agent the schedule has an agent schedule for, with its version and empty lists. */
export function readVersions(db: Database.Database, p: WeekParams): Map<string, WeekParts> {
  const weeks = new Map<string, WeekParts>();
  for (const [agentId, version] of prepared(
    db,
    `SELECT agent_id, version FROM agent_schedules WHERE schedule_id = @schedule AND ${agentsIn('agent_id', p)}`,
  )
    .raw()
    .all(p) as Array<[string, number]>) {
    weeks.set(agentId, { shifts: [], fullDayTimeOffMarkers: [], version });
  }
  return weeks;
}

/** The full-day time-off markers into their weeks, then the weeks as answered. */
export function finishWeeks(
  db: Database.Database,
  p: WeekParams,
  weeks: Map<string, WeekParts>,
): Map<string, MirroredAgentWeek> {
  for (const m of prepared(
    db,
    `SELECT agent_id, business_unit_date, start_offset_minutes, end_offset_minutes, length_minutes, activity_code_id,
       paid, description, time_off_request_id
     FROM full_day_time_off WHERE schedule_id = @schedule AND ${agentsIn('agent_id', p)} ORDER BY agent_id, seq`,
  )
    .raw()
    .all(p) as MarkerRow[]) {
    weeks.get(m[0])?.fullDayTimeOffMarkers.push(markerOf(m));
  }
  const out = new Map<string, MirroredAgentWeek>();
  for (const [agentId, { version, shifts, fullDayTimeOffMarkers }] of weeks)
    out.set(agentId, { week: { shifts, fullDayTimeOffMarkers }, version });
  return out;
}

/** The same weeks as readAgentWeeks, every activity from its row (sorted by shift key: the slow part). */
export function readAgentWeeksFromRows(
  db: Database.Database,
  scheduleId: string,
  agentIds?: readonly string[],
): Map<string, MirroredAgentWeek> {
  const p = weekParams(scheduleId, agentIds);
  const weeks = readVersions(db, p);
  if (weeks.size === 0) return new Map();

  const activities = new Map<number, WeekActivity[]>();
  for (const [key, startMs, lengthMinutes, code, paid, description] of prepared(
    db,
    `SELECT a.shift_key, a.start_ms, a.length_minutes, a.activity_code_id, a.paid, a.description
     FROM shifts s JOIN activities a ON a.shift_key = s.key
     WHERE s.schedule_id = @schedule AND ${agentsIn('s.agent_id', p)} ORDER BY a.shift_key, a.seq`,
  )
    .raw()
    .all(p) as ActivityRow[]) {
    let list = activities.get(key);
    if (!list) activities.set(key, (list = []));
    list.push(
      activityOf(new Date(startMs).toISOString(), lengthMinutes, code, paid === null ? null : paid === 1, description),
    );
  }
  for (const [key, id, agentId, startDate, lengthMinutes, edited] of prepared(
    db,
    `SELECT key, id, agent_id, start_date, length_minutes, manually_edited
     FROM shifts WHERE schedule_id = @schedule AND ${agentsIn('agent_id', p)} ORDER BY agent_id, start_ms, key`,
  )
    .raw()
    .all(p) as ShiftRow[]) {
    weeks.get(agentId)?.shifts.push(shiftOf(id, startDate, lengthMinutes, edited, activities.get(key) ?? []));
  }
  return finishWeeks(db, p, weeks);
}
