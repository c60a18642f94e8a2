/**
 * Findings and the timeline follow every pending edit (issue 14, item 6), on
 * services synced from the sandbox: the planted overlap of the current week
 * fixed with its one-click fix through `edits.apply` is gone from
 * `analysis.get` at once (announced with `analysis.updated`), a full re-run
 * agrees, the timeline window shows the new week with its pending mark and
 * the mirrored week as the ghost; undo brings all of it back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/analysis/types';
import { fixFor } from '../../shared/edits/fixes';
import type { TimelineAgent } from '../../shared/timeline';
import { startFollowRig, week, type FollowRig } from './edits-follow-rig';

let rig: FollowRig;
beforeAll(async () => {
  rig = await startFollowRig();
}, 60_000);
afterAll(async () => rig?.close());

const weekStart = Date.parse('2026-11-23T06:00:00Z');
const weekEnd = weekStart + 7 * 24 * 3_600_000;

async function findings(): Promise<Finding[]> {
  return (await rig.call('analysis.get', { profileId: rig.profileId, businessUnitId: rig.businessUnitId, week }))
    .findings;
}

async function row(scheduleId: string, agentId: string): Promise<TimelineAgent> {
  const window = await rig.call('timeline.window', {
    profileId: rig.profileId,
    businessUnitId: rig.businessUnitId,
    scheduleId,
    agentIds: [agentId],
    from: weekStart,
    to: weekEnd,
    offset: 0,
    limit: 10,
  });
  expect(window.agents).toHaveLength(1);
  return window.agents[0]!;
}

const placement = (a: TimelineAgent) => a.shifts.map((s) => [s.id, s.startMs, s.endMs]);

describe('findings and the timeline follow a one-click fix', () => {
  it('removes the planted overlap, shows the fixed week as pending, and undo brings both back', async () => {
    const planted = rig.planted('shiftOverlap')[0]!;
    const scheduleId = planted.scheduleId!;
    const agentId = planted.userId!;
    const before = await findings();
    const overlap = before.find(
      (f) => f.kind === 'shiftOverlap' && f.agentId === agentId && f.scheduleId === scheduleId,
    )!;
    expect(overlap.evidence.shiftIds).toEqual(expect.arrayContaining(planted.shiftIds!));
    const mirroredRow = await row(scheduleId, agentId);
    expect(mirroredRow.pending).toBeUndefined();

    const sandboxWeek = rig.sandboxWeek(scheduleId, agentId);
    const fix = fixFor(overlap, sandboxWeek, await rig.editContext())!;
    expect(fix).not.toBeNull();
    rig.take('analysis.updated');
    const ref = { profileId: rig.profileId, businessUnitId: rig.businessUnitId, scheduleId };
    const applied = await rig.call('edits.apply', {
      ...ref,
      intent: fix.intent,
      agentIds: [agentId],
      source: { type: 'fix', findingId: overlap.id },
    });

    // At once: the answer to the next read, and an event for the findings panel.
    const updates = rig.take('analysis.updated');
    expect(updates).toEqual([expect.objectContaining({ businessUnitId: rig.businessUnitId, week })]);
    const after = await findings();
    expect(after.map((f) => f.id)).not.toContain(overlap.id);
    // The fix creates nothing, and every other finding stays as it was.
    expect(after).toEqual(before.filter((f) => f.id !== overlap.id));
    expect(updates[0]!.counts.shiftOverlap ?? 0).toBe(before.filter((f) => f.kind === 'shiftOverlap').length - 1);

    // The window: the effective week, marked pending, the mirrored shifts kept as the ghost.
    const pendingRow = await row(scheduleId, agentId);
    const effective = applied.changes[0]!.after;
    expect(pendingRow.shifts.map((s) => [s.id, s.startMs, s.endMs])).toEqual(
      effective.shifts
        .map((s) => [s.id, Date.parse(s.startDate), Date.parse(s.startDate) + s.lengthMinutes * 60_000])
        .filter(([, start, end]) => (start as number) < weekEnd && (end as number) > weekStart),
    );
    expect(pendingRow.pending).toEqual([
      expect.objectContaining({ scheduleId, editId: applied.edit!.id, heldBack: false }),
    ]);
    expect(pendingRow.pending![0]!.before.shifts.map((s) => [s.id, s.startMs, s.endMs])).toEqual(
      placement(mirroredRow),
    );
    // What the fix changed is marked: a trimmed shift as edited, a dropped one named.
    const touched = fix.intent.kind === 'dropShift' ? fix.intent.shiftId : (fix.intent as { shiftId: string }).shiftId;
    if (fix.intent.kind === 'dropShift') expect(pendingRow.pending![0]!.droppedShiftIds).toEqual([touched]);
    else expect(pendingRow.shifts.find((s) => s.id === touched)?.edited).toBe(true);
    expect(pendingRow.shifts.filter((s) => s.edited).map((s) => s.id)).toEqual(
      fix.intent.kind === 'dropShift' ? [] : [touched],
    );

    // A full run on the worker analyses the schedule as edited too.
    const rerun = await rig.call('analysis.rerun', {
      profileId: rig.profileId,
      businessUnitId: rig.businessUnitId,
      week,
    });
    expect(rerun.findings).toEqual(after);

    await rig.call('edits.undo', ref);
    expect(rig.take('analysis.updated')).toHaveLength(1);
    expect(await findings()).toEqual(before);
    const undoneRow = await row(scheduleId, agentId);
    expect(undoneRow.pending).toBeUndefined();
    expect(placement(undoneRow)).toEqual(placement(mirroredRow));

    // Redo after the worker's run dropped what main kept: the week is analysed from the mirror again, as edited.
    await rig.call('edits.redo', ref);
    expect((await findings()).map((f) => f.id)).not.toContain(overlap.id);
    await rig.call('edits.discardAll', ref);
    expect(await findings()).toEqual(before);
  });

  it('holds back an agent in a script session: the scriptSession finding goes, and comes back on undo', async () => {
    const planted = rig.planted('scriptSession')[0]!;
    const before = await findings();
    const session = before.find((f) => f.kind === 'scriptSession' && f.agentId === planted.userId)!;
    expect(session).toBeDefined();
    const scheduleId = session.scheduleId!;
    const ref = { profileId: rig.profileId, businessUnitId: rig.businessUnitId, scheduleId };
    await rig.call('edits.apply', {
      ...ref,
      intent: { kind: 'holdBack' },
      agentIds: [planted.userId!],
      source: { type: 'fix', findingId: session.id },
    });
    const held = await findings();
    expect(held.map((f) => f.id)).not.toContain(session.id);
    const heldRow = await row(scheduleId, planted.userId!);
    expect(heldRow.pending?.[0]?.heldBack).toBe(true);
    await rig.call('edits.undo', ref);
    expect(await findings()).toEqual(before);
  });
});
