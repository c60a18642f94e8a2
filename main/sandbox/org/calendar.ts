/**
 * Calendar math for the generator: BU weeks, wall clock → UTC, and DST
 * transitions. All zone work goes through luxon; results are epoch ms or
 * `yyyy-MM-dd` strings.
 */
import { DateTime, IANAZone } from 'luxon';

export const minuteMs = 60_000;
export const dayMs = 86_400_000;

/** A date plus whole days, on the calendar (no zone involved). */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;
}

/** Monday of the BU week holding `instant`, in the BU zone (startDayOfWeek Monday). */
export function weekDateOf(instant: Date, zone: string): string {
  const local = DateTime.fromJSDate(instant, { zone });
  return local.minus({ days: local.weekday - 1 }).toISODate() ?? '';
}

const wallClockCache = new Map<string, number>();

/**
 * The instant of a wall-clock time in a zone. Memoised: thousands of agents
 * share a few dozen (date, start time) pairs, and luxon is the slow part.
 */
export function wallClockMs(zone: string, date: string, minuteOfDay: number): number {
  const key = `${zone} ${date} ${minuteOfDay}`;
  let ms = wallClockCache.get(key);
  if (ms === undefined) {
    const [year, month, day] = date.split('-').map(Number);
    ms = DateTime.fromObject(
      { year, month, day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
      { zone },
    ).toMillis();
    wallClockCache.set(key, ms);
  }
  return ms;
}

/** Minutes east of UTC (Chicago winter: -360). */
export function offsetMinutes(zone: string, ms: number): number {
  return IANAZone.create(zone).offset(ms);
}

const isoCache = new Map<number, string>();

/** UTC ISO with milliseconds. Memoised: a week's shifts reuse a few thousand instants, 5,000 agents over. */
export function isoInstant(ms: number): string {
  let iso = isoCache.get(ms);
  if (iso === undefined) {
    iso = new Date(ms).toISOString();
    if (isoCache.size > 200_000) isoCache.clear();
    isoCache.set(ms, iso);
  }
  return iso;
}

/** The first minute at which the zone's offset differs from its offset at `fromMs` (fromMs < toMs, one change between). */
function bisectTransition(zone: string, fromMs: number, toMs: number): number {
  const before = offsetMinutes(zone, fromMs);
  let lo = fromMs;
  let hi = toMs;
  while (hi - lo > minuteMs) {
    const mid = lo + Math.floor((hi - lo) / 2 / minuteMs) * minuteMs;
    if (offsetMinutes(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Every offset change in [fromMs, toMs]. Daily steps suffice: zones change at most twice a year. */
export function transitionsBetween(zone: string, fromMs: number, toMs: number): number[] {
  const found: number[] = [];
  for (let t = fromMs; t < toMs; t += dayMs) {
    const next = Math.min(t + dayMs, toMs);
    if (offsetMinutes(zone, t) !== offsetMinutes(zone, next)) found.push(bisectTransition(zone, t, next));
  }
  return found;
}

/** The DST transition nearest to `nowMs` (past or future) within ~13 months, or null for zones without DST. */
export function nearestTransition(zone: string, nowMs: number): number | null {
  const horizon = 400 * dayMs;
  const past = transitionsBetween(zone, nowMs - horizon, nowMs);
  const future = transitionsBetween(zone, nowMs, nowMs + horizon);
  const candidates = [past[past.length - 1], future[0]].filter((t): t is number => t !== undefined);
  if (candidates.length === 0) return null;
  return candidates.reduce((best, t) => (Math.abs(t - nowMs) < Math.abs(best - nowMs) ? t : best));
}

export interface ScheduleWindow {
  weekDates: string[];
  currentWeekDate: string;
  /** The Monday of the week holding the nearest DST transition, when the window holds it. */
  dstWeekDate: string | null;
  /** The nearest DST change itself, when its week is in the window. */
  transitionMs: number | null;
}

/**
 * Which weeks exist: normally three back and two ahead, always the current
 * and the next week, shifted (within those bounds) to take in the nearest
 * DST change because that week is where timezone bugs surface.
 */
export function scheduleWindow(now: Date, zone: string, weeks: number): ScheduleWindow {
  const current = weekDateOf(now, zone);
  const weeksBack = (start: string) =>
    Math.round(DateTime.fromISO(current).diff(DateTime.fromISO(start), 'weeks').weeks);
  const earliest = -Math.max(0, weeks - 2);
  const clamp = (n: number) => Math.min(0, Math.max(earliest, n));
  let startOffset = clamp(-(weeks - 3));

  const transition = nearestTransition(zone, now.getTime());
  let dstWeekDate: string | null = null;
  if (transition !== null) {
    const dstWeek = -weeksBack(weekDateOf(new Date(transition), zone));
    const fits = (start: number) => dstWeek >= start && dstWeek <= start + weeks - 1;
    if (!fits(startOffset)) {
      const shifted = clamp(dstWeek < startOffset ? dstWeek : dstWeek - (weeks - 1));
      if (fits(shifted)) startOffset = shifted;
    }
    if (fits(startOffset)) dstWeekDate = addDays(current, dstWeek * 7);
  }
  const weekDates = Array.from({ length: weeks }, (_, i) => addDays(current, (startOffset + i) * 7));
  return { weekDates, currentWeekDate: current, dstWeekDate, transitionMs: dstWeekDate === null ? null : transition };
}
