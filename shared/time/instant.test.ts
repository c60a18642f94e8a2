import { describe, expect, it } from 'vitest';
import { epochDay, isoDate, parseDate, parseInstant } from './instant';

describe('parseInstant', () => {
  it('reads ISO instants with any offset, like Date.parse', () => {
    for (const text of [
      '2026-03-09T13:00:00.000Z',
      '2026-03-09T13:00:00Z',
      '2026-03-09T08:00:00-05:00',
      '2026-03-09T22:00+0900',
      '2024-02-29T23:59:59.999999Z',
      '1969-12-31T23:59:59.5Z',
    ]) {
      expect(parseInstant(text)).toBe(Date.parse(text.replace(/(\.\d{3})\d+/, '$1')));
    }
  });

  it('refuses what is not an instant, above all a time without an offset', () => {
    for (const text of [
      '2026-03-09T08:00:00',
      '2026-03-09',
      '2026-02-29T08:00:00Z',
      '2026-03-09T24:00:00Z',
      '2026-03-09 08:00:00Z',
      '2026-03-09T08:00:00.Z',
      'soon',
      '',
      null,
      42,
    ]) {
      expect(parseInstant(text)).toBeNull();
    }
  });
});

describe('dates', () => {
  it('round-trips epoch days across centuries', () => {
    for (const date of ['1970-01-01', '2000-02-29', '2026-03-08', '1900-03-01', '2400-12-31']) {
      const day = parseDate(date) as number;
      expect(day).toBe(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
      expect(isoDate(day)).toBe(date);
    }
    expect(epochDay(2026, 1, 1)).toBe(20454);
    expect(parseDate('2026-13-01')).toBeNull();
  });
});
