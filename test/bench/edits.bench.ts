/**
 * Edits speed (issue 14), on a 5,000-agent BU week (a published schedule and
 * its draft revision, about 49,000 shifts):
 * - one edit → findings and coverage updated: applyIntent on the agent's
 *   week, then the incremental re-analysis of that agent and the coverage
 *   update (p95 over 240 edits, each on top of the last; goal ≤ 16 ms);
 * - a bulk edit on a whole MU (1,500 agents: a 30-minute team meeting Wed
 *   14:00) → applied, stored and re-analysed (goal ≤ 250 ms): the store is
 *   the change-set store's own write (one transaction, each agent's before
 *   and after) into a fresh mirror file, discarded after each run (untimed);
 * - in the same run, a full re-analysis of the week (analysis plus coverage
 *   recount) for comparison, and the ratio.
 * Inputs go through JSON first, as the mirror hands them over.
 * Prints figures, then one JSON object on the last line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../main/mirror/database';
import { createChangeSetStore } from '../../main/mirror/edits';
import { generateOrg } from '../../main/sandbox/org/generator';
import { analyze } from '../../shared/analysis/analyze';
import type { AnalysisInput } from '../../shared/analysis/types';
import { agentWeekFromInput } from '../../shared/edits/agent-input';
import { agentData, analysedWeek, currentInput, type AnalysedWeek } from '../../shared/edits/analysed-week';
import { applyIntent } from '../../shared/edits/apply';
import { applyBulk, previewBulk, type BulkAgent, type BulkResult } from '../../shared/edits/bulk';
import type { EditContext } from '../../shared/edits/context';
import { coverageOf } from '../../shared/edits/coverage-state';
import { reanalyseAgents } from '../../shared/edits/reanalyse';
import { shiftKey } from '../../shared/edits/shift-ref';
import type { EditIntent } from '../../shared/edits/types';
import { inputFromSandbox } from '../analysis/from-sandbox';

const now = new Date('2026-11-23T12:00:00Z');
const edits = 240;
const bulkRuns = 7;

function timed<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

/** The change-set store's write of the bulk edit into a fresh mirror file; its ms, the edit discarded again (untimed). */
function bulkStore(dir: string) {
  const { db } = openDatabase(dir);
  const store = createChangeSetStore(db);
  return {
    store(result: BulkResult, scheduleId: string, intent: EditIntent): number {
      const start = performance.now();
      store.apply({
        businessUnitId: 'bench-bu',
        scheduleId,
        label: 'bench bulk edit',
        source: { type: 'bulk', agentCount: result.changes.length },
        intent,
        baseScheduleVersion: 1,
        changes: result.changes,
        createdAt: now.toISOString(),
      });
      const ms = performance.now() - start;
      store.discardAll(scheduleId);
      return ms;
    },
    close: () => db.close(),
  };
}

/** Deterministic choice without Math.random: the same run every time. */
function* picks(seed: number): Generator<number> {
  let state = seed >>> 0;
  for (;;) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    yield state / 4294967296;
  }
}

