import { describe, expect, it, vi } from 'vitest';
import * as reanalyse from '../../shared/edits/reanalyse';
import { initialPublishState, publishTransition } from '../../shared/publish/machine';
import type { PublishState } from '../../shared/publish/machine-state';
import { businessUnitId, draftId, mirroredUnit, weekDate } from '../../test/mirror/edits-fixtures';
import { shift as kitShift, week } from '../../test/publish/machine-kit';
import { createPublishAnalysis } from './analyse';

// Counted, still the real analysis: a head start is only worth it when preflight's question then costs nothing.
vi.mock('../../shared/edits/reanalyse', async (original) => {
  const real = await original<typeof import('../../shared/edits/reanalyse')>();
  return { ...real, reanalyseAgents: vi.fn(real.reanalyseAgents) };
});
const analysed = vi.mocked(reanalyse.reanalyseAgents);

/** A shift on queue, day 0 being Tuesday 24 Nov (the fixture draft's first day). */
const shift = (id: string, d: number, h: number) => kitShift(id, d + 1, h, 'on-queue');
const clean = (n: number) => week(shift(`s-${n}-0`, 0, 14), shift(`s-${n}-1`, 1, 14));
/** Tuesday 14:00–22:00 and 18:00–02:00: an overlap, an error finding. */
const overlapping = (n: number) => week(shift(`s-${n}-0`, 0, 14), shift(`s-${n}-x`, 0, 18));

/** A publish of the fixture's draft just started: a-1 edited into an overlap, a-2 edited cleanly. */
function started(): PublishState {
  return publishTransition(initialPublishState(), {
    type: 'start',
    at: Date.parse('2026-11-23T12:00:00Z'),
    job: { businessUnitId, weekId: weekDate, scheduleId: draftId, overPublished: false },
    policy: { holdScriptSessions: false, acceptedKinds: [], autoReleaseHeld: false },
    schedule: { version: 1, published: false },
    agents: [
      { agentId: 'a-1', base: { week: clean(1), version: 1 }, mine: overlapping(1) },
      { agentId: 'a-2', base: { week: clean(2), version: 1 }, mine: week(shift('s-2-0', 0, 15)) },
    ],
    seed: 1,
  }).state;
}

const kindsBy = (findings: Array<{ agentId: string; kind: string }>) =>
  findings.map((f) => `${f.agentId}:${f.kind}`).sort();
const ctx = { now: () => new Date('2026-11-23T12:00:00Z'), viewerTimeZone: 'UTC' };

describe("preflight's analysis, made ahead during a wait", () => {
  it('answers preflight as an analysis made when asked does', async () => {
    const { db } = mirroredUnit(3);
    const state = started();
    const ahead = createPublishAnalysis(db, ctx);
    ahead.prepare(state);
    const asked = await ahead(state, ['a-1', 'a-2']);
    const fresh = await createPublishAnalysis(db, ctx)(state, ['a-1', 'a-2']);
    expect(kindsBy(asked)).toEqual(kindsBy(fresh));
    expect(kindsBy(asked)).toContain('a-1:shiftOverlap');
    expect(asked.some((f) => f.agentId === 'a-2')).toBe(false);
  });

  it('analyses again an agent whose intended week changed after the head start', async () => {
    const { db } = mirroredUnit(3);
    const state = started();
    const analyse = createPublishAnalysis(db, ctx);
    analyse.prepare(state);
    // A re-read rebased a-2 onto a week with an overlap: a new object, so a new answer.
    const a2 = state.agents['a-2']!;
    const rebased: PublishState = { ...state, agents: { ...state.agents, 'a-2': { ...a2, intended: overlapping(2) } } };
    expect(kindsBy(await analyse(rebased, ['a-1', 'a-2']))).toEqual(['a-1:shiftOverlap', 'a-2:shiftOverlap']);
    // Asked about fewer agents, it says only theirs.
    expect(kindsBy(await analyse(rebased, ['a-2']))).toEqual(['a-2:shiftOverlap']);
  });

  it('answers preflight from the head start without analysing again, and makes none once confirmed', async () => {
    const { db } = mirroredUnit(3);
    const state = started();
    const analyse = createPublishAnalysis(db, ctx);
    analysed.mockClear();
    analyse.prepare(state);
    expect(analysed).toHaveBeenCalledTimes(1);
    await analyse(state, ['a-1', 'a-2']);
    expect(analysed).toHaveBeenCalledTimes(1);
    // Confirmed: what comes next is a rebase's question, not preflight's; the wait makes only the week's analysis.
    const other = createPublishAnalysis(db, ctx);
    analysed.mockClear();
    other.prepare({ ...state, confirmed: true });
    expect(analysed).not.toHaveBeenCalled();
  });
});
