/**
 * The engine SIGKILLed mid-publish, again and again, under `publish-morning`
 * (other editors saving the same schedule, 409s, 429s): the engine and its
 * services run in a child process, the sandbox here, so what Genesys holds
 * survives every kill. Each killed run is followed by a restart on the same
 * data folder, where the services resume the journaled publish by
 * themselves. Kill points: right after a journal commit (the child paused
 * there, before the call it journaled), on a held answer (the sandbox did the
 * work, the engine never heard: an update accepted, a re-read answered), and
 * after a seeded delay. Every publish ends done, with the schedule exactly
 * what was intended merged with the other editors' saves, our write applied
 * once per agent (one accepted update per publish), and the journal showing
 * the interrupted call and the reconcile after it.
 * PUBLISH_CRASH_SEED replays a failing run.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublishStep } from '../../shared/contract/publish';
import { seededRandom } from '../../shared/publish/seeded-random';
import { outcomes, snapshotOf, type ScheduleSnapshot } from '../publish/crash-checks';
import { startCrashRig, type ChildFinish, type ChildRun, type CrashRig, type KillPlan } from '../publish/crash-rig';
import { updateOf } from '../publish/kill-proxy';

const seed = Number(process.env.PUBLISH_CRASH_SEED ?? 20261123);
let random = seededRandom(seed);
const weeks = ['2026-11-23', '2026-11-30'];

let rig: CrashRig;
let before: Map<string, ScheduleSnapshot>;
// A fresh org and data folder for every attempt (see `retry` below).
beforeEach(async () => {
  random = seededRandom(seed);
  rig = await startCrashRig({ seed: 90 + (seed % 7), faults: ['publish-morning'], weeks, editsPerWeek: 6 });
  before = new Map(rig.drafts.map((d) => [d.scheduleId, snapshotOf(rig.schedule(d.scheduleId))]));
}, 90_000);
afterEach(async () => rig?.close());

const isAccepted = (scheduleId: string) => (c: { method: string; path: string; status: number }) =>
  updateOf(c) === scheduleId && c.status === 200;
const agentQuery = (c: { method: string; path: string }) => c.path.endsWith('/agentschedules/query');
/**
 * The n-th answer about the schedules of this run: the publish's journal row exists by then. Three such
 * answers always come before the update (the preflight's schedule and agents, the upload URL), so n ≤ 3
 * kills before the write, and the kill waiting for its operation that follows always has one to wait for.
 */
function nthScheduleAnswer(n: number) {
  let seen = 0;
  return (c: { path: string }) => c.path.includes('/schedules/') && ++seen === n;
}

/** Runs the plans one after another (a restart after each kill), then once more to the end when needed. */
async function publishThroughKills(week: string, scheduleId: string, edited: string[], plans: KillPlan[]) {
  const runs: ChildRun[] = [];
  let finished: ChildFinish | null = null;
  for (const plan of [...plans, { at: 'never' } as const]) {
    if (finished) break;
    const run = await rig.run(week, scheduleId, plan);
    runs.push(run);
    const where = `seed ${seed}, ${week} run ${runs.length} (${plan.at})`;
    expect(run.killed || run.finished !== null, where).toBe(true);
    if (!run.killed) finished = run.finished;
    // While the engine is down and before any write of ours was accepted, another supervisor saves the schedule:
    // the restarted engine must keep their save (it rebases on it, or asks for a decision the child makes).
    else if (!runs.some((r) => r.calls.some(isAccepted(scheduleId)))) rig.otherEditorSaves(scheduleId, edited);
  }
  expect(finished, `seed ${seed}: ${week} never finished`).not.toBeNull();
  return { runs, finished: finished! };
}

/** The sandbox's schedule against the snapshot, the other editors' saves, and our edits: equal, ours once. */
function checkServer(scheduleId: string, edited: string[], finished: ChildFinish) {
  const after = rig.schedule(scheduleId);
  expect(after.published).toBe(true);
  const resolutions = new Map(finished.agents.map((a) => [a.agentId, a.resolution]));
  let theirs = 0;
  for (const [agentId, o] of outcomes(before.get(scheduleId)!, after, {
    clientId: rig.org.clientId,
    edited,
    resolutions,
  })) {
    expect(o.actual, `seed ${seed}, agent ${agentId}`).toEqual(o.expected);
    expect(new Set(o.actual.map((s) => s.start)).size, `agent ${agentId}: a shift twice`).toBe(o.actual.length);
    expect(o.ourWrites, `seed ${seed}, our writes to agent ${agentId}`).toBe(edited.includes(agentId) ? 1 : 0);
    theirs += o.theirWrites;
  }
  return theirs;
}

