import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localDayNumber, offsetMinutes, wallClock } from './zone-offset';

const zones = ['America/Chicago', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];

describe('Zone offsets without luxon on the hot path', () => {
  it('agrees with luxon at every 7 minutes through both 2026 DST changes in each zone', () => {
    for (const zone of zones) {
      for (const [from, to] of [
        ['2026-03-07T00:00:00Z', '2026-03-09T12:00:00Z'],
        ['2026-03-28T00:00:00Z', '2026-04-06T00:00:00Z'],
        ['2026-10-03T00:00:00Z', '2026-10-05T00:00:00Z'],
        ['2026-10-24T00:00:00Z', '2026-11-02T12:00:00Z'],
      ] as const) {
        for (let ms = Date.parse(from); ms < Date.parse(to); ms += 7 * 60_000) {
          const l = DateTime.fromMillis(ms, { zone });
          const c = wallClock(ms, zone);
          expect([c.offset, c.year, c.month, c.day, c.hour, c.minute, c.weekday], `${zone} ${l.toISO()}`).toEqual([
            l.offset,
            l.year,
            l.month,
            l.day,
            l.hour,
            l.minute,
            l.weekday,
          ]);
        }
      }
    }
  });

  it('agrees with luxon at random instants over ten years in zones with odd offsets and changes', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const from = Date.parse('2020-01-01T00:00:00Z');
    for (const zone of [...zones, 'America/Santiago', 'Pacific/Chatham', 'America/St_Johns', 'Africa/Casablanca']) {
      for (let i = 0; i < 400; i++) {
        const ms = from + Math.floor(next() * 10 * 365 * 86_400_000);
        expect(offsetMinutes(zone, ms), `${zone} ${new Date(ms).toISOString()}`).toBe(
          DateTime.fromMillis(ms, { zone }).offset,
        );
      }
    }
  });

  it('changes the offset at the instant Chicago falls back, not a quarter hour around it', () => {
    const change = Date.parse('2026-11-01T07:00:00Z');
    expect(offsetMinutes('America/Chicago', change - 1)).toBe(-300);
    expect(offsetMinutes('America/Chicago', change)).toBe(-360);
    expect(localDayNumber(change - 1, 'America/Chicago')).toBe(20261101);
    expect(localDayNumber(Date.parse('2026-11-01T04:59:59Z'), 'America/Chicago')).toBe(20261031);
  });
});
