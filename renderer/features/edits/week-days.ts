import { DateTime } from 'luxon';

/** The seven BU-local days of a week, as the bulk dialog offers them: value yyyy-MM-dd, label "Wed 2 Dec". */
export function weekDays(weekDate: string): Array<{ date: string; label: string }> {
  const first = DateTime.fromISO(weekDate, { zone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => {
    const d = first.plus({ days: i });
    return { date: d.toISODate()!, label: d.toFormat('ccc d LLL') };
  });
}
