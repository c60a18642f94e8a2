/**
 * The timeline's window: a page of agents (by name, filtered by MU, a name
 * search or given ids) and their shifts, activities and full-day time off in
 * a time range. The timeline re-queries on every scroll, so: agents from an
 * in-memory roster (timeline-roster.ts), shifts from packed agent weeks (one
 * index lookup each), time off by an index range (see the test on EXPLAIN
 * QUERY PLAN). Agents with pending edits show their effective week (window-pending.ts).
 */
import type Database from 'better-sqlite3';
import type { TimelineAgent, TimelineWindow } from '../../../shared/timeline';
import { decodeAgentWeek } from './packed-week';
import { prepared } from '../statement-cache';
import { filterRoster, rosterOf } from './roster';
import { addTimeOff } from './time-off';
import { addPendingWeeks } from './window-pending';

export interface TimelineQuery {
  businessUnitId: string;
  /** Epoch ms, [from, to). */
  from: number;
  to: number;
  offset: number;
  limit: number;
  managementUnitId?: string;
  /** Part of the agent's name, any case. */
  search?: string;
  /** Only these agents (e.g. those with findings). */
  agentIds?: readonly string[];
  /** Only shifts and time off of this schedule; default every mirrored schedule of the unit. */
  scheduleId?: string;
}

export type {
  TimelineActivity,
  TimelineAgent,
  TimelineShift,
  TimelineTimeOff,
  TimelineWindow,
} from '../../../shared/timeline';

export function queryTimeline(db: Database.Database, q: TimelineQuery): TimelineWindow {
  const matching = filterRoster(rosterOf(db, q.businessUnitId), q);
  const total = matching.length;
  const page = matching.slice(q.offset, q.offset + q.limit);
  const agents: TimelineAgent[] = page.map((a) => ({
    id: a.id,
    name: a.name,
    managementUnitId: a.managementUnitId,
    shifts: [],
    timeOff: [],
  }));
  if (agents.length === 0) return { total, agents };
  const ids = JSON.stringify(agents.map((a) => a.id));
  addShifts(db, q, ids, agents);
  addTimeOff(db, q, ids, agents);
  // Last: a row with pending edits shows the week it will have, the mirrored one kept beside it.
  addPendingWeeks(db, q, agents);
  return { total, agents };
}

/**
 * Shifts from the packed agent weeks (timeline_weeks): the schedules whose
 * shifts reach the window, then one unique-index lookup per agent and
 * schedule, skipping weeks that end before the window or start after it
 * without unpacking them.
 */
function addShifts(db: Database.Database, q: TimelineQuery, ids: string, agents: TimelineAgent[]): void {
  const schedules = prepared(
    db,
    `SELECT id, activity_codes_json FROM schedules WHERE business_unit_id = @businessUnitId
       AND last_shift_end_ms > @from AND first_shift_start_ms < @to ${q.scheduleId ? 'AND id = @scheduleId' : ''}`,
  )
    .raw()
    .all({ businessUnitId: q.businessUnitId, from: q.from, to: q.to, scheduleId: q.scheduleId }) as Array<
    [string, string]
  >;
  if (schedules.length === 0) return;
  const codes = schedules.map(([, json]) => JSON.parse(json) as string[]);
  // CROSS JOIN keeps the page's agents as the outer loop: the planner has no statistics for json_each.
  const rows = prepared(
    db,
    `SELECT j.key, c.key, t.packed FROM json_each(@ids) j CROSS JOIN json_each(@schedules) c CROSS JOIN timeline_weeks t
     WHERE t.schedule_id = c.value AND t.agent_id = j.value AND t.last_end_ms > @from AND t.first_start_ms < @to`,
  )
    .raw()
    .all({ ids, schedules: JSON.stringify(schedules.map(([id]) => id)), from: q.from, to: q.to }) as Array<
    [number, number, Buffer]
  >;
  for (const [agentIndex, scheduleIndex, packed] of rows) {
    decodeAgentWeek(
      packed,
      schedules[scheduleIndex]![0],
      codes[scheduleIndex]!,
      q.from,
      q.to,
      agents[agentIndex]!.shifts,
    );
  }
  // In order within a schedule; shifts of two schedules of one agent interleave.
  if (schedules.length > 1)
    for (const a of agents) if (a.shifts.length > 1) a.shifts.sort((x, y) => x.startMs - y.startMs || x.key - y.key);
}
