/**
 * A 429 is waited exactly `Retry-After`: no less (that earns another 429),
 * no more (that wastes the 06:00 window). The sandbox, the engine and its
 * timers share one injected clock that moves only when someone sleeps, so
 * the wait is measured, not guessed: the journaled wait step's countdown is
 * the header's seconds, and the sandbox sees the next request exactly that
 * much later on its own clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tooManyRequests } from '../../main/sandbox/http/rate-limit';
import type { PublishClock } from '../../main/services/publish/publish-runs';
import { startPublishRig, type PublishRig } from './publish-rig';

/** The clock everyone reads: a sleep moves it by exactly its length (and yields a moment of real time). */
let nowMs = Date.parse('2026-11-23T12:00:00Z');
const clock: PublishClock = {
  now: () => nowMs,
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      nowMs += Math.max(0, ms);
      setTimeout(resolve, Math.min(Math.max(0, ms), 10));
    }),
};
const retryAfterSeconds = 7;

let rig: PublishRig;
/** Every bearer request the sandbox took, on its clock; `refused` for the 429s this test planted. */
const seen: Array<{ at: number; write: boolean; refused: boolean }> = [];
let refuseNextWrites = 0;

beforeAll(async () => {
  rig = await startPublishRig({
    seed: 81,
    agents: 20,
    clock,
    sandboxNow: () => new Date(nowMs),
    rateLimitPerMinute: 60,
  });
  const faults = rig.org.runtime.faults;
  const calm = faults.beforeRequest.bind(faults);
  // Genesys' own 429 (the sandbox's body and Retry-After), on the update itself: the call the machine must not rush.
  faults.beforeRequest = (isWrite) => {
    const refused = isWrite && refuseNextWrites > 0;
    seen.push({ at: nowMs, write: isWrite, refused });
    if (!refused) return calm(isWrite);
    refuseNextWrites -= 1;
    return tooManyRequests(retryAfterSeconds, rig.org.runtime.config.rateLimitPerMinute);
  };
}, 60_000);
afterAll(async () => rig?.close());

describe('a 429 on the publish', () => {
  it('waits exactly Retry-After on the shared clock, then publishes once', async () => {
    const draft = rig.draft();
    const firstShift = new Map(
      [...draft.agentSchedules.values()].map((a) => [a.userId, Date.parse(a.shifts[0]?.startDate ?? '')]),
    );
    const edited = await rig.editAgents(draft.id, 3);
    refuseNextWrites = 2;
    const versionBefore = draft.version;
    const view = await rig.publish({ scheduleId: draft.id });
    expect({ phase: view.phase, outcome: view.outcome }).toEqual({ phase: 'done', outcome: view.outcome });

    const refusedSends = view.steps.filter((s) => s.kind === 'sendUpdate' && s.httpStatus === 429);
    expect(refusedSends).toHaveLength(2);
    for (const send of refusedSends) {
      const wait = view.steps[view.steps.indexOf(send) + 1]!;
      expect(wait).toMatchObject({ kind: 'wait', waitReason: 'retryAfter', phase: 'rateLimited' });
      // The countdown the journal shows is the header's, to the millisecond.
      expect(Date.parse(wait.waitUntil!) - Date.parse(send.answeredAt!)).toBe(retryAfterSeconds * 1000);
      expect(wait.note).toContain(`waiting exactly Retry-After, ${retryAfterSeconds} s`);
    }
    // On the sandbox's clock, the request after each planted 429 came exactly Retry-After later.
    const refusedAt = seen.flatMap((r, i) => (r.refused ? [i] : []));
    expect(refusedAt).toHaveLength(2);
    for (const i of refusedAt) expect(seen[i + 1]!.at - seen[i]!.at).toBe(retryAfterSeconds * 1000);

    // One write landed, with every edit once.
    const after = rig.schedule(draft.id);
    expect(after.version).toBe(versionBefore + 1);
    for (const id of edited)
      expect(
        after.agentSchedules.get(id)!.shifts.filter((s) => Date.parse(s.startDate) === firstShift.get(id)! + 3_600_000),
      ).toHaveLength(1);
    expect(view.steps.filter((s) => s.kind === 'sendUpdate').map((s) => s.httpStatus)).toEqual([429, 429, 200]);
  }, 60_000);
});
