/**
 * Which schedule of a week is the published one. A week can hold several
 * schedules (the sandbox gives the current week a draft revision beside the
 * published one); publishing one unpublishes the other. The mirror keeps
 * every schedule of the week with the flag Genesys has now, after each sync:
 * when publishing moved through the update flow (the old schedule's version
 * moves: it is refetched), and, on another reading of Genesys, when the old
 * one's flag changed without a version bump (its flag is refreshed anyway).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWeeks } from '../../main/mirror/mirror-reads';
import { mirrorRig, type MirrorRig } from './mirror-rig';
import { businessUnitOf, incompleteSchedules, mirrorScheduleRows, orgScheduleRows, orgSchedulesIn } from './org-rows';

let rig: MirrorRig;
let weeks: string[];
beforeAll(async () => {
  rig = await mirrorRig({ seed: 54 });
  const first = await rig.sync();
  expect(first.status).toBe('ok');
  weeks = first.weeks;
});
afterAll(() => rig?.close());

const org = () => rig.sandbox.runtime.org;
const current = '2026-11-23';
/** The mirror's schedules of the current week, as [id, published, version]. */
const mirroredWeek = () =>
  listWeeks(rig.db, rig.businessUnitId)
    .filter((w) => w.weekDate === current)
    .map((w) => [w.scheduleId, w.published, w.version])
    .sort();
const orgWeek = () =>
  orgSchedulesIn(org(), rig.businessUnitId, [current])
    .map((s) => [s.id, s.published, s.version])
    .sort();
const expectMirrorIsOrg = () => {
  expect(mirrorScheduleRows(rig.db, rig.businessUnitId)).toEqual(orgScheduleRows(org(), rig.businessUnitId, weeks));
  expect(incompleteSchedules(rig.db)).toEqual([]);
};

describe('a week with a draft revision beside its published schedule', () => {
  it('mirrors both schedules of the week, and only the published one as published', () => {
    const { revision } = rig.sandbox.runtime.manifest;
    expect(revision.weekDate).toBe(current);
    expect(mirroredWeek()).toEqual(orgWeek());
    expect(mirroredWeek()).toHaveLength(2);
    const published = mirroredWeek().filter(([, p]) => p);
    expect(published.map(([id]) => id)).toEqual([revision.revisesScheduleId]);
    expectMirrorIsOrg();
  });

  it('publishing the revision over it (update flow): a resync mirrors the old one as a draft', async () => {
    const { revision } = rig.sandbox.runtime.manifest;
    const before = await rig.api.getSchedule(rig.businessUnitId, current, revision.scheduleId);
    const started = await rig.api.uploadScheduleUpdate(rig.businessUnitId, current, revision.scheduleId, {
      metadata: { version: before.metadata.version },
      published: true,
      agentSchedules: [],
    });
    const outcome = await rig.api.waitForOperation(rig.businessUnitId, current, revision.scheduleId, started, {
      baseVersion: before.metadata.version,
      timeoutMs: 5_000,
    });
    expect(outcome.outcome).toBe('applied');
    // Genesys: "a schedule cannot be un-published unless another schedule is published over it".
    const old = businessUnitOf(org(), rig.businessUnitId).schedules.get(revision.revisesScheduleId)!;
    expect(old.published).toBe(false);

    const result = await rig.sync();
    expect(result.status).toBe('ok');
    // Both moved: the one published and the one it was published over.
    expect(result.schedulesFetched).toBe(2);
    expect(mirroredWeek()).toEqual(orgWeek());
    expect(
      mirroredWeek()
        .filter(([, p]) => p)
        .map(([id]) => id),
    ).toEqual([revision.scheduleId]);
    expectMirrorIsOrg();
  });

  it('publishing moved back without a version bump on the one left (another reading): its flag still follows', async () => {
    const { revision } = rig.sandbox.runtime.manifest;
    const schedules = businessUnitOf(org(), rig.businessUnitId).schedules;
    const revised = schedules.get(revision.scheduleId)!;
    const original = schedules.get(revision.revisesScheduleId)!;
    original.published = true;
    original.version += 1;
    // The schedule published over changes only its flag, not its version.
    revised.published = false;

    const result = await rig.sync();
    expect(result).toMatchObject({ status: 'ok', schedulesFetched: 1 });
    expect(mirroredWeek()).toEqual(orgWeek());
    expect(
      mirroredWeek()
        .filter(([, p]) => p)
        .map(([id]) => id),
    ).toEqual([revision.revisesScheduleId]);
    expectMirrorIsOrg();
  });
});
