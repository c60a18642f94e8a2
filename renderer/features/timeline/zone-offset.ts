/**
 * A zone's UTC offset at an instant, and the local wall-clock fields it gives, without building a
 * luxon DateTime. luxon asks Intl.DateTimeFormat.formatToParts for every DateTime in a named zone;
 * a scroll frame asks for hundreds of labels, and that call alone took ~40 % of the scroll in a
 * profile. Offsets change only on quarter hours (every zone in the IANA database since 1970), so one
 * answer per zone and quarter hour is exact; luxon still computes each one once.
 */
import { DateTime } from 'luxon';

const quarterMs = 15 * 60_000;
const offsets = new Map<string, number>();

/** Minutes east of UTC in `zone` at `ms` (luxon's `offset`), remembered per zone and quarter hour. */
export function offsetMinutes(zone: string, ms: number): number {
  const key = `${zone}|${Math.floor(ms / quarterMs)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    // A few weeks in a few zones: bounded, cleared whole when it grows past that.
    if (offsets.size > 50_000) offsets.clear();
    offset = DateTime.fromMillis(ms, { zone }).offset;
    offsets.set(key, offset);
  }
  return offset;
}

export interface WallClock {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 1 = Monday … 7 = Sunday, as luxon's `weekday`. */
  weekday: number;
  /** Minutes east of UTC. */
  offset: number;
}

/** The wall clock in `zone` at `ms`: the instant shifted by the offset, read with UTC getters. */
export function wallClock(ms: number, zone: string): WallClock {
  const offset = offsetMinutes(zone, ms);
  const d = new Date(ms + offset * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    offset,
  };
}

/** The local calendar day at `ms` in `zone`, as a number that orders and compares (yyyymmdd). */
export function localDayNumber(ms: number, zone: string): number {
  const c = wallClock(ms, zone);
  return c.year * 10_000 + c.month * 100 + c.day;
}
