/**
 * Agents' weeks of one schedule as the mirror holds them, in the shape an
 * edit and an upload mean (AgentWeek), each with the agent schedule's own
 * version: the base an edit is made on.
 *
 * The shift-level fields come from the shift rows (the start as Genesys
 * wrote it, its id), each activity's time, code and paid flag from the
 * timeline's packed week (one blob per agent schedule, written in the same
 * transaction as the rows), and only the activity descriptions, which the
 * blobs leave out and an upload must send back, from the activity rows, as
 * one JSON list per shift. A 1,500-agent bulk edit reads ~50,000 activities:
 * as rows sorted by shift key, each with its own ISO text, that was most of
 * its time. When a packed week is damaged, missing or not of these rows,
 * the whole answer is read from the rows instead (agent-week-rows.ts).
 */
import type Database from 'better-sqlite3';
import type { WeekActivity } from '../../../shared/publish/agent-week';
import { prepared } from '../statement-cache';
import { decodeAgentWeek, PackedWeekError, type DecodedShift } from '../timeline/packed-week';
import {
  activityOf,
  agentsIn,
  finishWeeks,
  readAgentWeeksFromRows,
  readVersions,
  shiftOf,
  weekParams,
  type MirroredAgentWeek,
  type WeekParams,
} from './agent-week-rows';

export { readAgentWeeksFromRows, type MirroredAgentWeek } from './agent-week-rows';

type ShiftRow = [
  key: number,
  id: string | null,
  agentId: string,
  startDate: string,
  lengthMinutes: number,
  edited: number,
  descriptionsJson: string,
];

/** ISO text of an instant, made once per instant: a unit's activities start at a few hundred quarter hours. */
function isoTexts(): (ms: number) => string {
  const texts = new Map<number, string>();
  return (ms) => {
    let text = texts.get(ms);
    if (text === undefined) texts.set(ms, (text = new Date(ms).toISOString()));
    return text;
  };
}

/** The asked-for agents' packed shifts by mirror key; null when a blob cannot be read. */
function packedShifts(db: Database.Database, p: WeekParams): Map<number, DecodedShift> | null {
  const codesJson = prepared(db, 'SELECT activity_codes_json FROM schedules WHERE id = @schedule')
    .pluck()
    .get({ schedule: p.schedule }) as string | undefined;
  const codes = codesJson === undefined ? [] : (JSON.parse(codesJson) as string[]);
  const decoded: DecodedShift[] = [];
  try {
    for (const packed of prepared(
      db,
      `SELECT packed FROM timeline_weeks WHERE schedule_id = @schedule AND ${agentsIn('agent_id', p)}`,
    )
      .pluck()
      .all(p) as Buffer[])
      decodeAgentWeek(packed, p.schedule, codes, -Infinity, Infinity, decoded);
  } catch (err) {
    if (err instanceof PackedWeekError) return null;
    throw err;
  }
  return new Map(decoded.map((s) => [s.key, s]));
}

/** The descriptions of a shift's activities in seq order (null where Genesys sent none); null when not a list. */
function descriptionsOf(json: string): Array<string | null> | null {
  // '[null]' is what json_group_array makes of a shift with no activity row (the LEFT side of the join).
  if (json === '[null]') return [];
  const list = JSON.parse(json) as unknown;
  return Array.isArray(list) ? (list as Array<string | null>) : null;
}

/**
 * The mirrored weeks of `agentIds` (every agent of the schedule when
 * omitted) in schedule `scheduleId`, read from the file every time (the
 * services read through kept-weeks.ts). An agent the schedule has no agent
 * schedule for is absent from the answer (an edit on them starts from an
 * empty week with no version).
 */
export function readAgentWeeksAfresh(
  db: Database.Database,
  scheduleId: string,
  agentIds?: readonly string[],
): Map<string, MirroredAgentWeek> {
  const p = weekParams(scheduleId, agentIds);
  const weeks = readVersions(db, p);
  if (weeks.size === 0) return new Map();
  const packed = packedShifts(db, p);
  if (!packed) return readAgentWeeksFromRows(db, scheduleId, agentIds);

  const iso = isoTexts();
  // count(a.seq) tells a shift without activities ('[null]' from the outer join) from one whose only description is null.
  for (const [key, id, agentId, startDate, lengthMinutes, edited, descriptionsJson] of prepared(
    db,
    `SELECT s.key, s.id, s.agent_id, s.start_date, s.length_minutes, s.manually_edited,
       CASE WHEN count(a.seq) = 0 THEN '[null]' ELSE json_group_array(a.description ORDER BY a.seq) END
     FROM shifts s LEFT JOIN activities a ON a.shift_key = s.key
     WHERE s.schedule_id = @schedule AND ${agentsIn('s.agent_id', p)}
     GROUP BY s.agent_id, s.start_ms, s.key ORDER BY s.agent_id, s.start_ms, s.key`,
  )
    .raw()
    .all(p) as ShiftRow[]) {
    const shift = packed.get(key);
    const descriptions = descriptionsOf(descriptionsJson);
    // Every mirrored shift is in its agent's packed week with as many activities: else the blobs are not of these rows.
    if (!shift || !descriptions || descriptions.length !== shift.activities.length)
      return readAgentWeeksFromRows(db, scheduleId, agentIds);
    const activities: WeekActivity[] = new Array(descriptions.length);
    for (let i = 0; i < activities.length; i++) {
      const a = shift.activities[i]!;
      activities[i] = activityOf(iso(a.startMs), a.lengthMinutes, a.activityCodeId, a.paid, descriptions[i] ?? null);
    }
    weeks.get(agentId)?.shifts.push(shiftOf(id, startDate, lengthMinutes, edited, activities));
  }
  return finishWeeks(db, p, weeks);
}

/** One agent's mirrored week of a schedule, or null when the schedule has no agent schedule for them. */
export function readAgentWeek(db: Database.Database, scheduleId: string, agentId: string): MirroredAgentWeek | null {
  return readAgentWeeksAfresh(db, scheduleId, [agentId]).get(agentId) ?? null;
}
