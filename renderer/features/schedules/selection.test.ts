import { describe, expect, it } from 'vitest';
import { connection, overviewOf } from '../../testing/schedules-fixtures';
import { shownBusinessUnit, shownProfile, shownWeek } from './selection';

describe('what the Schedules screen shows', () => {
  it('shows the picked connection, else the first, and nothing before the list is read', () => {
    const list = [connection('a'), connection('b')];
    expect(shownProfile('b', list)).toBe('b');
    expect(shownProfile(null, list)).toBe('a');
    // A removed connection falls back rather than leaving the screen on nothing.
    expect(shownProfile('gone', list)).toBe('a');
    expect(shownProfile('b', undefined)).toBeNull();
    expect(shownProfile(null, [])).toBeNull();
  });

  it('shows the picked unit only when the connection mirrors it, else its first unit', () => {
    expect(shownBusinessUnit('B', overviewOf('A', 'B'))).toBe('B');
    expect(shownBusinessUnit(null, overviewOf('A', 'B'))).toBe('A');
    // A unit picked under another connection is not this connection's.
    expect(shownBusinessUnit('X', overviewOf('A', 'B'))).toBe('A');
    expect(shownBusinessUnit('B', undefined)).toBeNull();
    expect(shownBusinessUnit(null, overviewOf())).toBeNull();
  });

  it('keeps a week’s findings open only under the unit they belong to', () => {
    const open = { profileId: 'p', businessUnitId: 'A', week: '2026-11-23' };
    expect(shownWeek(open, 'p', 'A')).toBe('2026-11-23');
    expect(shownWeek(open, 'p', 'B')).toBeNull();
    expect(shownWeek(open, 'q', 'A')).toBeNull();
    expect(shownWeek(null, 'p', 'A')).toBeNull();
  });
});
