import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { TimelineActivity, TimelineShift } from '../timeline';
import { CoverageCounter, onQueueCodeIds, onQueueCoverage, weekGrid, type CoverageGrid } from './coverage';

const zone = 'America/Chicago';
const minute = 60_000;
const quarter = 15 * minute;
const onQueue = new Set(['q1', 'q2']);
const codes = ['q1', 'q2', 'break', 'meal', 'training'];

/** A tiny seeded generator (an LCG): enough to draw schedules. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  return {
    int: (min: number, max: number) => min + (next() % (max - min + 1)),
    chance: (p: number) => next() / 2 ** 32 < p,
    pick: <T>(list: readonly T[]) => list[next() % list.length]!,
  };
}
type Rng = ReturnType<typeof seeded>;

let key = 0;
function shift(startMs: number, activities: TimelineActivity[]): TimelineShift {
  const endMs = Math.max(startMs, ...activities.map((a) => a.startMs + a.lengthMinutes * minute));
  return { key: key++, id: null, scheduleId: 's', startMs, endMs, manuallyEdited: false, activities };
}
const act = (startMs: number, lengthMinutes: number, activityCodeId = 'q1'): TimelineActivity => ({
  startMs,
  lengthMinutes,
  activityCodeId,
  paid: true,
});

/** What the counter must equal: per interval, per agent, the union of on-queue activities clipped to the interval. */
function bruteForce(grid: CoverageGrid, agents: TimelineShift[][]): number[] {
  const length = grid.intervalMinutes * minute;
  const onQueueSpans = agents.map((shifts) =>
    shifts
      .flatMap((s) => s.activities)
      .filter((a) => onQueue.has(a.activityCodeId))
      .map((a) => [a.startMs, a.startMs + a.lengthMinutes * minute] as const),
  );
  return Array.from({ length: grid.count }, (_, i) => {
    const from = grid.startMs + i * length;
    const to = from + length;
    let ms = 0;
    for (const spans of onQueueSpans) {
      const clipped = spans
        .filter(([s, e]) => s < to && e > from)
        .map(([s, e]) => [Math.max(s, from), Math.min(e, to)] as const)
        .sort((x, y) => x[0] - y[0]);
      let coveredTo = -Infinity;
      for (const [s, e] of clipped) {
        if (e <= coveredTo) continue;
        ms += e - Math.max(s, coveredTo);
        coveredTo = e;
      }
    }
    return ms / length;
  });
}

/** Where a random shift starts: anywhere around the week, or on purpose across local midnight or the DST change. */
function shiftStart(rng: Rng, grid: CoverageGrid, week: string): number {
  const day = DateTime.fromISO(week, { zone }).plus({ days: rng.int(-1, 7) });
  const roll = rng.int(0, 9);
  if (roll < 3) return day.set({ hour: 22 }).toMillis() + rng.int(-120, 90) * minute; // across local midnight
  if (roll < 5) return Date.parse('2026-11-01T07:00:00Z') - rng.int(0, 600) * minute; // across the fall-back change
  if (roll < 6) return Date.parse('2026-03-08T08:00:00Z') - rng.int(0, 600) * minute; // across the spring-forward change
  if (roll < 7) return grid.startMs + grid.count * quarter - rng.int(0, 300) * minute; // across the end of the grid
  const aligned = rng.pick([quarter, minute, minute, 1]); // on quarter hours, minutes, or any ms
  return Math.floor((day.toMillis() + rng.int(0, 1439) * minute + rng.int(0, 59_999)) / aligned) * aligned;
}

