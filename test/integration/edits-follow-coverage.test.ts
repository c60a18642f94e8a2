/**
 * The coverage strip follows pending edits: a shift moved through
 * `edits.apply` changes `timeline.coverage` in exactly the intervals the
 * agent's on-queue time left and reached (counted here from the sandbox's own
 * data), the cached strip followed agent by agent equals a recount on a
 * fresh connection, and undo gives the strip as it was, number for number.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCoverage } from '../../main/mirror/timeline/coverage-count';
import type { TimelineCoverage } from '../../shared/coverage/types';
import { startFollowRig, week, type FollowRig } from './edits-follow-rig';

let rig: FollowRig;
beforeAll(async () => {
  rig = await startFollowRig();
}, 60_000);
afterAll(async () => rig?.close());

const quarterMs = 15 * 60_000;

/** One agent's on-queue minutes per interval of the strip, from the sandbox's week shifted by `byMinutes` for one shift. */
function agentMinutes(c: TimelineCoverage, spans: Array<[number, number]>): number[] {
  return c.onQueue.map((_, i) => {
    const from = c.startMs + i * quarterMs;
    const to = from + quarterMs;
    return spans.reduce((m, [s, e]) => m + Math.max(0, Math.min(e, to) - Math.max(s, from)) / 60_000, 0);
  });
}

describe('timeline.coverage follows a moved shift', () => {
  it('changes the intervals the shift left and reached, equals a recount, and undo restores it', async () => {
    const scheduleId = rig.org.runtime.manifest.weeks.find((w) => w.weekDate === week)!.scheduleId;
    const unit = rig.org.runtime.org.businessUnits.get(rig.businessUnitId)!;
    const onQueue = new Set(unit.activityCodes.filter((c) => c.category === 'OnQueueWork').map((c) => c.id));
    const plantedAgents = new Set(rig.org.runtime.manifest.planted.map((p) => p.userId));
    // An agent with nothing planted and a mid-week shift with on-queue work.
    const [agentId, shift] = [...rig.schedule(scheduleId).agentSchedules.values()]
      .filter((a) => !plantedAgents.has(a.userId))
      .flatMap((a) => a.shifts.map((s) => [a.userId, s] as const))
      .find(
        ([, s]) => s.startDate.startsWith('2026-11-25') && s.activities.some((x) => onQueue.has(x.activityCodeId)),
      )!;
    const spans = (byMinutes: number) =>
      shift.activities
        .filter((a) => onQueue.has(a.activityCodeId))
        .map((a): [number, number] => {
          const start = Date.parse(a.startDate) + byMinutes * 60_000;
          return [start, start + a.lengthMinutes * 60_000];
        });

    const ref = { profileId: rig.profileId, businessUnitId: rig.businessUnitId, scheduleId };
    const before = await rig.call('timeline.coverage', { ...ref, week });
    expect(await rig.call('timeline.coverage', { ...ref, week })).toBe(before); // cached while nothing is written

    await rig.call('edits.apply', {
      ...ref,
      intent: { kind: 'moveShift', shiftId: shift.id, byMinutes: 60 },
      agentIds: [agentId],
      source: { type: 'direct' },
    });
    const after = await rig.call('timeline.coverage', { ...ref, week });
    const left = agentMinutes(before, spans(0));
    const reached = agentMinutes(before, spans(60));
    const expected = before.onQueue.map((n, i) => n + (reached[i]! - left[i]!) / 15);
    after.onQueue.forEach((n, i) => expect(n).toBeCloseTo(expected[i]!, 9));
    const changed = after.onQueue.flatMap((n, i) => (n !== before.onQueue[i] ? [i] : []));
    expect(changed).toEqual(left.flatMap((m, i) => (m !== reached[i] ? [i] : [])));
    expect(changed.length).toBeGreaterThan(0);

    // Followed agent by agent, the strip is what a whole recount of the mirror and the change set gives.
    const other = new Database(path.join(rig.dataDir, 'publish-desk.sqlite'), { readonly: true });
    try {
      expect(readCoverage(other, { businessUnitId: rig.businessUnitId, scheduleId, week })).toEqual(after);
    } finally {
      other.close();
    }

    await rig.call('edits.undo', ref);
    expect(await rig.call('timeline.coverage', { ...ref, week })).toEqual(before);
  });
});
