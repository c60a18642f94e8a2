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

interface ShiftRow {
  key: number;
  id: string | null;
  agentId: string;
  startDate: string;
  lengthMinutes: number;
  manuallyEdited: number;
}

interface ActivityRow {
  shiftKey: number;
  startMs: number;
  lengthMinutes: number;
  activityCodeId: string;
  paid: number | null;
  description: string | null;
}

interface MarkerRow {
  agentId: string;
  businessUnitDate: string;
  startOffsetMinutes: number | null;
  endOffsetMinutes: number | null;
  lengthMinutes: number;
  activityCodeId: string;
  paid: number | null;
  description: string | null;
  timeOffRequestId: string | null;
}

// The agents asked for come in as one JSON array: one statement for any number of them.
const agentsIn = `agent_id IN (SELECT value FROM json_each(@agents))`;

const bool = (n: number | null) => (n === null ? undefined : n === 1);

function activityOf(a: ActivityRow): WeekActivity {
  const paid = bool(a.paid);
  return {
    startDate: new Date(a.startMs).toISOString(),
    lengthMinutes: a.lengthMinutes,
    activityCodeId: a.activityCodeId,
    ...(paid === undefined ? {} : { paid }),
    ...(a.description === null ? {} : { description: a.description }),
  };
}

function markerOf(m: MarkerRow): WeekMarker {
  const paid = bool(m.paid);
  return {
    businessUnitDate: m.businessUnitDate,
    lengthMinutes: m.lengthMinutes,
    activityCodeId: m.activityCodeId,
    ...(m.startOffsetMinutes === null ? {} : { startOffsetMinutes: m.startOffsetMinutes }),
    ...(m.endOffsetMinutes === null ? {} : { endOffsetMinutes: m.endOffsetMinutes }),
    ...(paid === undefined ? {} : { paid }),
    ...(m.description === null ? {} : { description: m.description }),
    ...(m.timeOffRequestId === null ? {} : { timeOffRequestId: m.timeOffRequestId }),
  };
}

/**
 * The mirrored weeks of `agentIds` in schedule `scheduleId`. An agent the
 * schedule has no agent schedule for is absent from the answer (an edit on
 * them starts from an empty week with no version).
 */
export function readAgentWeeks(
  db: Database.Database,
  scheduleId: string,
  agentIds: readonly string[],
): Map<string, MirroredAgentWeek> {
  const p = { schedule: scheduleId, agents: JSON.stringify(agentIds) };
  const weeks = new Map<string, { shifts: WeekShift[]; fullDayTimeOffMarkers: WeekMarker[]; version: number }>();
  for (const row of prepared(
    db,
    `SELECT agent_id AS agentId, version FROM agent_schedules WHERE schedule_id = @schedule AND ${agentsIn}`,
  ).all(p) as Array<{ agentId: string; version: number }>) {
    weeks.set(row.agentId, { shifts: [], fullDayTimeOffMarkers: [], version: row.version });
  }
  if (weeks.size === 0) return new Map();

  const activities = new Map<number, WeekActivity[]>();
  for (const a of prepared(
    db,
    `SELECT a.shift_key AS shiftKey, a.start_ms AS startMs, a.length_minutes AS lengthMinutes,
       a.activity_code_id AS activityCodeId, a.paid, a.description
     FROM shifts s JOIN activities a ON a.shift_key = s.key
     WHERE s.schedule_id = @schedule AND s.${agentsIn} ORDER BY a.shift_key, a.seq`,
  ).all(p) as ActivityRow[]) {
    let list = activities.get(a.shiftKey);
    if (!list) activities.set(a.shiftKey, (list = []));
    list.push(activityOf(a));
  }
  for (const s of prepared(
    db,
    `SELECT key, id, agent_id AS agentId, start_date AS startDate, length_minutes AS lengthMinutes,
       manually_edited AS manuallyEdited
     FROM shifts WHERE schedule_id = @schedule AND ${agentsIn} ORDER BY agent_id, start_ms, key`,
  ).all(p) as ShiftRow[]) {
    weeks.get(s.agentId)?.shifts.push({
      ...(s.id === null ? {} : { id: s.id }),
      startDate: s.startDate,
      lengthMinutes: s.lengthMinutes,
      manuallyEdited: s.manuallyEdited === 1,
      activities: activities.get(s.key) ?? [],
    });
  }
  for (const m of prepared(
    db,
    `SELECT agent_id AS agentId, business_unit_date AS businessUnitDate, start_offset_minutes AS startOffsetMinutes,
       end_offset_minutes AS endOffsetMinutes, length_minutes AS lengthMinutes, activity_code_id AS activityCodeId,
       paid, description, time_off_request_id AS timeOffRequestId
     FROM full_day_time_off WHERE schedule_id = @schedule AND ${agentsIn} ORDER BY agent_id, seq`,
  ).all(p) as MarkerRow[]) {
    weeks.get(m.agentId)?.fullDayTimeOffMarkers.push(markerOf(m));
  }
  return new Map(
    [...weeks].map(([agentId, { version, ...week }]) => [agentId, { week, version } satisfies MirroredAgentWeek]),
  );
}

/** One agent's mirrored week of a schedule, or null when the schedule has no agent schedule for them. */
export function readAgentWeek(db: Database.Database, scheduleId: string, agentId: string): MirroredAgentWeek | null {
  return readAgentWeeks(db, scheduleId, [agentId]).get(agentId) ?? null;
}
