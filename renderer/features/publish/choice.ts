/**
 * Which week, schedule and publish the Publish screen shows, derived on every render from the
 * supervisor's picks and what main has, never written back (as the Timeline's schedule-choice does).
 * The default schedule is the draft about to be published (drafts first, newest first); the publish
 * shown is the one picked, else the week's running one, else its latest. Pure.
 */
import type { PublishSummary } from '../../../shared/contract/publish';
import type { WeekSummary } from '../../../shared/mirror';

export interface PublishSubject {
  profileId: string;
  businessUnitId: string;
  week: string;
  scheduleId: string;
}

/** The publish to show: the picked one if it is of this unit; else this schedule's running one, else its newest. */
export function shownPublish(
  list: readonly PublishSummary[],
  subject: PublishSubject | null,
  pickedJobId: string | null,
): PublishSummary | null {
  const picked = pickedJobId ? list.find((p) => p.jobId === pickedJobId) : undefined;
  if (picked && (!subject || picked.businessUnitId === subject.businessUnitId)) return picked;
  if (!subject) return null;
  const mine = list
    .filter((p) => p.week === subject.week && p.scheduleId === subject.scheduleId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return mine.find((p) => p.running) ?? mine[0] ?? null;
}

/** Ended for good: nothing left to decide, retry or release (a new publish of the schedule may start). */
export const publishEnded = (p: Pick<PublishSummary, 'phase' | 'cancelled'>): boolean =>
  p.cancelled || p.phase === 'done';

/** What the schedule shown is, in words: a new week's draft, a revision over what agents see now, or the published week. */
export function scheduleKind(schedule: WeekSummary, ofWeek: readonly WeekSummary[]): string {
  if (schedule.published) return 'The published schedule (edits go to what agents see now)';
  const over = ofWeek.some((w) => w.published && w.scheduleId !== schedule.scheduleId);
  return over ? 'A revision over the week agents see now' : "A new week's draft (agents see nothing yet)";
}

/**
 * Why nothing can be published, or null: a published schedule with no pending edits has nothing to
 * send (a draft always has: publishing it is the change).
 */
export function nothingToPublish(schedule: WeekSummary, pendingEdits: number | null): string | null {
  if (schedule.published && pendingEdits === 0)
    return 'This schedule is already published and has no pending edits: nothing to publish.';
  return null;
}
