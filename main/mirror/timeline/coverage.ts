/**
 * The timeline's coverage strip from the mirror: for one schedule and one of
 * its weeks, the agents on queue per 15-minute interval of the BU week
 * (shared/coverage/coverage.ts decides what counts). Every agent of the
 * unit's roster (the agents the timeline shows, not a page) has their packed
 * week decoded once (one unique-index lookup each, weeks that miss the grid
 * skipped unread) and added to the count, then let go.
 *
 * Agents of the schedule no longer in the unit's roster are not counted: the
 * timeline does not show them either. Agents with pending edits count their
 * effective week instead (coverage-count.ts, which `readCoverage` is). Activity codes the unit no longer lists
 * have no category and count as not on queue.
 */
import type Database from 'better-sqlite3';
import { CoverageCounter, onQueueCategory, weekGrid, type WeekGrid } from '../../../shared/coverage/coverage';
import type { TimelineCoverage } from '../../../shared/coverage/types';
import { badInput } from '../../../shared/ops-error';
import type { TimelineShift } from '../../../shared/timeline';
import { prepared } from '../statement-cache';
import { addDays } from '../sync/business-unit-weeks';
import { decodeAgentWeek } from './packed-week';
import { rosterOf } from './roster';
import { staffingRequirement } from '../staffing-store';

export interface CoverageQuery {
  businessUnitId: string;
  scheduleId: string;
  /** A week the schedule covers, its first day (yyyy-MM-dd). */
  week: string;
}

export type { TimelineCoverage } from '../../../shared/coverage/types';

const notSynced =
  'This business unit has not been synced on this machine yet. Sync it on the Schedules screen (or `publish-desk sync`) to see its coverage.';

/** The weeks a schedule of `weekCount` weeks from `weekDate` covers. */
function weeksOf(weekDate: string, weekCount: number): string[] {
  return Array.from({ length: Math.max(1, weekCount) }, (_, i) => addDays(weekDate, 7 * i));
}

/** What counting a schedule's week needs, checked against the mirror once per count. */
export interface CoverageSetup {
  q: CoverageQuery;
  timeZone: string;
  grid: WeekGrid;
  onQueueCodes: ReadonlySet<string>;
  /** The schedule's activity code list (packed weeks index into it). */
  codes: readonly string[];
  /** The grid's span, [from, to). */
  from: number;
  to: number;
}

export function coverageSetup(db: Database.Database, q: CoverageQuery): CoverageSetup {
  const timeZone = prepared(db, 'SELECT time_zone FROM business_units WHERE id = ? AND time_zone IS NOT NULL LIMIT 1')
    .pluck()
    .get(q.businessUnitId) as string | undefined;
  if (!timeZone) throw badInput(notSynced);
  const schedule = prepared(
    db,
    'SELECT week_date, week_count, activity_codes_json FROM schedules WHERE id = ? AND business_unit_id = ?',
  )
    .raw()
    .get(q.scheduleId, q.businessUnitId) as [string, number, string] | undefined;
  if (!schedule)
    throw badInput(
      `Schedule ${q.scheduleId} of this business unit is not mirrored on this machine. Sync its week first (Schedules screen, or \`publish-desk sync\`).`,
    );
  const [weekDate, weekCount, codesJson] = schedule;
  const weeks = weeksOf(weekDate, weekCount);
  if (!weeks.includes(q.week))
    throw badInput(`Schedule ${q.scheduleId} does not cover the week of ${q.week}; it covers ${weeks.join(', ')}.`);
  const grid = weekGrid(q.week, timeZone);
  const onQueueCodes = new Set(
    prepared(db, 'SELECT id FROM activity_codes WHERE business_unit_id = ? AND category = ?')
      .pluck()
      .all(q.businessUnitId, onQueueCategory) as string[],
  );
  const from = grid.startMs;
  const to = grid.startMs + grid.count * grid.intervalMinutes * 60_000;
  return { q, timeZone, grid, onQueueCodes, codes: JSON.parse(codesJson) as string[], from, to };
}

/** Agents decoded between looks at the clock while counting in steps. */
const agentsPerLook = 100;

