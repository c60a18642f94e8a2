/**
 * The timeline's window: a page of agents (by name, filtered by MU, a name
 * search or given ids) and their shifts, activities and full-day time off in
 * a time range. Agents, shifts (activities packed in them) and time off: each
 * an index range scan (see the test on EXPLAIN QUERY PLAN), because the
 * timeline re-queries on every scroll.
 */
import type Database from 'better-sqlite3';
import { prepared } from './statement-cache';
import { addTimeOff } from './timeline-time-off';

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

/** What the timeline draws; descriptions and the rest stay in the activities table. */
export interface TimelineActivity {
  startMs: number;
  lengthMinutes: number;
  activityCodeId: string;
  paid: boolean | null;
}

export interface TimelineShift {
  /** The mirror's key (stable until the schedule is refetched). */
  key: number;
  id: string | null;
  scheduleId: string;
  startMs: number;
  endMs: number;
  manuallyEdited: boolean;
  activities: TimelineActivity[];
}

export interface TimelineTimeOff {
  scheduleId: string;
  businessUnitDate: string;
  startMs: number;
  endMs: number;
  lengthMinutes: number;
  activityCodeId: string;
  timeOffRequestId: string | null;
}

export interface TimelineAgent {
  id: string;
  name: string;
  managementUnitId: string | null;
  shifts: TimelineShift[];
  timeOff: TimelineTimeOff[];
}

export interface TimelineWindow {
  total: number;
  agents: TimelineAgent[];
}

type ShiftRow = [number, number, string | null, string, number, number, number, PackedActivity[]];
/** shifts.activities_json: [startOffsetMs, lengthMinutes, codeIndex into its schedule's activity_codes_json, paid]. */
type PackedActivity = [number, number, number, number | null];

function agentFilter(q: TimelineQuery): { where: string; params: Record<string, unknown> } {
  const where = ['business_unit_id = @businessUnitId'];
  const params: Record<string, unknown> = { businessUnitId: q.businessUnitId };
  if (q.managementUnitId) {
    where.push('management_unit_id = @managementUnitId');
    params.managementUnitId = q.managementUnitId;
  }
  if (q.search) {
    where.push("name LIKE @search ESCAPE '\\'");
    params.search = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (q.agentIds) {
    where.push('id IN (SELECT value FROM json_each(@agentIds))');
    params.agentIds = JSON.stringify(q.agentIds);
  }
  return { where: where.join(' AND '), params };
}

export function queryTimeline(db: Database.Database, q: TimelineQuery): TimelineWindow {
  const { where, params } = agentFilter(q);
  const total = prepared(db, `SELECT count(*) FROM agents WHERE ${where}`).pluck().get(params) as number;
  const page = prepared(db, `SELECT id, name, management_unit_id AS managementUnitId FROM agents WHERE ${where} ORDER BY name, id LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: q.limit,
    offset: q.offset,
  }) as Array<{ id: string; name: string; managementUnitId: string | null }>;
  const agents: TimelineAgent[] = page.map((a) => ({ ...a, shifts: [], timeOff: [] }));
  if (agents.length === 0) return { total, agents };
  const ids = JSON.stringify(agents.map((a) => a.id));
  addShifts(db, q, ids, agents);
  addTimeOff(db, q, ids, agents);
  return { total, agents };
}

/**
 * Shifts come in agent order (json_each's key is the agent's place in the
 * page) and by start, straight off the primary key. SQLite hands them over
 * as ONE JSON text, parsed once: per-row hand-over costs more than the rows.
 */
function addShifts(db: Database.Database, q: TimelineQuery, ids: string, agents: TimelineAgent[]): void {
  // A shift overlapping `from` started at most the unit's longest shift earlier: that bound keeps the scan on the index.
  const longest = prepared(db, 'SELECT max(max_shift_minutes) FROM schedules WHERE business_unit_id = ?').pluck().get(q.businessUnitId) as number | null;
  const text = prepared(
    db,
    `SELECT '[' || group_concat('[' || j.key || ',' || s.key || ',' || json_quote(s.id) || ',' || json_quote(s.schedule_id) || ',' || s.start_ms || ','
       || s.end_ms || ',' || s.manually_edited || ',' || s.activities_json || ']') || ']'
     FROM json_each(@ids) j JOIN shifts s ON s.agent_id = j.value
     WHERE s.start_ms > @earliest AND s.start_ms < @to AND s.end_ms > @from ${q.scheduleId ? 'AND s.schedule_id = @scheduleId' : ''}`,
  )
    .pluck()
    .get({ ids, earliest: q.from - (longest ?? 0) * 60_000 - 1, from: q.from, to: q.to, scheduleId: q.scheduleId }) as string | null;
  if (!text) return;
  const codesOf = new Map<string, string[]>();
  const codeList = prepared(db, 'SELECT activity_codes_json FROM schedules WHERE id = ?').pluck();
  for (const [agentIndex, key, id, scheduleId, startMs, endMs, manuallyEdited, packed] of JSON.parse(text) as ShiftRow[]) {
    let codes = codesOf.get(scheduleId);
    if (!codes) codesOf.set(scheduleId, (codes = JSON.parse(codeList.get(scheduleId) as string) as string[]));
    // A plain loop into a sized array: the window builds thousands of these, and closures show up in the p95.
    const activities: TimelineActivity[] = new Array(packed.length);
    for (let i = 0; i < packed.length; i++) {
      const a = packed[i]!;
      activities[i] = { startMs: startMs + a[0], lengthMinutes: a[1], activityCodeId: codes[a[2]]!, paid: a[3] === null ? null : a[3] === 1 };
    }
    agents[agentIndex]!.shifts.push({ key, id, scheduleId, startMs, endMs, manuallyEdited: manuallyEdited === 1, activities });
  }
  // Already in order with one schedule; shifts of two schedules of a week interleave.
  for (const a of agents) if (a.shifts.length > 1) a.shifts.sort((x, y) => x.startMs - y.startMs || x.key - y.key);
}
