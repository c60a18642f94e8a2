/**
 * Which weeks a sync covers by default: the current week and the next two,
 * as the business unit counts weeks – in its own zone, from its own start
 * day. A laptop in another zone (or the UTC date) would pick the wrong week
 * around midnight and on the start day itself.
 */
import { DateTime } from 'luxon';

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The first day (yyyy-MM-dd) of the BU week holding `instant`. */
export function businessUnitWeekOf(instant: Date, timeZone: string, startDayOfWeek: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  const start = weekdays.findIndex((d) => d.toLowerCase() === startDayOfWeek.toLowerCase()) + 1 || 1;
  return local.minus({ days: (local.weekday - start + 7) % 7 }).toISODate()!;
}

export function defaultWeeks(now: Date, timeZone: string, startDayOfWeek: string, count = 3): string[] {
  const first = DateTime.fromISO(businessUnitWeekOf(now, timeZone, startDayOfWeek), { zone: 'UTC' });
  return Array.from({ length: count }, (_, i) => first.plus({ weeks: i }).toISODate()!);
}

/** A calendar date plus days (no zone: dates are labels here, not instants). */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}
