import { describe, expect, it } from 'vitest';
import { buZoneOf, drawnWeekSpan } from './bu-zone';
import { weekSpan } from './zone-time';

describe('buZoneOf', () => {
  it('draws in the unit’s own zone when this computer knows it', () => {
    expect(buZoneOf('America/Chicago')).toEqual({ zone: 'America/Chicago', pending: false, unknown: null });
  });

  it('waits while the unit is only listed (its settings, and so its zone, not read yet)', () => {
    const z = buZoneOf('');
    expect(z.pending).toBe(true);
    expect(Number.isFinite(weekSpan('2026-12-07', z.zone).from)).toBe(true);
  });

  it('names a zone it cannot read and falls back to UTC, so the week still has a span', () => {
    const z = buZoneOf('Mars/Olympus_Mons');
    expect(z).toEqual({ zone: 'UTC', pending: false, unknown: 'Mars/Olympus_Mons' });
    const span = weekSpan('2026-12-07', z.zone);
    expect(span.to - span.from).toBe(7 * 24 * 3_600_000);
    // What the week would have been without the fallback: the services refuse it.
    expect(weekSpan('2026-12-07', 'Mars/Olympus_Mons').from).toBeNaN();
  });

  it('uses UTC with no unit at all', () => {
    expect(buZoneOf(undefined)).toEqual({ zone: 'UTC', pending: false, unknown: null });
  });
});

describe('drawnWeekSpan: the week the Timeline asks the mirror for', () => {
  it('is nothing while the unit is only listed, so no NaN span is sent before its settings are read', () => {
    expect(drawnWeekSpan('2026-12-07', '')).toBeNull();
    expect(drawnWeekSpan(null, 'America/Chicago')).toBeNull();
  });

  it('is the unit’s own week once its zone is read, and a UTC week for a zone unknown here', () => {
    expect(drawnWeekSpan('2026-12-07', 'America/Chicago')).toEqual(weekSpan('2026-12-07', 'America/Chicago'));
    expect(drawnWeekSpan('2026-12-07', 'Mars/Olympus_Mons')).toEqual(weekSpan('2026-12-07', 'UTC'));
  });

  it('is nothing for a week that is not a date, rather than NaN', () => {
    expect(drawnWeekSpan('2026-13-45', 'America/Chicago')).toBeNull();
  });
});
