import { describe, expect, it } from 'vitest';
import { isCalendarDate, weekProblem } from './business-week';

describe('a business-unit week', () => {
  it('is a real calendar date', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-02-30')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(weekProblem('2025-02-30', 'Monday')).toBe('2025-02-30 is not a date on the calendar.');
    expect(weekProblem('next week', 'Monday')).toMatch(/yyyy-MM-dd/);
  });

  it("starts on the unit's start day, and a misaligned day names the week to use", () => {
    expect(weekProblem('2026-11-30', 'Monday')).toBeNull();
    expect(weekProblem('2026-12-02', 'Monday')).toBe(
      '2026-12-02 is a Wednesday, but weeks of this business unit start on Monday: use 2026-11-30 for that week.',
    );
    expect(weekProblem('2026-11-29', 'Sunday')).toBeNull();
    expect(weekProblem('2026-11-30', 'Sunday')).toMatch(/is a Monday, .* start on Sunday: use 2026-11-29/);
    expect(weekProblem('2026-12-05', 'saturday')).toBeNull();
  });
});
