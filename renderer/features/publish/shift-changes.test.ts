import { describe, expect, it } from 'vitest';
import type { TimelineShift } from '../../../shared/timeline';
import { changeWords, newWeekAsItIs, shiftChanges, totalChanges } from './shift-changes';

const hour = 3_600_000;
const day = 24 * hour;
const monday = Date.UTC(2026, 10, 23, 14);

function shift(id: string | null, startMs: number, hours: number, code = 'onq'): TimelineShift {
  return {
    key: 1,
    id,
    scheduleId: 's',
    startMs,
    endMs: startMs + hours * hour,
    manuallyEdited: false,
    activities: [{ startMs, lengthMinutes: hours * 60, activityCodeId: code, paid: true }],
  };
}

describe('what changes for whom: shifts per agent', () => {
  it('counts nothing when the week is the same, whatever the shift ids (a revision has new ones)', () => {
    const now = [shift('p1', monday, 8), shift('p2', monday + day, 8)];
    const next = [shift('d1', monday, 8), shift('d2', monday + day, 8)];
    expect(shiftChanges(now, next)).toEqual({ added: 0, removed: 0, moved: 0 });
  });

  it('counts a shift moved later the same day as moved, a new day as added, a dropped one as removed', () => {
    const now = [shift('a', monday, 8), shift('b', monday + day, 8), shift('c', monday + 2 * day, 8)];
    const next = [shift('a', monday + 2 * hour, 8), shift('c', monday + 2 * day, 8), shift(null, monday + 4 * day, 6)];
    expect(shiftChanges(now, next)).toEqual({ added: 1, removed: 1, moved: 1 });
  });

  it('counts changed activities in the same span as a move of that shift, not an add and a remove', () => {
    expect(shiftChanges([shift('a', monday, 8)], [shift('x', monday, 8, 'meeting')])).toEqual({
      added: 0,
      removed: 0,
      moved: 1,
    });
  });

  it('counts every shift as added for a new week agents see nothing of yet', () => {
    expect(shiftChanges([], [shift(null, monday, 8), shift(null, monday + day, 8)])).toEqual({
      added: 2,
      removed: 0,
      moved: 0,
    });
  });

  it('matches duplicates one for one', () => {
    const s = shift('a', monday, 8);
    expect(shiftChanges([s, s], [s])).toEqual({ added: 0, removed: 1, moved: 0 });
  });

  it('says the counts in words and sums them', () => {
    expect(changeWords({ added: 2, removed: 0, moved: 1 })).toBe('2 added, 1 moved');
    expect(changeWords({ added: 0, removed: 0, moved: 0 })).toBe('No shift changes');
    expect(
      totalChanges([
        { added: 1, removed: 2, moved: 0 },
        { added: 0, removed: 1, moved: 3 },
      ]),
    ).toEqual({ added: 1, removed: 3, moved: 3 });
  });
});

describe('a new week published as it is', () => {
  const draft = { published: false, agentCount: 60 };
  it("says every agent of a new week's draft gets it, when nobody is compared", () => {
    expect(newWeekAsItIs(draft, null, 0)).toBe(60);
  });
  it('leaves the per-agent changes to speak otherwise', () => {
    expect(newWeekAsItIs(draft, { scheduleId: 'published' }, 0)).toBeNull(); // a revision over the week
    expect(newWeekAsItIs(draft, null, 3)).toBeNull(); // agents with edits are compared
    expect(newWeekAsItIs({ published: true, agentCount: 60 }, null, 0)).toBeNull();
    expect(newWeekAsItIs(null, null, 0)).toBeNull();
  });
});
