import { describe, expect, it } from 'vitest';
import { bandOf, coverageCells, coverageWords } from './coverage-cells';

const quarter = 15 * 60_000;
const coverage = {
  businessUnitId: 'bu',
  scheduleId: 's',
  week: '2026-11-30',
  timeZone: 'America/Chicago',
  startMs: 1_000 * quarter,
  intervalMinutes: 15,
  onQueue: [10, 9.5, 8, 12],
  required: [10, 10, 10, 10],
};

describe('the coverage strip', () => {
  it('sorts intervals into met, short (within 10 %) and under, and has no band without a forecast', () => {
    expect([bandOf(10, 10), bandOf(9.5, 10), bandOf(8, 10), bandOf(12, 10), bandOf(3, null)]).toEqual([
      'met',
      'short',
      'under',
      'met',
      'noTarget',
    ]);
  });

  it('draws only the intervals on screen, each at its own instant', () => {
    const cells = coverageCells(coverage, coverage.startMs + quarter + 1, coverage.startMs + 3 * quarter);
    expect(cells.map((c) => [c.startMs - coverage.startMs, c.band])).toEqual([
      [quarter, 'short'],
      [2 * quarter, 'under'],
    ]);
    expect(coverageCells({ ...coverage, required: null }, 0, Infinity).every((c) => c.band === 'noTarget')).toBe(true);
  });

  it('says the numbers in words', () => {
    const [met, short, under, over] = coverageCells(coverage, 0, Infinity);
    expect(coverageWords(met!)).toBe('10 on queue, 10 required, as required');
    expect(coverageWords(short!)).toBe('9.5 on queue, 10 required, 0.5 short');
    expect(coverageWords(under!)).toBe('8 on queue, 10 required, 2 short');
    expect(coverageWords(over!)).toBe('12 on queue, 10 required, 2 over');
  });
});
