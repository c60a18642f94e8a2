import { describe, expect, it } from 'vitest';
import { sameData, sameWeekAsRead } from './same-data';
import { seededRandom, type SeededRandom } from './seeded-random';

/** A small random JSON value, often with `undefined` members (which JSON leaves out). */
function value(r: SeededRandom, depth: number): unknown {
  const kind = depth > 2 ? r.int(0, 3) : r.int(0, 5);
  if (kind === 0) return r.pick([0, 1, 2]);
  if (kind === 1) return r.pick(['a', 'b', '']);
  if (kind === 2) return r.pick([true, false, null]);
  if (kind === 3) return r.int(0, 3) === 0 ? undefined : r.pick(['x', 1]);
  if (kind === 4) return Array.from({ length: r.int(0, 2) }, () => value(r, depth + 1) ?? null);
  return Object.fromEntries(['p', 'q', 'r'].slice(0, r.int(0, 3)).map((k) => [k, value(r, depth + 1)]));
}

describe('sameData', () => {
  it('says what comparing the JSON texts says, over seeded pairs', () => {
    let same = 0;
    for (let seed = 1; seed <= 5000; seed++) {
      const r = seededRandom(seed);
      const a = value(r, 0);
      const b = r.int(0, 1) === 0 ? value(r, 0) : structuredClone(a);
      const expected = JSON.stringify(a) === JSON.stringify(b);
      expect(sameData(a, b), `seed ${seed}: ${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(expected);
      if (expected) same++;
    }
    expect(same).toBeGreaterThan(1000);
  });

  it('takes keys in any order and an undefined member as absent', () => {
    expect(sameData({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData({ a: [] }, { a: {} })).toBe(false);
  });

  it('leaves out the keys asked of the two objects themselves, and only of them', () => {
    const own = new Set(['id']);
    expect(sameData({ id: 's-1', n: 1 }, { id: 'p-9', n: 1 }, own)).toBe(true);
    expect(sameData({ id: 's-1', n: 1 }, { n: 1 }, own)).toBe(true);
    expect(sameData({ id: 's-1', n: 1 }, { id: 's-1', n: 2 }, own)).toBe(false);
    // What they hold is compared whole: an inner id still counts.
    expect(sameData({ a: { id: 1 } }, { a: { id: 2 } }, own)).toBe(false);
  });
});

describe('sameWeekAsRead', () => {
  const shift = (extra: object = {}) => ({
    id: 's1',
    startDate: '2026-11-30T14:00:00Z',
    lengthMinutes: 480,
    activities: [],
    ...extra,
  });
  const week = (...shifts: object[]) => ({ shifts, fullDayTimeOffMarkers: [] as object[] });
  const ref = { id: 'sched', weekDate: '2026-11-30' };

  it('takes a read whose shifts carry the schedule reference ours lack as the same week', () => {
    expect(sameWeekAsRead(week(shift()), week(shift({ schedule: ref })))).toBe(true);
  });

  it('compares a reference ours has, and everything else', () => {
    expect(sameWeekAsRead(week(shift({ schedule: ref })), week(shift()))).toBe(false);
    expect(sameWeekAsRead(week(shift({ schedule: ref })), week(shift({ schedule: { ...ref, id: 'other' } })))).toBe(
      false,
    );
    expect(sameWeekAsRead(week(shift()), week(shift({ schedule: ref, lengthMinutes: 420 })))).toBe(false);
    expect(sameWeekAsRead(week(shift()), week(shift(), shift({ id: 's2' })))).toBe(false);
    expect(
      sameWeekAsRead(week(shift()), { ...week(shift()), fullDayTimeOffMarkers: [{ businessUnitDate: '2026-12-01' }] }),
    ).toBe(false);
  });
});
