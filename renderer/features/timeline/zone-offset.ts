/**
 * A zone's UTC offset at an instant, and the local wall-clock fields it gives, without building a
 * luxon DateTime. luxon asks Intl.DateTimeFormat.formatToParts for every DateTime in a named zone;
 * a scroll frame asks for hundreds of labels, and that call alone took ~40 % of the scroll in a
 * profile. Offsets change only on quarter hours (every zone in the IANA database since 1970) and at
 * most once a day, so each UTC day of a zone is read at its two ends: equal, the day has one offset;
 * different, the change is found to the quarter hour by halving (about seven more reads). A week costs
 * luxon some ten calls instead of one per quarter hour the screen shows.
 */
import { DateTime } from 'luxon';

const quarterMs = 15 * 60_000;
const dayMs = 24 * 3_600_000;

interface ZoneDay {
  before: number;
  after: number;
  /** The first instant with the `after` offset; Infinity when the day has one offset. */
  changeAt: number;
}

const days = new Map<string, ZoneDay>();
const luxonOffset = (zone: string, ms: number): number => DateTime.fromMillis(ms, { zone }).offset;

function zoneDay(zone: string, day: number): ZoneDay {
  const key = `${zone}|${day}`;
  let d = days.get(key);
  if (d) return d;
  // A few weeks in a few zones: bounded, cleared whole when it grows past that.
  if (days.size > 20_000) days.clear();
  let lo = day * dayMs;
  let hi = lo + dayMs;
  const before = luxonOffset(zone, lo);
  const after = luxonOffset(zone, hi);
  if (before === after) d = { before, after, changeAt: Infinity };
  else {
    // Invariant: lo has `before`, hi has `after`; both on quarter hours.
    while (hi - lo > quarterMs) {
      const mid = lo + Math.floor((hi - lo) / quarterMs / 2) * quarterMs;
      if (luxonOffset(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    d = { before, after, changeAt: hi };
  }
  days.set(key, d);
  return d;
}

/** Minutes east of UTC in `zone` at `ms` (luxon's `offset`). */
export function offsetMinutes(zone: string, ms: number): number {
  const d = zoneDay(zone, Math.floor(ms / dayMs));
  return ms >= d.changeAt ? d.after : d.before;
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
