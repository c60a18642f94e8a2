import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dateLabel, dayLabel, timeLabel, zoneLabel } from './explain';

const zones = ['America/Chicago', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns', 'UTC'];

describe('finding wording without a luxon DateTime per label', () => {
  it('says the same day, date, time and zone as luxon at every 29 minutes around both 2026 DST changes', () => {
    for (const zone of zones)
      for (const [from, to] of [
        ['2026-03-07T00:00:00Z', '2026-03-09T12:00:00Z'],
        ['2026-03-28T00:00:00Z', '2026-04-06T00:00:00Z'],
        ['2026-10-24T00:00:00Z', '2026-11-02T12:00:00Z'],
        ['2026-12-31T20:00:00Z', '2027-01-01T20:00:00Z'],
      ] as const)
        for (let ms = Date.parse(from); ms < Date.parse(to); ms += 29 * 60_000) {
          const l = DateTime.fromMillis(ms, { zone, locale: 'en-US' });
          expect([dayLabel(ms, zone), dateLabel(ms, zone), timeLabel(ms, zone), zoneLabel(ms, zone)]).toEqual([
            l.toFormat('ccc d LLL'),
            l.toFormat('ccc d LLL yyyy'),
            l.toFormat('HH:mm'),
            l.toFormat('ZZZZ'),
          ]);
        }
  });

  it('still says something for a zone luxon does not know', () => {
    expect(timeLabel(0, 'Mars/Olympus')).toBe('Invalid DateTime');
  });
});
