import { describe, expect, it } from 'vitest';
import type { WeekSummary } from '../../../shared/mirror';
import {
  publishedToCompare,
  scheduleLabel,
  schedulesOfWeek,
  shownSchedule,
  shownTimelineWeek,
} from './schedule-choice';

const week = (weekDate: string, scheduleId: string, published: boolean): WeekSummary => ({
  weekDate,
  scheduleId,
  description: scheduleId,
  published,
  version: 1,
  weekCount: 1,
  agentCount: 500,
  asOf: '2026-11-30T06:00:00.000Z',
});

const weeks = [
  week('2026-11-30', 'pub', true),
  week('2026-11-30', 'revised', false),
  week('2026-12-07', 'next', false),
];

describe('the Timeline’s week and schedule', () => {
  it('opens on the week holding today in the BU zone, and keeps a pick that is still mirrored', () => {
    // 1 Dec 2026 03:00 UTC is still 30 Nov in Chicago.
    const now = Date.parse('2026-12-01T03:00:00Z');
    expect(shownTimelineWeek(null, weeks, 'America/Chicago', now)).toBe('2026-11-30');
    expect(shownTimelineWeek('2026-12-07', weeks, 'America/Chicago', now)).toBe('2026-12-07');
    expect(shownTimelineWeek('2026-01-05', weeks, 'America/Chicago', now)).toBe('2026-11-30');
    expect(shownTimelineWeek(null, weeks, 'America/Chicago', Date.parse('2026-11-20T12:00:00Z'))).toBe('2026-11-30');
    expect(shownTimelineWeek(null, [], 'America/Chicago', now)).toBeNull();
  });

  it('shows the draft about to be published by default, the published one when picked', () => {
    const ofWeek = schedulesOfWeek(weeks, '2026-11-30');
    expect(ofWeek.map((w) => w.scheduleId)).toEqual(['revised', 'pub']);
    expect(shownSchedule(null, ofWeek)?.scheduleId).toBe('revised');
    expect(shownSchedule('pub', ofWeek)?.scheduleId).toBe('pub');
    expect(shownSchedule('next', ofWeek)?.scheduleId).toBe('revised');
  });

  it('names a schedule by status and what its description adds to the week', () => {
    expect(scheduleLabel({ ...weeks[1]!, description: 'Week of 2026-11-30 (revised)', version: 3 })).toBe(
      'Draft (revised) · v3 · 500 agents',
    );
    expect(scheduleLabel({ ...weeks[0]!, description: 'Week of 2026-11-30' })).toBe('Published · v1 · 500 agents');
  });

  it('compares a draft with its week’s published schedule, and says why not when there is none', () => {
    const ofWeek = schedulesOfWeek(weeks, '2026-11-30');
    const draft = shownSchedule(null, ofWeek);
    expect(publishedToCompare(draft, ofWeek)).toEqual({ published: weeks[0], reason: null });
    // The published one shown: nothing to compare with.
    expect(publishedToCompare(shownSchedule('pub', ofWeek), ofWeek).published).toBeNull();
    expect(publishedToCompare(shownSchedule('pub', ofWeek), ofWeek).reason).toMatch(/published one/);
    // A week with only a draft.
    const next = schedulesOfWeek(weeks, '2026-12-07');
    expect(publishedToCompare(shownSchedule(null, next), next)).toEqual({
      published: null,
      reason: 'This week has no published schedule to compare with',
    });
    // Another week's published schedule is never the one compared with.
    expect(publishedToCompare(weeks[2]!, weeks).published).toBeNull();
    expect(publishedToCompare(null, ofWeek).published).toBeNull();
  });
});