function randomAgent(rng: Rng, grid: CoverageGrid, week: string): TimelineShift[] {
  const shifts: TimelineShift[] = [];
  for (let n = rng.int(0, 7); n > 0; n--) {
    const start = shiftStart(rng, grid, week);
    const activities: TimelineActivity[] = [];
    // Contiguous activities of random codes and lengths, as Genesys sends them...
    for (let at = start, left = rng.int(30, 720); left > 0;) {
      const length = Math.min(left, rng.pick([15, 30, 60, rng.int(1, 200)]));
      activities.push(act(at, length, rng.pick(codes)));
      at += length * minute;
      left -= length;
    }
    // ...and the unclean: an activity over another, an empty one.
    if (rng.chance(0.2)) activities.push(act(start + rng.int(0, 300) * minute, rng.int(1, 90), rng.pick(codes)));
    if (rng.chance(0.1)) activities.push(act(start + rng.int(0, 300) * minute, 0, 'q1'));
    shifts.push(shift(start, activities));
    // Now and then a second shift overlapping the first (a planted overlap).
    if (rng.chance(0.1)) shifts.push(shift(start + rng.int(0, 240) * minute, [act(start, rng.int(30, 300), 'q2')]));
  }
  return shifts.sort((a, b) => a.startMs - b.startMs);
}

