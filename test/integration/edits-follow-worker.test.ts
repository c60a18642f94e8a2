/**
 * Findings follow edits from the heavy worker (kept-weeks.ts on its thread,
 * edit-follower.ts on the services'): on a small mirrored unit with a
 * planted overlap, the real worker, the edits service and the analysis
 * service on one connection.
 * - an edit answered within the wait is stored and announced before apply returns;
 * - with no wait at all, `analysis.get` still waits for the answer and sees the edit;
 * - every step of edit, undo, redo and discard agrees with a full analysis;
 * - a sync run by another connection makes the worker build the week again from the mirror;
 * - a worker that stops mid-follow costs the follow, not the findings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/analysis/types';
import type { AnalysisUpdate } from '../../shared/analysis/week-analysis';
import type { AgentSchedule } from '../../main/genesys/client/schemas';
import { createAnalysisService } from '../../main/services/analysis/analysis-service';
import { runWeekAnalysis } from '../../main/services/analysis/week-runner';
import { createEditsService } from '../../main/services/edits/edits-service';
import { createEventHub } from '../../main/services/event-hub';
import { startHeavyWork, type HeavyWork } from '../../main/services/heavy/heavy-work';
import {
  agentSchedule,
  businessUnitId,
  draftId,
  mirroredUnit,
  profileId,
  weekDate,
  writeSchedule,
} from '../mirror/edits-fixtures';

const now = new Date('2026-11-23T10:00:00.000Z');
const ref = { profileId, businessUnitId, scheduleId: draftId };
const clock = { now: now.toISOString(), viewerTimeZone: 'America/Chicago' };

/** Agent a-n with a second Tuesday shift starting inside the first: one shiftOverlap. */
function overlapping(n: number): AgentSchedule {
  const week = agentSchedule(n);
  const extra = {
    id: `shift-${n}-extra`,
    startDate: '2026-11-24T18:00:00.000Z',
    lengthMinutes: 240,
    activities: [{ startDate: '2026-11-24T18:00:00.000Z', lengthMinutes: 240, activityCodeId: 'on-queue' }],
  };
  return { ...week, shifts: [week.shifts[0]!, extra, ...week.shifts.slice(1)] };
}

let heavy: HeavyWork | null = null;
afterEach(async () => {
  await heavy?.close();
  heavy = null;
});

function rig(followWaitMs?: number) {
  const unit = mirroredUnit(4);
  writeSchedule(unit.db, { agents: [overlapping(1), agentSchedule(2), overlapping(3), agentSchedule(4)] });
  heavy = startHeavyWork({ dbFile: unit.db.name });
  const events = createEventHub();
  const updates: AnalysisUpdate[] = [];
  events.attach((name, payload) => void (name === 'analysis.updated' && updates.push(payload as AnalysisUpdate)));
  const edits = createEditsService({ db: unit.db, events, now: () => now });
  const analysis = createAnalysisService({
    db: unit.db,
    events,
    heavy,
    now: () => now,
    viewerTimeZone: clock.viewerTimeZone,
    ...(followWaitMs !== undefined ? { followWaitMs } : {}),
  });
  const get = async (): Promise<Finding[]> => (await analysis.latest(businessUnitId, weekDate)).findings;
  /** What a full pass over the mirror and the change set finds, on the test's own thread. */
  const full = (): Finding[] => runWeekAnalysis(unit.db, businessUnitId, weekDate, clock).findings;
  const overlapOf = (findings: Finding[], agentId: string) =>
    findings.filter((f) => f.kind === 'shiftOverlap' && f.agentId === agentId);
  const drop = (agentId: string, shiftId: string) =>
    edits.apply({ ...ref, intent: { kind: 'dropShift', shiftId }, agentIds: [agentId], source: { type: 'direct' } });
  return { ...unit, edits, analysis, updates, get, full, overlapOf, drop };
}

describe('findings follow edits from the heavy worker', () => {
  it('stores and announces an edit answered within the wait before apply returns', async () => {
    const r = rig(10_000);
    const before = await r.get();
    expect(r.overlapOf(before, 'a-1')).toHaveLength(1);
    r.updates.length = 0;

    r.drop('a-1', 'shift-1-extra');
    // No await between apply and these reads: the answer was taken on this thread.
    expect(r.updates).toEqual([expect.objectContaining({ profileId, businessUnitId, week: weekDate })]);
    expect(r.updates[0]!.counts.shiftOverlap).toBe(1);
    const after = await r.get();
    expect(r.overlapOf(after, 'a-1')).toEqual([]);
    expect(after).toEqual(before.filter((f) => f.agentId !== 'a-1' || f.kind !== 'shiftOverlap'));
  });

  it('with no wait, analysis.get waits for the answer still on its way', async () => {
    const r = rig(0);
    const before = await r.get();
    r.drop('a-3', 'shift-3-extra');
    const after = await r.get();
    expect(r.overlapOf(after, 'a-3')).toEqual([]);
    expect(r.overlapOf(after, 'a-1')).toHaveLength(1);
    expect(after.length).toBe(before.length - 1);
    await r.analysis.followed();
    expect(r.updates.map((u) => u.counts.shiftOverlap)).toEqual([1]);
  });

  it('agrees with a full analysis after every edit, undo, redo and discard', async () => {
    const r = rig();
    await r.get();
    const steps: Array<[string, () => unknown]> = [
      ['drop a-1 extra', () => r.drop('a-1', 'shift-1-extra')],
      ['drop a-3 extra', () => r.drop('a-3', 'shift-3-extra')],
      ['drop a-2 Tue', () => r.drop('a-2', 'shift-2-0')],
      ['undo', () => r.edits.undo(ref)],
      ['undo', () => r.edits.undo(ref)],
      ['redo', () => r.edits.redo(ref)],
      ['discard all', () => r.edits.discardAll(ref)],
    ];
    const seen: number[] = [];
    for (const [step, run] of steps) {
      run();
      const followed = await r.get();
      expect(followed, step).toEqual(r.full());
      seen.push(r.overlapOf(followed, 'a-1').length + r.overlapOf(followed, 'a-3').length);
    }
    expect(seen).toEqual([1, 0, 0, 0, 1, 0, 2]);
  });

  it('builds the week again when a sync by another connection rewrote the mirror', async () => {
    const r = rig();
    await r.get();
    r.drop('a-1', 'shift-1-extra');
    expect(r.overlapOf(await r.get(), 'a-1')).toEqual([]);
    // Another process syncs: agent a-2 now has an overlap in the mirror, recorded as a sync run.
    writeSchedule(r.db, {
      version: 2,
      agents: [overlapping(1), overlapping(2), overlapping(3), agentSchedule(4)],
    });
    r.db
      .prepare(
        `INSERT INTO sync_runs (profile_id, business_unit_id, started_at, finished_at, status, weeks_json)
         VALUES (?, ?, ?, ?, 'ok', ?)`,
      )
      .run(profileId, businessUnitId, now.toISOString(), now.toISOString(), JSON.stringify([weekDate]));
    r.drop('a-3', 'shift-3-extra');
    const after = await r.get();
    expect(r.overlapOf(after, 'a-2')).toHaveLength(1);
    expect(r.overlapOf(after, 'a-3')).toEqual([]);
    expect(after).toEqual(r.full());
  });

  it('loses only the follow when the worker stops mid-answer: analysis.get runs the week again', async () => {
    const r = rig(0);
    const before = await r.get();
    r.drop('a-1', 'shift-1-extra');
    await heavy!.close();
    await r.analysis.followed();
    const after = await r.get();
    expect(after).toEqual(r.full());
    expect(after.length).toBe(before.length - 1);
  });
});
