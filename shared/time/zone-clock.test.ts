import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ZoneClock } from './zone-clock';

const zones = [
  'America/Chicago',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Asia/Kolkata',
  'America/Santiago',
];

describe('ZoneClock', () => {
  it.each(zones)('agrees with luxon on offsets, local minutes and days in %s, across DST changes', (zone) => {
    const clock = ZoneClock.of(zone) as ZoneClock;
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 60_000 * 61) {
      const local = DateTime.fromMillis(ms, { zone });
      expect(clock.offsetMinutes(ms)).toBe(local.offset);
      expect(clock.localMinute(ms)).toBe(local.hour * 60 + local.minute);
      expect(clock.localDay(ms)).toBe(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000);
    }
  });

  it('finds the instant of a change and the start of a local day', () => {
    const chicago = ZoneClock.of('America/Chicago') as ZoneClock;
    expect(chicago.changeWithin(Date.UTC(2026, 10, 1, 3), Date.UTC(2026, 10, 1, 12))).toBe(Date.UTC(2026, 10, 1, 7));
    expect(chicago.dayStart(Date.UTC(2026, 2, 8) / 86_400_000)).toBe(Date.UTC(2026, 2, 8, 6));
  });

  it('is null for zones luxon does not know', () => {
    expect(ZoneClock.of('Mars/Olympus_Mons')).toBeNull();
    expect(ZoneClock.of(undefined)).toBeNull();
  });
});
