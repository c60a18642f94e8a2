/**
 * The publish against the sandbox over 50 seeds of combined fault profiles
 * (publish-morning, flaky, script-lock, slow-async, drawn per seed), on one
 * shared rig: before each seed the sandbox's week is put back as it was
 * synced and a new change set is made (a moved shift and an added one). The
 * supervisor's side is played as the product offers it (merge a true conflict
 * when offered, else mine; held agents' sessions end and are released; a
 * stopped publish gets the one-click Retry). Each seed must end with Genesys
 * holding exactly the intended schedule merged with the other editors'
 * edits: nothing lost, nothing duplicated, one published schedule per week.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultEngine } from '../../main/sandbox/faults/engine';
import type {
  AgentScheduleChangeState,
  ScheduleState,
  ScriptSessionState,
  ShiftState,
} from '../../main/sandbox/org/model';
import { createRng } from '../../main/sandbox/random';
import type { FaultName } from '../../main/sandbox/runtime';
import type { PublishClock } from '../../main/services/publish/publish-runs';
import type { PublishView } from '../../shared/contract/publish';
import { startPublishRig, week, type PublishRig } from './publish-rig';

/** Real time plus every sleep skipped: backoffs and Retry-After pass at once, and the sandbox's windows still turn. */
const realStart = Date.now();
let skipped = 0;
const clockNow = () => Date.parse('2026-11-23T12:00:00Z') + (Date.now() - realStart) + skipped;
const clock: PublishClock = {
  now: clockNow,
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      skipped += Math.max(0, ms);
      setTimeout(resolve, Math.min(Math.max(0, ms), 5));
    }),
};

const profiles: FaultName[] = ['publish-morning', 'flaky', 'script-lock', 'slow-async'];
const seeds = Array.from({ length: 50 }, (_, i) => 1000 + i);

let rig: PublishRig;
let weekSchedules: ScheduleState[];
let sessions: ScriptSessionState[];
const unit = () => rig.org.runtime.org.businessUnits.get(rig.businessUnitId)!;

beforeAll(async () => {
  rig = await startPublishRig({
    seed: 91,
    agents: 30,
    clock,
    sandboxNow: () => new Date(clockNow()),
    sandbox: { faultHangMs: 50, operationDelayMs: 5 },
  });
  weekSchedules = [...unit().schedules.values()].filter((s) => s.weekDate === week).map((s) => structuredClone(s));
  sessions = structuredClone(rig.org.runtime.org.scriptSessions);
}, 60_000);
afterAll(async () => rig?.close());

/** The sandbox's week as synced, and this seed's faults (the fault draws and the other editors' draws alike). */
function resetSandbox(seed: number): FaultName[] {
  for (const s of weekSchedules) unit().schedules.set(s.id, structuredClone(s));
  rig.org.runtime.org.scriptSessions = structuredClone(sessions);
  const pick = createRng(seed).fork('profiles');
  const active = profiles.filter(() => pick.chance(0.5));
  const chosen = active.length ? active : [profiles[seed % profiles.length]!];
  Object.assign(rig.org.runtime.faults, createFaultEngine(chosen, createRng(seed).fork('faults'), { hangMs: 50 }));
  rig.org.runtime.faultRng = createRng(seed).fork('fault-draws');
  return chosen;
}

/** What an agent sees, ids aside: shifts with their activities (codes and descriptions), sorted. */
function seen(shifts: ShiftState[]): string[] {
  return shifts
    .map((s) =>
      JSON.stringify([
        Date.parse(s.startDate),
        s.lengthMinutes,
        s.activities.map((a) => [Date.parse(a.startDate), a.lengthMinutes, a.activityCodeId, a.description ?? '']),
      ]),
    )
    .sort();
}

const hour = 3_600_000;
const moved = <T extends { startDate: string }>(x: T): T => ({
  ...x,
  startDate: new Date(Date.parse(x.startDate) + hour).toISOString(),
});

/**
 * An agent's week as it should end, replayed from the sandbox's own history of the publish (in the order Genesys
 * took the saves), not from the engine: each save of another editor replaces the shifts it names; our one write
 * puts our edit (the first shift an hour later) on top, replacing the whole shift. So a shift both changed is
 * ours as we made it, without their trade: that is the rule of the merge the supervisor chose (a contested shift
 * is ours, rebase.test.ts "ours wins A"; the conflict says "n shift(s) both changed; a merge is offered") and of
 * `mine`, which also drops their earlier saves of the agent. Their trade moved along with our hour (last
 * session's model) is no merge the product offers: seed 1014 "lost" a trade only under that model. A save of
 * theirs after our write landed (before the held agents' update) stays: the publish does not send the agent
 * again. Our added shift (a new Genesys id) is checked apart.
 */
