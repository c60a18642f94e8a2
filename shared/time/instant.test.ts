import { describe, expect, it } from 'vitest';
import { epochDay, instantMs, isoDate, parseDate, parseInstant } from './instant';

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

describe('instantMs, the edit paths’ remembered parse', () => {
  it('answers what Date.parse does for every instant an agent week holds, and for texts parseInstant refuses', () => {
    const texts = [
      '2026-11-25T14:00:00.000Z',
      '2026-11-25T14:00:00Z',
      '2026-11-25T08:00:00-06:00',
      '2026-03-08T02:30:00.5+01:00',
      // Not an instant to parseInstant (no time, no offset): read as Date.parse reads it.
      '2026-11-25',
      'not a date',
    ];
    for (const text of texts) {
      const expected = Date.parse(text);
      expect(Object.is(instantMs(text), expected), text).toBe(true);
      // Asked again (now from memory): the same answer.
      expect(Object.is(instantMs(text), expected), text).toBe(true);
    }
  });

  it('starts afresh past its limit and still answers rightly', () => {
    const base = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 25_000; i++) {
      const text = new Date(base + i * 60_000).toISOString();
      expect(instantMs(text)).toBe(base + i * 60_000);
    }
    expect(instantMs('2026-01-01T00:00:00.000Z')).toBe(base);
  });
});