/**
 * On-queue agent-ms per interval of every roster agent's mirrored week (whole numbers: see
 * CoverageCounter.onQueueMs), in steps: it yields after about `stepMs` of decoding, so a caller on
 * the services' loop can answer row pages between steps. The packed weeks are read in one statement
 * before the first step, so every step counts the same snapshot of the mirror.
 */
export function* countMirroredSteps(
  db: Database.Database,
  setup: CoverageSetup,
  stepMs = 8,
): Generator<void, Float64Array> {
  const { q, grid, onQueueCodes, codes, from, to } = setup;
  const counter = new CoverageCounter(grid, onQueueCodes);
  // Nothing of this schedule is on queue (no such codes, or the unit's codes are not mirrored): no week to unpack.
  if (!codes.some((c) => onQueueCodes.has(c))) return counter.onQueueMs();
  const ids = JSON.stringify(rosterOf(db, q.businessUnitId).map((a) => a.id));
  const rows = prepared(
    db,
    `SELECT t.packed FROM json_each(@ids) j CROSS JOIN timeline_weeks t
     WHERE t.schedule_id = @scheduleId AND t.agent_id = j.value AND t.last_end_ms > @from AND t.first_start_ms < @to`,
  )
    .pluck()
    .all({ ids, scheduleId: q.scheduleId, from, to }) as Buffer[];
  const shifts: TimelineShift[] = [];
  let stepStart = performance.now();
  for (let i = 0; i < rows.length; i++) {
    shifts.length = 0;
    decodeAgentWeek(rows[i] as Buffer, q.scheduleId, codes, from, to, shifts);
    counter.addAgent(shifts);
    if (i % agentsPerLook === agentsPerLook - 1 && performance.now() - stepStart >= stepMs) {
      yield;
      stepStart = performance.now();
    }
  }
  return counter.onQueueMs();
}

/** A stepwise count run to its end without pausing. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Some agents' mirrored shifts of the schedule on the grid, in one read (an agent the schedule has no week for: absent). */
export function mirroredShiftsOf(
  db: Database.Database,
  setup: CoverageSetup,
  agentIds: readonly string[],
): Map<string, TimelineShift[]> {
  const out = new Map<string, TimelineShift[]>();
  if (agentIds.length === 0) return out;
  const rows = prepared(
    db,
    `SELECT agent_id, packed FROM timeline_weeks
     WHERE schedule_id = @schedule AND agent_id IN (SELECT value FROM json_each(@agents))`,
  )
    .raw()
    .all({ schedule: setup.q.scheduleId, agents: JSON.stringify(agentIds) }) as Array<[string, Buffer]>;
  for (const [agentId, packed] of rows) {
    const shifts: TimelineShift[] = [];
    decodeAgentWeek(packed, setup.q.scheduleId, setup.codes, setup.from, setup.to, shifts);
    out.set(agentId, shifts);
  }
  return out;
}

/** The strip's answer from on-queue agent-ms per interval, with the schedule's staffing requirement when mirrored. */
export function coverageAnswer(db: Database.Database, setup: CoverageSetup, ms: Float64Array): TimelineCoverage {
  const { q, grid } = setup;
  const intervalMs = grid.intervalMinutes * 60_000;
  const onQueue = Array.from(ms, (v) => v / intervalMs);
  // The schedule's short-term forecast, when mirrored, on the same grid (BU-local midnight, 15 minutes): index for index.
  const staffing = staffingRequirement(db, q.businessUnitId, { scheduleId: q.scheduleId, week: q.week });
  const aligned = staffing && staffing.startMs === grid.startMs && staffing.intervalMinutes === grid.intervalMinutes;
  const required = aligned ? onQueue.map((_, i) => staffing.required[i] ?? 0) : null;
  return {
    businessUnitId: q.businessUnitId,
    scheduleId: q.scheduleId,
    week: q.week,
    timeZone: setup.timeZone,
    startMs: grid.startMs,
    intervalMinutes: grid.intervalMinutes,
    onQueue,
    required,
  };
}
