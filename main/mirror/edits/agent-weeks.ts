/**
 * Agents' weeks of one schedule as the mirror holds them, in the shape an
 * edit and an upload mean (AgentWeek), each with the agent schedule's own
 * version: the base an edit is made on. Read from the shift, activity and
 * full-day time-off rows, not the timeline's packed blobs, because those
 * leave out what an upload must send back unchanged (the shift's start as
 * Genesys wrote it, activity descriptions, time-off request ids).
 */
import type Database from 'better-sqlite3';
import type { AgentWeek, WeekActivity, WeekMarker, WeekShift } from '../../../shared/publish/agent-week';
import { prepared } from '../statement-cache';

export interface MirroredAgentWeek {
  week: AgentWeek;
  /** The agent schedule's `metadata.version` in the mirror. */
  version: number;
}

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
const agentsIn = (column: string, some: boolean) =>
  some ? `${column} IN (SELECT value FROM json_each(@agents))` : '1';

function activityOf([, startMs, lengthMinutes, activityCodeId, paid, description]: ActivityRow): WeekActivity {
  const a: { -readonly [K in keyof WeekActivity]: WeekActivity[K] } = {
    startDate: new Date(startMs).toISOString(),
    lengthMinutes,
    activityCodeId,
  };
  if (paid !== null) a.paid = paid === 1;
  if (description !== null) a.description = description;
  return a;
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

/**
 * The mirrored weeks of `agentIds` (every agent of the schedule when
 * omitted) in schedule `scheduleId`. An agent the schedule has no agent
 * schedule for is absent from the answer (an edit on them starts from an
 * empty week with no version).
 */
export function readAgentWeeks(
  db: Database.Database,
  scheduleId: string,
  agentIds?: readonly string[],
): Map<string, MirroredAgentWeek> {
  const some = agentIds !== undefined;
  const p = some ? { schedule: scheduleId, agents: JSON.stringify(agentIds) } : { schedule: scheduleId };
  const weeks = new Map<string, { shifts: WeekShift[]; fullDayTimeOffMarkers: WeekMarker[]; version: number }>();
  for (const [agentId, version] of prepared(
    db,
    `SELECT agent_id, version FROM agent_schedules WHERE schedule_id = @schedule AND ${agentsIn('agent_id', some)}`,
  )
    .raw()
    .all(p) as Array<[string, number]>) {
    weeks.set(agentId, { shifts: [], fullDayTimeOffMarkers: [], version });
  }
  if (weeks.size === 0) return new Map();

  const activities = new Map<number, WeekActivity[]>();
  for (const a of prepared(
    db,
    `SELECT a.shift_key, a.start_ms, a.length_minutes, a.activity_code_id, a.paid, a.description
     FROM shifts s JOIN activities a ON a.shift_key = s.key
     WHERE s.schedule_id = @schedule AND ${agentsIn('s.agent_id', some)} ORDER BY a.shift_key, a.seq`,
  )
    .raw()
    .all(p) as ActivityRow[]) {
    let list = activities.get(a[0]);
    if (!list) activities.set(a[0], (list = []));
    list.push(activityOf(a));
  }
  for (const [key, id, agentId, startDate, lengthMinutes, edited] of prepared(
    db,
    `SELECT key, id, agent_id, start_date, length_minutes, manually_edited
     FROM shifts WHERE schedule_id = @schedule AND ${agentsIn('agent_id', some)} ORDER BY agent_id, start_ms, key`,
  )
    .raw()
    .all(p) as ShiftRow[]) {
    const shift: { -readonly [K in keyof WeekShift]: WeekShift[K] } = {
      startDate,
      lengthMinutes,
      manuallyEdited: edited === 1,
      activities: activities.get(key) ?? [],
    };
    if (id !== null) shift.id = id;
    weeks.get(agentId)?.shifts.push(shift);
  }
  for (const m of prepared(
    db,
    `SELECT agent_id, business_unit_date, start_offset_minutes, end_offset_minutes, length_minutes, activity_code_id,
       paid, description, time_off_request_id
     FROM full_day_time_off WHERE schedule_id = @schedule AND ${agentsIn('agent_id', some)} ORDER BY agent_id, seq`,
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

/** One agent's mirrored week of a schedule, or null when the schedule has no agent schedule for them. */
export function readAgentWeek(db: Database.Database, scheduleId: string, agentId: string): MirroredAgentWeek | null {
  return readAgentWeeks(db, scheduleId, [agentId]).get(agentId) ?? null;
}