function intended(
  base: ShiftState[],
  changes: AgentScheduleChangeState[],
  isMoved: boolean,
  choice: string | undefined,
) {
  const start = () => new Map(base.map((sh) => [sh.id, structuredClone(sh)]));
  let shifts = start();
  let ourWrites = 0;
  const ours = () => {
    if (choice === 'mine') shifts = start();
    if (isMoved) shifts.set(base[0]!.id, { ...moved(base[0]!), activities: base[0]!.activities.map(moved) });
  };
  for (const c of changes)
    if (c.modifiedByUserId !== rig.org.clientId) {
      for (const sh of c.shifts) if (shifts.has(sh.id)) shifts.set(sh.id, structuredClone(sh));
      for (const id of c.deletedShiftIds) shifts.delete(id);
    } else if (ourWrites++ === 0) ours();
  // Our edit never written: still intended (the comparison then shows it missing).
  if (ourWrites === 0) ours();
  return { shifts: [...shifts.values()], ourWrites };
}

/**
 * A draft's unedited agent held back (a scripted conversation) and released: their draft week as it stood before
 * our hold (their saves in, by id), what each of our writes put in (the hold: what they saw; the release: the
 * whole week), and the week at the end: the release's, with their saves after it on top.
 */
function heldAndReleased(base: ShiftState[], changes: AgentScheduleChangeState[]) {
  const shifts = new Map(base.map((sh) => [sh.id, structuredClone(sh)]));
  let draftWeek: ShiftState[] | null = null;
  const ours: ShiftState[][] = [];
  for (const c of changes) {
    const mine = c.modifiedByUserId === rig.org.clientId;
    if (mine) {
      draftWeek ??= [...shifts.values()];
      ours.push(c.shifts);
    }
    for (const sh of c.shifts) if (mine || shifts.has(sh.id)) shifts.set(sh.id, structuredClone(sh));
    for (const id of c.deletedShiftIds) shifts.delete(id);
  }
  return { draftWeek: draftWeek ?? [], ours, end: [...shifts.values()] };
}

/** How often each case under test happened over the seeds: each must happen for the run to mean anything. */
const cases = { merged: 0, mine: 0, held: 0, heldUnedited: 0, retried: 0, unanswered: 0, theirSaves: 0 };

/** Plays the supervisor until the publish ends: decisions, sessions ending for held agents, a bounded Retry. */
async function drive(jobId: string, choices: Map<string, string>): Promise<PublishView> {
  const stops: PublishView['phase'][] = ['done', 'failed', 'conflict', 'reviewing', 'held'];
  let view = await rig.until(jobId, stops);
  for (let round = 0, retries = 0; view.phase !== 'done' && round < 40; round++) {
    if (view.phase === 'conflict') {
      const agent = view.agents.find((a) => a.status === 'conflict')!;
      const choice = agent.conflict!.mergeOffered ? 'merge' : 'mine';
      choices.set(agent.agentId, choice);
      cases[choice === 'merge' ? 'merged' : 'mine'] += 1;
      await rig.call('publish.decide', { jobId, agentId: agent.agentId, choice });
    } else if (view.phase === 'held') {
      cases.held += 1;
      const held = new Set(view.agents.filter((a) => a.status === 'held').map((a) => a.agentId));
      const ended = new Date(clockNow() - 1).toISOString();
      for (const s of rig.org.runtime.org.scriptSessions)
        if (held.has(s.userId) && (s.end === null || Date.parse(s.end) > clockNow())) s.end = ended;
      await new Promise((r) => setTimeout(r, 60));
      // Under publish-morning a freed agent may start another call at once: the supervisor then releases by hand.
      const still = await rig.call('publish.state', { jobId });
      if (still.phase === 'held') await rig.call('publish.release', { jobId, agentIds: [...held] });
    } else if (view.phase === 'failed' && retries++ < 3) {
      // A 409 naming an agent this publish does not track (an agent of the published schedule the draft has no
      // week for: seen-now.ts) stops the publish with the 409 in its outcome; or a re-read Genesys kept failing
      // past the retry cap (flaky). The supervisor waits for those calls to end, then presses Retry.
      const refused = view.steps.filter((s) => s.kind === 'sendUpdate' && s.httpStatus === 409).at(-1);
      const ended = new Date(clockNow() - 1).toISOString();
      for (const s of rig.org.runtime.org.scriptSessions)
        if (s.end === null && refused?.note.includes(s.userId)) s.end = ended;
      cases.retried += 1;
      await rig.call('publish.retry', { jobId });
    } else if (view.phase === 'reviewing') await rig.call('publish.accept', { jobId, kinds: ['all'] });
    else break;
    view = await rig.until(jobId, stops);
  }
  return view;
}

