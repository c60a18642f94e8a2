/**
 * The coverage strip of a schedule's week as it will be once the pending
 * edits are published: the mirror's count, plus per agent with pending edits
 * the difference their effective week makes. Kept in whole on-queue agent-ms
 * (CoverageCounter.onQueueMs), so an edit is followed by taking the moved
 * agents' old difference out and putting their new one in, and the result is
 * exactly what a recount gives (no drift from adding fractions). One edit
 * then costs one packed week decoded and one pending week read, where a
 * recount of 5,000 agents decodes all of them.
 */
import type Database from 'better-sqlite3';
import { CoverageCounter } from '../../../shared/coverage/coverage';
import type { TimelineCoverage } from '../../../shared/coverage/types';
import { shiftInputs } from '../../../shared/edits/agent-input';
import { countedShifts } from '../../../shared/edits/coverage-state';
import { prepared } from '../statement-cache';
import {
  countMirroredSteps,
  coverageAnswer,
  coverageSetup,
  mirroredShiftsOf,
  runSteps,
  type CoverageQuery,
  type CoverageSetup,
} from './coverage';
import { movedAgents, pendingMarks, pendingWeeksOf, type PendingAgentWeek, type PendingMarks } from './pending-weeks';
import { rosterOf, type RosterAgent } from './roster';
import { writtenWeek } from '../edits/written-weeks';
import type { TimelineShift } from '../../../shared/timeline';

/** An agent's effective week minus their mirrored one, from interval `from` on (zero elsewhere). */
interface AgentDelta {
  from: number;
  values: Float64Array;
}

export interface CoverageCount {
  setup: CoverageSetup;
  /** What the count read of the mirror (not of the change set): when it moves, only a recount is right. */
  mirrorKey: string;
  marks: PendingMarks;
  deltas: Map<string, AgentDelta>;
  /** Mirror plus deltas: on-queue agent-ms per interval. */
  ms: Float64Array;
  answer: TimelineCoverage;
}

/** The mirrored rows a count reads, in one row: the schedule, its packed weeks (inserted anew on every write), the on-queue codes, the roster. */
export function mirrorKeyOf(db: Database.Database, q: CoverageQuery): string {
  return prepared(
    db,
    `SELECT json_array(
       (SELECT json_array(week_date, week_count, activity_codes_json, version) FROM schedules WHERE id = @schedule),
       (SELECT json_array(max(rowid), count(*)) FROM timeline_weeks WHERE schedule_id = @schedule),
       (SELECT group_concat(id) FROM activity_codes WHERE business_unit_id = @bu AND category = 'OnQueueWork'),
       (SELECT generation FROM roster_generations WHERE business_unit_id = @bu),
       (SELECT time_zone FROM business_units WHERE id = @bu AND time_zone IS NOT NULL LIMIT 1))`,
  )
    .pluck()
    .get({ schedule: q.scheduleId, bu: q.businessUnitId }) as string;
}

const rosterSets = new WeakMap<readonly RosterAgent[], Set<string>>();
function rosterIds(db: Database.Database, businessUnitId: string): Set<string> {
  const roster = rosterOf(db, businessUnitId);
  let ids = rosterSets.get(roster);
  if (!ids) rosterSets.set(roster, (ids = new Set(roster.map((a) => a.id))));
  return ids;
}

/** One agent's delta on a counter kept for the purpose (cleared here): their effective week in, their mirrored one out. */
function deltaOf(counter: CoverageCounter, p: PendingAgentWeek, mirrored: readonly TimelineShift[]): AgentDelta | null {
  counter.clear();
  counter.addAgent(countedShifts(shiftInputs(p.agentId, p.scheduleId, p.week), p.scheduleId), 1);
  counter.addAgent(mirrored, -1);
  const diff = counter.onQueueMs();
  let first = -1;
  let last = -1;
  for (let i = 0; i < diff.length; i++)
    if (diff[i] !== 0) {
      if (first < 0) first = i;
      last = i;
    }
  if (first < 0) return null;
  return { from: first, values: diff.slice(first, last + 1) };
}

