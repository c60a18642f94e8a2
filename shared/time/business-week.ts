/**
 * What a "week" is everywhere a method or command takes one: a real date in
 * yyyy-MM-dd form that is the first day of a week of that business unit
 * (its `startDayOfWeek`). A week that is none of these must be refused, not
 * analysed as empty: a pipeline gate would pass a week nobody checked.
 */
import { DateTime } from 'luxon';

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** True for a yyyy-MM-dd string that names a day of the calendar (not 2025-02-30). */
export function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

/** Why `week` is not a week of a unit starting on `startDayOfWeek`, with the nearest week to use instead; null when it is. */
export function weekProblem(week: string, startDayOfWeek: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(week)) return `"${week}" is not a week: give its first day as yyyy-MM-dd.`;
  const day = DateTime.fromISO(week, { zone: 'UTC' });
  if (!day.isValid) return `${week} is not a date on the calendar.`;
  const start = weekdays.findIndex((d) => d.toLowerCase() === startDayOfWeek.toLowerCase()) + 1 || 1;
  if (day.weekday === start) return null;
  const first = day.minus({ days: (day.weekday - start + 7) % 7 }).toISODate();
  return `${week} is a ${weekdays[day.weekday - 1]}, but weeks of this business unit start on ${weekdays[start - 1]}: use ${first} for that week.`;
}
