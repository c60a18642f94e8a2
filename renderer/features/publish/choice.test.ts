import { describe, expect, it } from 'vitest';
import type { WeekSummary } from '../../../shared/mirror';
import { nothingToPublish, publishEnded, scheduleKind, shownPublish, type PublishSubject } from './choice';
import { summary } from './test-fixtures';

const subject: PublishSubject = { profileId: 'p', businessUnitId: 'bu', week: '2026-11-23', scheduleId: 's1' };

function week(scheduleId: string, published: boolean): WeekSummary {
  return {
    weekDate: '2026-11-23',
    scheduleId,
    description: '',
    published,
    version: 1,
    weekCount: 1,
    agentCount: 10,
    asOf: '2026-11-23T05:00:00Z',
  };
}

describe('which publish the screen shows', () => {
  const old = summary('old', { createdAt: '2026-11-23T05:00:00Z', phase: 'done' });
  const newer = summary('newer', { createdAt: '2026-11-23T06:00:00Z', phase: 'failed' });
  const running = summary('run', { createdAt: '2026-11-23T05:30:00Z', running: true });
  const otherWeek = summary('ow', { week: '2026-11-30', createdAt: '2026-11-23T07:00:00Z', running: true });

  it("shows this schedule's running publish first, else its newest", () => {
    expect(shownPublish([old, newer, running, otherWeek], subject, null)?.jobId).toBe('run');
    expect(shownPublish([old, newer, otherWeek], subject, null)?.jobId).toBe('newer');
    expect(shownPublish([otherWeek], subject, null)).toBeNull();
  });

  it('shows a publish picked from the list, but not one of another unit', () => {
    expect(shownPublish([old, running], subject, 'old')?.jobId).toBe('old');
    const elsewhere = summary('x', { businessUnitId: 'other' });
    expect(shownPublish([elsewhere, running], subject, 'x')?.jobId).toBe('run');
  });

  it('treats done and cancelled as ended; failed and held can still be retried or released', () => {
    expect(publishEnded({ phase: 'done', cancelled: false })).toBe(true);
    expect(publishEnded({ phase: 'held', cancelled: true })).toBe(true);
    expect(publishEnded({ phase: 'failed', cancelled: false })).toBe(false);
    expect(publishEnded({ phase: 'held', cancelled: false })).toBe(false);
  });
});

describe('what the schedule is', () => {
  it('tells a revision over what agents see from a new week and from the published one', () => {
    expect(scheduleKind(week('d', false), [week('d', false), week('p', true)])).toMatch(/revision/);
    expect(scheduleKind(week('d', false), [week('d', false)])).toMatch(/new week/);
    expect(scheduleKind(week('p', true), [week('p', true)])).toMatch(/published schedule/);
  });

  it('has nothing to publish only for a published schedule without pending edits', () => {
    expect(nothingToPublish(week('p', true), 0)).toMatch(/nothing to publish/);
    expect(nothingToPublish(week('p', true), 2)).toBeNull();
    expect(nothingToPublish(week('p', true), null)).toBeNull();
    expect(nothingToPublish(week('d', false), 0)).toBeNull();
  });
});