describe('publish over 50 seeds of combined faults', () => {
  it('ends each seed with the intended schedule merged with the others’ edits, once', async () => {
    for (const seed of seeds) {
      const faults = resetSandbox(seed);
      const draft = rig.draft();
      const before = new Map([...draft.agentSchedules.values()].map((a) => [a.userId, structuredClone(a)]));
      const historyBefore = new Map([...(draft.agentHistory ?? [])].map(([id, h]) => [id, h.changes.length]));
      const movedAgents = await rig.editAgents(draft.id, 3, 60, seed % 10);
      const added = await rig.addShifts(draft.id, 1, 15 + (seed % 10));
      const choices = new Map<string, string>();
      const jobId = await rig.start({ scheduleId: draft.id, autoReleaseHeld: true });
      const view = await drive(jobId, choices);
      const label = `seed ${seed} (${faults.join('+')})`;
      expect({ phase: view.phase, outcome: view.outcome }, label).toEqual({ phase: 'done', outcome: view.outcome });
      expect(rig.publishedOfWeek(), `${label}: the week's published schedules`).toEqual([draft.id]);

      const after = rig.schedule(draft.id);
      for (const [agentId, base] of before) {
        const who = `${label}, agent ${agentId}`;
        const changes = after.agentHistory?.get(agentId)?.changes.slice(historyBefore.get(agentId) ?? 0) ?? [];
        cases.theirSaves += changes.filter((c) => c.modifiedByUserId !== rig.org.clientId).length;
        const want = intended(base.shifts, changes, movedAgents.includes(agentId), choices.get(agentId));
        const add = added.find((a) => a.agentId === agentId);
        const edited = movedAgents.includes(agentId) || add !== undefined;
        const got = seen(after.agentSchedules.get(agentId)?.shifts ?? []);
        if (!edited && want.ourWrites > 0) {
          // A draft's unedited agent in a scripted conversation: held (sent as what they saw), then released.
          // The release gives them their draft week whole (a save of theirs on the held week is contested by it,
          // and ours wins under merge and mine alike); their saves after it stay.
          cases.heldUnedited += 1;
          const held = heldAndReleased(base.shifts, changes);
          expect(want.ourWrites, `${who}: our writes (hold, release)`).toBe(2);
          expect(seen(held.ours[1]!), `${who}: the release`).toEqual(seen(held.draftWeek));
          expect(got, `${who}: the end`).toEqual(seen(held.end));
          continue;
        }
        expect(want.ourWrites, `${who}: our writes`).toBe(edited ? 1 : 0);
        const isAdded = (g: string) => add !== undefined && JSON.parse(g)[0] === add.start;
        // Ours added once, four hours long, whatever trade landed on it afterwards.
        expect(
          got.filter(isAdded).map((g) => JSON.parse(g)[1]),
          `${who}: the added shift`,
        ).toEqual(add ? [240] : []);
        expect(
          got.filter((g) => !isAdded(g)),
          who,
        ).toEqual(seen(want.shifts));
      }
      const sends = view.steps.filter((s) => s.kind === 'sendUpdate');
      if (sends.some((s) => s.httpStatus === null || s.httpStatus >= 500)) cases.unanswered += 1;
    }
    console.log('publish property cases over', seeds.length, 'seeds:', JSON.stringify(cases));
    // Every case under test happened among the seeds (a `mine` needs overlapping shifts, which trades never make;
    // a `retried` now needs a re-read flaky keeps failing past its cap, since a draft's unedited agent in a
    // session is held rather than stopping the publish: the one-click Retry is publish-failed-operation's).
    for (const [name, n] of Object.entries(cases))
      if (name !== 'mine' && name !== 'retried') expect(n, name).toBeGreaterThan(0);
  }, 240_000);
});