describe('weekGrid', () => {
  const perDay = (week: string, z = zone) => {
    const g = weekGrid(week, z);
    return { count: g.count, startMs: g.startMs, days: g.dayStarts.slice(1).map((d, i) => d - g.dayStarts[i]!) };
  };

  it('starts at BU-local midnight and has 96 quarter hours a day in a plain week', () => {
    expect(perDay('2026-11-23')).toEqual({
      count: 672,
      startMs: Date.parse('2026-11-23T06:00:00Z'),
      days: [96, 96, 96, 96, 96, 96, 96],
    });
    expect(perDay('2026-11-23', 'America/Phoenix').startMs).toBe(Date.parse('2026-11-23T07:00:00Z'));
  });

  it('gives the fall-back Sunday of America/Chicago 100 quarter hours and the spring-forward one 92', () => {
    expect(perDay('2026-10-26')).toEqual({
      count: 676,
      startMs: Date.parse('2026-10-26T05:00:00Z'),
      days: [96, 96, 96, 96, 96, 96, 100],
    });
    expect(perDay('2026-03-02')).toEqual({
      count: 668,
      startMs: Date.parse('2026-03-02T06:00:00Z'),
      days: [96, 96, 96, 96, 96, 96, 92],
    });
    // A week starting on the change day itself.
    expect(perDay('2026-11-01').days).toEqual([100, 96, 96, 96, 96, 96, 96]);
    // Australia/Lord_Howe moves by half an hour: still whole quarter hours.
    expect(perDay('2026-10-04', 'Australia/Lord_Howe').days).toEqual([94, 96, 96, 96, 96, 96, 96]);
  });

  it('refuses a zone or a date it cannot place', () => {
    expect(() => weekGrid('2026-11-23', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => weekGrid('2026-02-30', zone)).toThrow(RangeError);
    expect(() => weekGrid('2026-11-23', zone, 0)).toThrow(RangeError);
  });
});

describe('onQueueCoverage', () => {
  const grid = weekGrid('2026-11-23', zone);
  const at = (hhmm: string, day = 0) => DateTime.fromISO(`2026-11-23T${hhmm}`, { zone }).plus({ days: day }).toMillis();
  const index = (ms: number) => (ms - grid.startMs) / quarter;

  it('counts agents on queue, partial intervals by minutes ÷ 15, breaks and other codes not at all', () => {
    const ana = [shift(at('08:00'), [act(at('08:00'), 130), act(at('10:10'), 15, 'break')])];
    const bea = [shift(at('08:05'), [act(at('08:05'), 30, 'q2'), act(at('08:35'), 30, 'meal')])];
    const counts = onQueueCoverage(grid, [ana, bea], onQueue);
    const i = index(at('08:00'));
    expect(counts.slice(i - 1, i + 10)).toEqual([0, 25 / 15, 2, 20 / 15, 1, 1, 1, 1, 1, 10 / 15, 0]);
    expect(counts.reduce((a, b) => a + b, 0) * 15).toBeCloseTo(130 + 30, 9); // agent-minutes are kept exactly
  });

  it('counts an agent once where their on-queue activities or shifts overlap', () => {
    const overlapping = [
      shift(at('09:00'), [act(at('09:00'), 60), act(at('09:30'), 60, 'q2')]),
      shift(at('09:10'), [act(at('09:10'), 20)]),
    ];
    const counts = onQueueCoverage(grid, [overlapping], onQueue);
    const i = index(at('09:00'));
    expect(counts.slice(i - 1, i + 7)).toEqual([0, 1, 1, 1, 1, 1, 1, 0]);
  });

  it('clips activities to the grid: before the week, after it, across its ends', () => {
    const start = grid.startMs;
    const end = grid.startMs + grid.count * quarter;
    const agent = [
      shift(start - 3_600_000, [act(start - 3_600_000, 60), act(start - 600_000, 20)]),
      shift(end - 5 * minute, [act(end - 5 * minute, 60)]),
      shift(end + 1, [act(end + 1, 60)]),
    ];
    const counts = onQueueCoverage(grid, [agent], onQueue);
    expect(counts[0]).toBe(10 / 15);
    expect(counts.at(-1)).toBe(5 / 15);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(15 / 15);
  });

  it('takes the on-queue codes from the categories', () => {
    expect(
      onQueueCodeIds([
        { id: 'a', category: 'OnQueueWork' },
        { id: 'b', category: 'OffQueueWork' },
        { id: 'c', category: null },
        { id: 'd', category: 'onqueuework' },
      ]),
    ).toEqual(new Set(['a']));
  });

  it('equals a brute-force count on random schedules across midnight, DST changes and the grid ends', () => {
    const rng = seeded(13);
    const weeks = ['2026-10-26', '2026-03-02', '2026-11-23', '2026-11-01'];
    let cases = 0;
    let fractional = 0;
    for (let round = 0; round < 120; round++) {
      const week = weeks[round % weeks.length]!;
      const g = weekGrid(week, zone, round % 8 === 7 ? 30 : 15);
      const agents = Array.from({ length: rng.int(0, 25) }, () => randomAgent(rng, g, week));
      const counter = new CoverageCounter(g, onQueue);
      // Shifts of an agent in any order.
      for (const a of agents) counter.addAgent(rng.chance(0.2) ? [...a].reverse() : a);
      const counts = counter.counts();
      expect(counts).toHaveLength(g.count);
      expect(counts).toEqual(bruteForce(g, agents));
      expect(counter.agents).toBe(agents.length);
      for (const c of counts) expect(c >= 0 && c <= agents.length).toBe(true);
      fractional += counts.filter((c) => !Number.isInteger(c)).length;
      cases++;
    }
    expect(cases).toBe(120);
    expect(fractional).toBeGreaterThan(100); // the generator does cross interval edges
  });

  it('takes an agent out again with weight -1: one counter holds exactly an edit’s difference, and clears', () => {
    const rng = seeded(29);
    const week = '2026-11-01';
    const g = weekGrid(week, zone);
    const counter = new CoverageCounter(g, onQueue);
    for (let round = 0; round < 60; round++) {
      const [before, after] = [randomAgent(rng, g, week), randomAgent(rng, g, week)];
      counter.clear();
      counter.addAgent(after, 1);
      counter.addAgent(before, -1);
      const intervalMs = g.intervalMinutes * minute;
      const was = bruteForce(g, [before]);
      const expected = bruteForce(g, [after]).map((v, i) => Math.round((v - was[i]!) * intervalMs));
      expect(Array.from(counter.onQueueMs(), Math.round)).toEqual(expected);
      expect(counter.agents).toBe(0);
    }
    counter.clear();
    expect(counter.onQueueMs().every((v) => v === 0)).toBe(true);
  });
});
