/**
 * The timeline's window: a page of agents (by name, filtered by MU, a name
 * search or given ids) and their shifts, activities and full-day time off in
 * a time range. Three statements, each an index range scan (see the test on
 * EXPLAIN QUERY PLAN): the timeline re-queries on every scroll.
 */
import type Database from 'better-sqlite3';
import { DateTime } from 'luxon';

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

export interface TimelineActivity {
  startMs: number;
  lengthMinutes: number;
  activityCodeId: string;
  paid: boolean | null;
  description: string | null;
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

type ShiftRow = [string, number, string | null, string, number, number, number, number | null, number, number, string, number | null, string | null];
type TimeOffRow = [string, string, string, number | null, number, string, string | null];

const dayMs = 86_400_000;
const bool = (n: number | null) => (n === null ? null : n === 1);

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
  const total = (db.prepare(`SELECT count(*) AS n FROM agents WHERE ${where}`).get(params) as { n: number }).n;
  const page = db
    .prepare(`SELECT id, name, management_unit_id AS managementUnitId FROM agents WHERE ${where} ORDER BY name, id LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as Array<{ id: string; name: string; managementUnitId: string | null }>;
  const agents = new Map<string, TimelineAgent>(page.map((a) => [a.id, { ...a, shifts: [], timeOff: [] }]));
  if (agents.size === 0) return { total, agents: [] };
  const ids = JSON.stringify([...agents.keys()]);
  const scheduleFilter = q.scheduleId ? 'AND s.schedule_id = @scheduleId' : '';

  // A shift overlapping `from` started at most the unit's longest shift earlier: that bound keeps the scan on the index.
  const longest = db.prepare('SELECT max(max_shift_minutes) FROM schedules WHERE business_unit_id = ?').pluck().get(q.businessUnitId) as number | null;
  const rows = db
    .prepare(
      `SELECT s.agent_id, s.key, s.id, s.schedule_id, s.start_ms, s.end_ms, s.manually_edited,
         a.seq, a.start_ms, a.length_minutes, a.activity_code_id, a.paid, a.description
       FROM shifts s LEFT JOIN activities a ON a.shift_key = s.key
       WHERE s.agent_id IN (SELECT value FROM json_each(@ids)) AND s.start_ms > @earliest AND s.start_ms < @to AND s.end_ms > @from ${scheduleFilter}`,
    )
    .raw()
    .all({ ids, earliest: q.from - (longest ?? 0) * 60_000 - 1, from: q.from, to: q.to, scheduleId: q.scheduleId }) as ShiftRow[];
  const shifts = new Map<number, TimelineShift & { agentId: string; seqs: number[] }>();
  for (const r of rows) {
    let shift = shifts.get(r[1]);
    if (!shift) {
      shift = { key: r[1], id: r[2], scheduleId: r[3], startMs: r[4], endMs: r[5], manuallyEdited: r[6] === 1, activities: [], agentId: r[0], seqs: [] };
      shifts.set(r[1], shift);
    }
    if (r[7] === null) continue;
    shift.seqs.push(r[7]);
    shift.activities.push({ startMs: r[8], lengthMinutes: r[9], activityCodeId: r[10], paid: bool(r[11]), description: r[12] });
  }
  for (const { agentId, seqs, ...shift } of shifts.values()) {
    // The join returns activities in key order; re-sorting is only a guard against another plan.
    if (seqs.some((seq, i) => i > 0 && seq < seqs[i - 1]!)) {
      shift.activities = seqs.map((seq, i) => [seq, shift.activities[i]!] as const).sort((a, b) => a[0] - b[0]).map(([, a]) => a);
    }
    agents.get(agentId)!.shifts.push(shift);
  }
  for (const a of agents.values()) a.shifts.sort((x, y) => x.startMs - y.startMs || x.key - y.key);
  addTimeOff(db, q, ids, agents);
  return { total, agents: [...agents.values()] };
}

/** Full-day markers are BU-local dates: the window is widened by a day each side in dates, then cut exactly in instants. */
function addTimeOff(db: Database.Database, q: TimelineQuery, ids: string, agents: Map<string, TimelineAgent>): void {
  const zone = (db.prepare('SELECT time_zone FROM business_units WHERE id = ? AND time_zone IS NOT NULL LIMIT 1').pluck().get(q.businessUnitId) as string | undefined) ?? 'UTC';
  const date = (ms: number) => DateTime.fromMillis(ms, { zone }).toISODate()!;
  const rows = db
    .prepare(
      `SELECT t.agent_id, t.schedule_id, t.business_unit_date, t.start_offset_minutes, t.length_minutes, t.activity_code_id, t.time_off_request_id
       FROM full_day_time_off t
       WHERE t.agent_id IN (SELECT value FROM json_each(@ids)) AND t.business_unit_date BETWEEN @firstDate AND @lastDate
         ${q.scheduleId ? 'AND t.schedule_id = @scheduleId' : ''}`,
    )
    .raw()
    .all({ ids, firstDate: date(q.from - dayMs), lastDate: date(q.to + dayMs), scheduleId: q.scheduleId }) as TimeOffRow[];
  const midnight = new Map<string, number>();
  for (const [agentId, scheduleId, businessUnitDate, offset, lengthMinutes, activityCodeId, timeOffRequestId] of rows) {
    let start = midnight.get(businessUnitDate);
    if (start === undefined) midnight.set(businessUnitDate, (start = DateTime.fromISO(businessUnitDate, { zone }).toMillis()));
    const startMs = start + (offset ?? 0) * 60_000;
    const endMs = startMs + lengthMinutes * 60_000;
    if (startMs >= q.to || endMs <= q.from) continue;
    agents.get(agentId)!.timeOff.push({ scheduleId, businessUnitDate, startMs, endMs, lengthMinutes, activityCodeId, timeOffRequestId });
  }
  for (const a of agents.values()) a.timeOff.sort((x, y) => x.startMs - y.startMs);
}
