import { describe, expect, it } from 'vitest';
import { businessUnitWeekOf, defaultWeeks } from './business-unit-weeks';

describe('BU weeks', () => {
  it('are counted in the BU zone: Monday 03:00 UTC is still Sunday in Chicago', () => {
    expect(businessUnitWeekOf(new Date('2026-11-23T03:00:00Z'), 'America/Chicago', 'Monday')).toBe('2026-11-16');
    expect(businessUnitWeekOf(new Date('2026-11-23T06:00:00Z'), 'America/Chicago', 'Monday')).toBe('2026-11-23');
    expect(businessUnitWeekOf(new Date('2026-11-22T14:00:00Z'), 'Australia/Sydney', 'Monday')).toBe('2026-11-23');
  });

  it('start on the BU start day', () => {
    expect(businessUnitWeekOf(new Date('2026-11-25T12:00:00Z'), 'America/Chicago', 'Sunday')).toBe('2026-11-22');
    expect(businessUnitWeekOf(new Date('2026-11-28T12:00:00Z'), 'America/Chicago', 'Saturday')).toBe('2026-11-28');
  });

  it('default to the current week and the next two', () => {
    expect(defaultWeeks(new Date('2026-11-23T12:00:00Z'), 'America/Chicago', 'Monday')).toEqual([
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
    ]);
    // Across the end of DST the dates stay whole days.
    expect(defaultWeeks(new Date('2026-10-27T12:00:00Z'), 'America/Chicago', 'Monday')).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
    ]);
  });
});
