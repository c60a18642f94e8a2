import { describe, expect, it } from 'vitest';
import { axisTicks, shiftWords, spanWords, weekSpan, zoneAbbrev, zoneCaption, zoneChanges, zoneFor } from './zone-time';

const chicago = 'America/Chicago';
const at = (iso: string) => Date.parse(iso);

describe('Timeline time labels', () => {
  it('says a shift in words in the chosen zone', () => {
    const start = at('2026-12-08T14:00:00Z');
    expect(shiftWords(start, start + 510 * 60_000, chicago, 3)).toBe('Tue 8 Dec 08:00–16:30 CST, 8 h 30, 3 activities');
    expect(shiftWords(start, start + 480 * 60_000, 'UTC', 1)).toBe('Tue 8 Dec 14:00–22:00 UTC, 8 h, 1 activity');
    expect(spanWords(at('2026-12-09T03:00:00Z'), at('2026-12-09T11:00:00Z'), chicago)).toBe(
      'Tue 8 Dec 21:00–Wed 9 Dec 05:00 CST',
    );
  });

  it('names the abbreviation for North American, European and plain UTC clocks', () => {
    expect(zoneAbbrev(at('2026-07-01T12:00:00Z'), chicago)).toBe('CDT');
    expect(zoneAbbrev(at('2026-12-01T12:00:00Z'), 'Europe/Berlin')).toBe('CET');
    expect(zoneAbbrev(at('2026-12-01T12:00:00Z'), 'UTC')).toBe('UTC');
    expect(zoneFor('bu', chicago, 'Europe/Berlin')).toBe(chicago);
    expect(zoneFor('mine', chicago, 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(zoneFor('utc', chicago, 'Europe/Berlin')).toBe('UTC');
  });

  it('skips 02:00 on 8 March 2026 in Chicago: a 23-hour day, 167-hour week', () => {
    const { from, to } = weekSpan('2026-03-08', chicago);
    expect(to - from).toBe(167 * 3_600_000);
    const day = axisTicks(from, from + 5 * 3_600_000, chicago, 1).map((t) => t.label);
    expect(day).toEqual(['00:00', '01:00', '03:00 CDT', '04:00', '05:00', '06:00'].slice(0, day.length));
    expect(day).not.toContain('02:00');
    expect(zoneChanges(from, to, chicago)).toEqual([
      { ms: at('2026-03-08T08:00:00Z'), label: 'Clocks go forward: 02:00 CST → 03:00 CDT' },
    ]);
    expect(zoneCaption(from, to, chicago)).toBe('America/Chicago (CST, then CDT)');
  });

  it('shows 01:00 twice on 1 November 2026 in Chicago: a 25-hour day, 169-hour week', () => {
    const { from, to } = weekSpan('2026-11-01', chicago);
    expect(to - from).toBe(169 * 3_600_000);
    const labels = axisTicks(from, from + 4 * 3_600_000, chicago, 1).map((t) => t.label);
    expect(labels).toEqual(['00:00', '01:00', '01:00 CST', '02:00']);
    expect(zoneChanges(from, to, chicago)).toEqual([
      { ms: at('2026-11-01T07:00:00Z'), label: 'Clocks go back: 02:00 CDT → 01:00 CST' },
    ]);
    // The same instants read in UTC have no change and no repeated hour.
    expect(zoneChanges(from, to, 'UTC')).toEqual([]);
    expect(axisTicks(from, from + 4 * 3_600_000, 'UTC', 1).map((t) => t.label)).toEqual([
      '05:00',
      '06:00',
      '07:00',
      '08:00',
    ]);
  });

  it('puts day names on local midnights and keeps every step tick on a local multiple of the step', () => {
    const { from, to } = weekSpan('2026-11-01', chicago);
    const ticks = axisTicks(from, to, chicago, 6);
    expect(ticks.filter((t) => t.day).map((t) => t.day)).toEqual([
      'Sun 1 Nov',
      'Mon 2 Nov',
      'Tue 3 Nov',
      'Wed 4 Nov',
      'Thu 5 Nov',
      'Fri 6 Nov',
      'Sat 7 Nov',
    ]);
    expect(ticks.slice(0, 6).map((t) => t.label)).toEqual(['00:00', '01:00 CST', '06:00', '12:00', '18:00', '00:00']);
  });
});
