/**
 * Which week and which schedule the Timeline shows. One schedule at a time: a week may hold a
 * published schedule and a draft revision beside it, and on publish morning the supervisor checks
 * the draft about to go live, so the draft is the default. Like the Schedules screen's selection,
 * derived on every render from the pick and the mirrored weeks, never written back. Pure.
 */
import { DateTime } from 'luxon';
import type { WeekSummary } from '../../../shared/mirror';

export function weekDatesOf(weeks: readonly WeekSummary[]): string[] {
  return [...new Set(weeks.map((w) => w.weekDate))].sort();
}

/** The picked week if still mirrored; else the one holding today (BU-local); else the latest before it; else the first. */
export function shownTimelineWeek(
  picked: string | null,
  weeks: readonly WeekSummary[],
  buZone: string,
  nowMs: number,
): string | null {
  const dates = weekDatesOf(weeks);
  if (picked && dates.includes(picked)) return picked;
  const today = DateTime.fromMillis(nowMs, { zone: buZone }).toISODate() ?? '';
  const holding = dates.filter((d) => d <= today);
  const current = holding[holding.length - 1];
  if (current && DateTime.fromISO(current).plus({ days: 7 }).toISODate()! > today) return current;
  return dates.find((d) => d > today) ?? current ?? null;
}

/** A week's schedules, drafts first (newest first), then the published one. */
export function schedulesOfWeek(weeks: readonly WeekSummary[], week: string | null): WeekSummary[] {
  return weeks
    .filter((w) => w.weekDate === week)
    .sort((a, b) => Number(a.published) - Number(b.published) || b.asOf.localeCompare(a.asOf));
}

export function shownSchedule(picked: string | null, ofWeek: readonly WeekSummary[]): WeekSummary | null {
  return ofWeek.find((w) => w.scheduleId === picked) ?? ofWeek[0] ?? null;
}

/** "Draft (revised) · v3 · 500 agents": the week is already in the week picker, so its name is not repeated. */
export function scheduleLabel(w: WeekSummary): string {
  const name = w.description.replace(/^Week of \d{4}-\d{2}-\d{2}\s*/, '').trim();
  return `${w.published ? 'Published' : 'Draft'}${name ? ` ${name}` : ''} · v${w.version} · ${w.agentCount} agents`;
}

/**
 * The published schedule of the shown schedule's week, to compare a draft with ("what agents see
 * now"): null with the reason when there is none, or when the shown schedule is itself the published one.
 */
export function publishedToCompare(
  shown: WeekSummary | null,
  ofWeek: readonly WeekSummary[],
): { published: WeekSummary; reason: null } | { published: null; reason: string } {
  if (!shown) return { published: null, reason: 'No schedule shown' };
  if (shown.published) return { published: null, reason: 'The schedule shown is the published one' };
  const published = ofWeek
    .filter((w) => w.published && w.weekDate === shown.weekDate && w.scheduleId !== shown.scheduleId)
    .sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
  return published
    ? { published, reason: null }
    : { published: null, reason: 'This week has no published schedule to compare with' };
}