function main(): void {
  const { org } = generateOrg({ seed: 1, agents: 5000, weeks: 1, now });
  const input = JSON.parse(JSON.stringify(inputFromSandbox(org, now))) as AnalysisInput;
  const draft = input.schedules.find((s) => !s.published) ?? input.schedules[0]!;
  const ctx: EditContext = { timeZone: input.businessUnit.timeZone, activityCodes: input.activityCodes };
  const timeOff = input.activityCodes.find((c) => c.category === 'TimeOff')?.id ?? '';
  const meeting = input.activityCodes.find((c) => c.category === 'Meeting')?.id ?? '';

  // The full pass: analysis plus coverage of the draft, what every edit would cost without incremental analysis.
  const full = Array.from({ length: 5 }, () => timed(() => analyze(input)).ms);
  const fullCoverage = Array.from(
    { length: 5 },
    () => timed(() => coverageOf(input, analysedWeek(input, { findings: [] }).base, draft.id, draft.weekDate)).ms,
  );
  let state: AnalysedWeek = analysedWeek(input, { coverage: { scheduleId: draft.id, weekDate: draft.weekDate } });

  const random = picks(7);
  const next = () => random.next().value as number;
  const agents = input.agents;
  const editMs: number[] = [];
  let refused = 0;
  let findingsChanged = 0;
  while (editMs.length < edits) {
    const agent = agents[Math.floor(next() * agents.length)]!;
    const data = agentData(state, agent.id);
    const week = agentWeekFromInput(data.shifts, data.fullDayTimeOff, draft.id, timeOff);
    if (week.shifts.length === 0) continue;
    const shift = week.shifts[Math.floor(next() * week.shifts.length)]!;
    const shiftId = shiftKey(shift, week.shifts.indexOf(shift));
    const choice = next();
    const intent: EditIntent =
      choice < 0.5
        ? { kind: 'moveShift', shiftId, byMinutes: 15 * (1 + Math.floor(next() * 8)) * (next() < 0.5 ? -1 : 1) }
        : choice < 0.8
          ? { kind: 'removeActivity', shiftId, activityIndex: 0 }
          : { kind: 'dropShift', shiftId };
    const run = timed(() => {
      const applied = applyIntent(week, intent, ctx);
      if (!applied.ok) return null;
      return reanalyseAgents(state, [{ agentId: agent.id, scheduleId: draft.id, week: applied.week }]);
    });
    if (!run.result) {
      refused++;
      continue;
    }
    state = run.result.week;
    findingsChanged += run.result.added.length + run.result.removed.length;
    editMs.push(run.ms);
  }

  // A whole MU: the largest, at most 1,500 agents (Genesys' cap), on the week as the single edits left it.
  const byUnit = new Map<string, string[]>();
  for (const a of agents) byUnit.set(a.managementUnitId, [...(byUnit.get(a.managementUnitId) ?? []), a.id]);
  const unit = [...byUnit.values()].sort((a, b) => b.length - a.length)[0]!.slice(0, 1500);
  const weeks = new Map<string, BulkAgent>(
    unit.map((id) => {
      const data = agentData(state, id);
      return [
        id,
        { week: agentWeekFromInput(data.shifts, data.fullDayTimeOff, draft.id, timeOff), baseAgentVersion: 1 },
      ];
    }),
  );
  const insert: EditIntent = {
    kind: 'insertActivity',
    businessUnitDate: '2026-11-25',
    startTime: '14:00',
    lengthMinutes: 30,
    activityCodeId: meeting,
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pd-bench-edits-store-'));
  const changeSet = bulkStore(dir);
  const bulk = Array.from({ length: bulkRuns }, () =>
    timed(() => {
      const applied = timed(() => applyBulk(weeks, insert, ctx));
      const storeMs = changeSet.store(applied.result, draft.id, insert);
      const analysed = timed(() => previewBulk(applied.result, state, draft.id));
      return { applied, storeMs, analysed };
    }),
  );
  changeSet.close();
  rmSync(dir, { recursive: true, force: true });
  const lastBulk = bulk.at(-1)!.result;
  const medianOf = (pick: (b: (typeof bulk)[number]['result']) => number) =>
    quantile(
      bulk.map((b) => pick(b.result)),
      0.5,
    );
  const fullAfter = timed(() => analyze(currentInput(lastBulk.analysed.result.reanalysis.week)));
  if (fullAfter.result.length !== lastBulk.analysed.result.reanalysis.findings.length)
    throw new Error('incremental and full analysis disagree after the bulk edit');

  const fullMs = quantile(full, 0.5) + quantile(fullCoverage, 0.5);
  const p50 = quantile(editMs, 0.5);
  const p95 = quantile(editMs, 0.95);
  // The discard after each store is not the edit's: the total is what applying, storing and re-analysing took.
  const bulkMs = medianOf((b) => b.applied.ms + b.storeMs + b.analysed.ms);
  const load = os.loadavg()[0] ?? 0;
  console.log(`5,000 agents x 1 week (${input.shifts.length} shifts), draft ${draft.id}:`);
  console.log(
    `  full re-analysis: analysis ${quantile(full, 0.5).toFixed(1)} ms + coverage ${quantile(fullCoverage, 0.5).toFixed(1)} ms (medians of 5)`,
  );
  console.log(
    `  one edit -> findings and coverage: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${Math.max(...editMs).toFixed(2)} ms over ${editMs.length} edits (${refused} refused, ${findingsChanged} findings added or resolved); goal p95 <= 16 ms`,
  );
  console.log(
    `  bulk insert on ${unit.length} agents: ${bulkMs.toFixed(1)} ms median of ${bulkRuns} (applied ${quantile(
      bulk.map((b) => b.result.applied.ms),
      0.5,
    ).toFixed(1)} ms, re-analysed ${quantile(
      bulk.map((b) => b.result.analysed.ms),
      0.5,
    ).toFixed(
      1,
    )} ms, stored ${medianOf((b) => b.storeMs).toFixed(1)} ms); ${lastBulk.applied.result.changes.length} changed, ${lastBulk.applied.result.skipped.length} skipped; goal <= 250 ms`,
  );
  console.log(
    `  full re-analysis / one edit (p50): ${(fullMs / p50).toFixed(0)}x; / bulk: ${(fullMs / bulkMs).toFixed(1)}x`,
  );
  console.log(`  (1-minute load average ${load.toFixed(2)} on ${os.cpus().length} cores)`);
  console.log(
    JSON.stringify({
      bench: 'edits',
      agents: agents.length,
      shifts: input.shifts.length,
      edits: editMs.length,
      editP50Ms: round(p50),
      editP95Ms: round(p95),
      editMaxMs: round(Math.max(...editMs)),
      editGoalMs: 16,
      bulkAgents: unit.length,
      bulkChanged: lastBulk.applied.result.changes.length,
      bulkSkipped: lastBulk.applied.result.skipped.length,
      bulkMs: round(bulkMs),
      bulkAppliedMs: round(
        quantile(
          bulk.map((b) => b.result.applied.ms),
          0.5,
        ),
      ),
      bulkReanalysedMs: round(
        quantile(
          bulk.map((b) => b.result.analysed.ms),
          0.5,
        ),
      ),
      bulkStoredMs: round(medianOf((b) => b.storeMs)),
      bulkGoalMs: 250,
      fullAnalysisMs: round(quantile(full, 0.5)),
      fullCoverageMs: round(quantile(fullCoverage, 0.5)),
      fullOverEditP50: round(fullMs / p50),
      fullOverBulk: round(fullMs / bulkMs),
      loadAverage1m: round(load),
    }),
  );
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

main();