/** The interrupted call is marked in the journal, and a resume re-read it before anything was sent again. */
function checkReconciled(steps: PublishStep[], interruptedKind: PublishStep['kind']) {
  const interrupted = steps.find((s) => s.kind === interruptedKind && /^Interrupted/.test(s.note));
  expect(interrupted, `no interrupted ${interruptedKind} in the journal`).toBeDefined();
  const after = steps.filter((s) => s.seq > interrupted!.seq);
  const firstCall = after.find((s) => s.kind !== 'resume' && s.kind !== 'decision' && s.kind !== 'wait');
  expect(after[0]?.kind).toBe('resume');
  expect(firstCall).toMatchObject({ kind: 'reread', phase: 'reconciling' });
  // Reconciled, not repeated: no update was sent after the one the kill interrupted.
  expect(after.some((s) => s.kind === 'sendUpdate')).toBe(false);
}

describe('a publish SIGKILLed at random points', () => {
  it(
    'finishes every time on restart: intended plus theirs, nothing applied twice, the reconcile journaled',
    { timeout: 180_000 },
    async () => {
      const [revision, draft] = rig.drafts;
      // The revision over the published week: killed in preflight, on the accepted update, and mid-reconcile.
      const a = await publishThroughKills(revision!.week, revision!.scheduleId, revision!.edited, [
        { at: 'commit', n: random.int(1, 3) },
        { at: 'answer', when: isAccepted(revision!.scheduleId), label: 'update accepted, answer dropped' },
        { at: 'answer', when: agentQuery, label: 'reconcile re-read answered, answer dropped' },
      ]);
      // A new week's draft: killed on a seeded answer, waiting for its operation, and after a seeded delay.
      const b = await publishThroughKills(draft!.week, draft!.scheduleId, draft!.edited, [
        { at: 'answer', when: nthScheduleAnswer(random.int(1, 3)), label: 'a seeded answer dropped' },
        { at: 'phase', phase: 'awaitingOperation' },
        { at: 'delay', ms: random.int(0, 400) },
      ]);
      const kills = [...a.runs, ...b.runs].filter((r) => r.killed);
      expect(kills.length, kills.map((k) => k.killedAt).join('; ')).toBeGreaterThanOrEqual(5);
      expect(a.runs.slice(0, 3).map((r) => r.killed)).toEqual([true, true, true]);
      expect(b.runs.slice(0, 2).map((r) => r.killed)).toEqual([true, true]);

      let theirs = 0;
      for (const [target, { runs, finished }] of [
        [revision!, a],
        [draft!, b],
      ] as const) {
        expect({ phase: finished.phase, outcome: finished.outcome }).toEqual({
          phase: 'done',
          outcome: finished.outcome,
        });
        // One update accepted per publish, across every run: the kills never made it send twice.
        const accepted = runs.flatMap((r) => r.calls).filter(isAccepted(target.scheduleId));
        expect(accepted).toHaveLength(1);
        theirs += checkServer(target.scheduleId, target.edited, finished);
        const journal = `jobs ${[...new Set(runs.map((r) => r.finished?.jobId ?? r.killedAt))].join(', ')}`;
        // One publish throughout: the first run created it, every later run resumed or answered that one.
        expect(finished.jobId, journal).toBe(runs[0]!.started);
        // Each restart after a kill mid-publish resumed it; one after a kill once it was done found it done.
        const killedMidway = runs.filter((r) => r.killed && r.lastPhase !== 'done').length;
        expect(finished.steps.filter((s) => s.kind === 'resume').length, journal).toBe(killedMidway);
      }
      // The update whose answer was dropped, and the operation waited for when killed: reconciled by a re-read.
      checkReconciled(a.finished.steps, 'sendUpdate');
      checkReconciled(b.finished.steps, 'awaitOperation');
      // The morning happened: other editors saved during the publishes, so keeping their saves was checked.
      expect(theirs).toBeGreaterThan(0);
    },
  );
});