function addDelta(ms: Float64Array, d: AgentDelta, sign: 1 | -1): void {
  for (let i = 0; i < d.values.length; i++)
    ms[d.from + i] = (ms[d.from + i] as number) + sign * (d.values[i] as number);
}

/**
 * These agents' pending weeks: the ones this process just wrote from memory (`marks` says which edit each agent
 * stands at, and that edit's rows never change), the others read from the change set.
 */
function pendingOf(db: Database.Database, setup: CoverageSetup, marks: PendingMarks, agentIds: readonly string[]) {
  const pending: PendingAgentWeek[] = [];
  const unread: string[] = [];
  for (const agentId of agentIds) {
    const editId = marks.get(agentId);
    const known = editId === undefined ? undefined : writtenWeek(editId, agentId);
    if (known) pending.push({ agentId, scheduleId: setup.q.scheduleId, editId: editId!, ...known });
    else unread.push(agentId);
  }
  return unread.length ? [...pending, ...pendingWeeksOf(db, setup.q, unread)] : pending;
}

/** The deltas of these agents now (an agent without pending edits, or not on the roster, has none). */
function deltasOf(
  db: Database.Database,
  setup: CoverageSetup,
  marks: PendingMarks,
  agentIds: readonly string[],
): Map<string, AgentDelta> {
  const out = new Map<string, AgentDelta>();
  if (agentIds.length === 0) return out;
  const roster = rosterIds(db, setup.q.businessUnitId);
  const pending = pendingOf(db, setup, marks, agentIds).filter((p) => roster.has(p.agentId));
  const mirrored = mirroredShiftsOf(
    db,
    setup,
    pending.map((p) => p.agentId),
  );
  // One counter for all: two fresh ones per agent were most of a bulk edit's strip (allocating and zeroing).
  const counter = new CoverageCounter(setup.grid, setup.onQueueCodes);
  for (const p of pending) {
    const d = deltaOf(counter, p, mirrored.get(p.agentId) ?? []);
    if (d) out.set(p.agentId, d);
  }
  return out;
}

/**
 * A whole count: every roster agent's mirrored week (in steps, see countMirroredSteps), then the
 * pending weeks, read after the last step so the deltas are the change set as it is at the end.
 */
export function* countCoverageSteps(
  db: Database.Database,
  q: CoverageQuery,
  stepMs?: number,
): Generator<void, CoverageCount> {
  // Read with the rows the steps count: a mirror that moves during the steps shows as a changed key later.
  const mirrorKey = mirrorKeyOf(db, q);
  const setup = coverageSetup(db, q);
  const ms = yield* countMirroredSteps(db, setup, stepMs);
  const marks = pendingMarks(db, q.scheduleId);
  const deltas = deltasOf(db, setup, marks, [...marks.keys()]);
  for (const d of deltas.values()) addDelta(ms, d, 1);
  return { setup, mirrorKey, marks, deltas, ms, answer: coverageAnswer(db, setup, ms) };
}

export function countCoverage(db: Database.Database, q: CoverageQuery): CoverageCount {
  return runSteps(countCoverageSteps(db, q));
}

/**
 * The count brought up to the change set as it is now, or null when the
 * mirror under it moved (only a recount is right then). Unmoved: the same
 * count, its answer read again (a staffing requirement written since shows).
 */
export function followEdits(db: Database.Database, count: CoverageCount): CoverageCount | null {
  if (mirrorKeyOf(db, count.setup.q) !== count.mirrorKey) return null;
  const marks = pendingMarks(db, count.setup.q.scheduleId);
  const moved = movedAgents(count.marks, marks);
  const ms = Float64Array.from(count.ms);
  const deltas = new Map(count.deltas);
  for (const agentId of moved) {
    const old = deltas.get(agentId);
    if (old) addDelta(ms, old, -1);
    deltas.delete(agentId);
  }
  for (const [agentId, d] of deltasOf(db, count.setup, marks, moved)) {
    addDelta(ms, d, 1);
    deltas.set(agentId, d);
  }
  return { ...count, marks, deltas, ms, answer: coverageAnswer(db, count.setup, ms) };
}

/** The strip as the pending edits will make it, counted afresh. */
export function readCoverage(db: Database.Database, q: CoverageQuery): TimelineCoverage {
  return countCoverage(db, q).answer;
}
