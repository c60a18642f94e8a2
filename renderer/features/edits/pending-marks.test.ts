import { describe, expect, it } from 'vitest';
import type { AgentWeek, WeekShift } from '../../../shared/publish/agent-week';
import { pendingMarks } from './pending-marks';

const shift = (id: string, start: string, minutes: number): WeekShift => ({
  id,
  startDate: start,
  lengthMinutes: minutes,
  activities: [{ startDate: start, lengthMinutes: minutes, activityCodeId: 'q' }],
});
const week = (...shifts: WeekShift[]): AgentWeek => ({ shifts, fullDayTimeOffMarkers: [] });
const zone = 'America/Chicago';

describe('pending edits drawn on a row', () => {
  it('a moved shift: the ghost where it was, the outline where it is, and “moved from” in words', () => {
    const before = week(shift('s1', '2026-12-08T14:00:00Z', 510));
    const after = week(shift('s1', '2026-12-08T15:00:00Z', 510));
    const marks = pendingMarks(before, after, zone)!;
    expect(marks.ghosts).toEqual([
      { startMs: Date.parse('2026-12-08T14:00:00Z'), endMs: Date.parse('2026-12-08T22:30:00Z') },
    ]);
    expect(marks.outlines).toEqual([
      { startMs: Date.parse('2026-12-08T15:00:00Z'), endMs: Date.parse('2026-12-08T23:30:00Z') },
    ]);
    expect(marks.words[0]).toMatch(/09:00–17:30 CST shift moved from 08:00–16:30$/);
  });

  it('dropped, trimmed and added shifts each say what happened', () => {
    const before = week(shift('s1', '2026-12-08T14:00:00Z', 480), shift('s2', '2026-12-09T14:00:00Z', 480));
    const after = week(shift('s1', '2026-12-08T14:00:00Z', 240), {
      ...shift('', '2026-12-10T14:00:00Z', 60),
      id: undefined,
      localId: 'new:1',
    } as WeekShift);
    const marks = pendingMarks(before, after, zone)!;
    expect(marks.words.join(' | ')).toMatch(
      /shift changed from 08:00–16:00.*Wed 9 Dec 08:00–16:00 CST shift dropped.*shift added/,
    );
    expect(marks.ghosts).toHaveLength(2);
    expect(marks.outlines).toHaveLength(2);
  });

  it('an activity change outlines the shift without a ghost; no change draws nothing', () => {
    const before = week(shift('s1', '2026-12-08T14:00:00Z', 480));
    const meeting = {
      ...before.shifts[0]!,
      activities: [
        ...before.shifts[0]!.activities,
        { startDate: '2026-12-08T20:00:00Z', lengthMinutes: 30, activityCodeId: 'm' },
      ],
    };
    const marks = pendingMarks(before, week(meeting), zone)!;
    expect(marks.ghosts).toEqual([]);
    expect(marks.outlines).toHaveLength(1);
    expect(marks.words[0]).toContain('activities changed');
    expect(pendingMarks(before, before, zone)).toBeNull();
  });
});
