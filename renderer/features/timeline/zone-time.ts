/**
 * Time in words for the Timeline: which zone the supervisor reads in, the week's span, clock and day
 * labels with the zone's abbreviation, and the zone's DST changes. Pure (luxon only), so the labels
 * across the March and November changes are tested without a browser.
 */
import { DateTime } from 'luxon';
import { localDayNumber, offsetMinutes, wallClock } from './zone-offset';

export type ZoneMode = 'bu' | 'mine' | 'utc';
export const hourMs = 3_600_000;
export const minuteMs = 60_000;

/** The IANA zone the axis and every label use. */
export function zoneFor(mode: ZoneMode, buZone: string, myZone: string): string {
  return mode === 'bu' ? buZone : mode === 'mine' ? myZone : 'UTC';
}

/** The zone this computer is set to (the supervisor's own). */
export const localZone = (): string => DateTime.local().zoneName ?? 'UTC';

/** A BU week is seven BU-local days from its first day's midnight: 167 or 169 hours across a DST change. */
export function weekSpan(weekDate: string, buZone: string): { from: number; to: number } {
  const start = DateTime.fromISO(weekDate, { zone: buZone }).startOf('day');
  return { from: start.toMillis(), to: start.plus({ days: 7 }).toMillis() };
}

/**
 * "CST", "CDT", "UTC", "CET": US English names North American zones, British English European ones;
 * where neither has a name the offset stands in ("GMT+5:30"), which still says which clock it is.
 */
export function zoneAbbrev(ms: number, zone: string): string {
  // Every visible cell asks, and luxon formats through Intl each time: the name follows the zone's offset
  // (CST at -6 h, CDT at -5 h), so one answer per zone, offset and year serves a whole week of bars.
  const offset = offsetMinutes(zone, ms);
  // Years of 365.2425 days from 1970, near enough to tell one year's names from another's (no Date made).
  const year = Math.floor(ms / 31_556_952_000);
  return remembered(abbrevs, zone, year * 10_000 + offset, () => computeAbbrev(ms, zone));
}

type LabelCache = Map<string, Map<number, string>>;
const abbrevs: LabelCache = new Map();
const clocks: LabelCache = new Map();
const days: LabelCache = new Map();

/**
 * A bounded memo by zone, then a number (a minute, an offset): no key string is built per lookup, as a
 * scroll frame makes hundreds. A zone's labels are cleared whole when they grow past a few weeks' worth.
 */
function remembered(cache: LabelCache, zone: string, key: number, make: () => string): string {
  let byKey = cache.get(zone);
  if (!byKey) cache.set(zone, (byKey = new Map()));
  let value = byKey.get(key);
  if (value === undefined) {
    if (byKey.size > 20_000) byKey.clear();
    value = make();
    byKey.set(key, value);
  }
  return value;
}

function computeAbbrev(ms: number, zone: string): string {
  const at = DateTime.fromMillis(ms, { zone });
  const us = at.setLocale('en-US').toFormat('ZZZZ');
  if (!/^GMT[+-]/.test(us)) return us;
  const gb = at.setLocale('en-GB').toFormat('ZZZZ');
  return /^GMT[+-]/.test(gb) ? us : gb;
}

const two = (n: number) => String(n).padStart(2, '0');
const weekdays = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const months = ['', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const clockLabel = (ms: number, zone: string): string =>
  remembered(clocks, zone, Math.floor(ms / minuteMs), () => {
    const c = wallClock(ms, zone);
    return `${two(c.hour)}:${two(c.minute)}`;
  });

/** "Tue 8 Dec" (British English, as luxon's `ccc d LLL` in en-GB). */
export const dayLabel = (ms: number, zone: string): string =>
  remembered(days, zone, Math.floor(ms / minuteMs), () => {
    const c = wallClock(ms, zone);
    return `${weekdays[c.weekday]} ${c.day} ${months[c.month]}`;
  });

/** "8 h 30", "8 h", "45 min". */
export function durationWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

/**
 * "Tue 8 Dec 08:00–16:30 CST": the day is repeated only when the span ends on another day, and each
 * end carries its own abbreviation when DST changes inside it (01:00 CDT–05:00 CST).
 */
export function spanWords(startMs: number, endMs: number, zone: string): string {
  const a = zoneAbbrev(startMs, zone);
  const b = zoneAbbrev(endMs, zone);
  const sameDay = localDayNumber(startMs, zone) === localDayNumber(endMs - 1, zone);
  const end = `${sameDay ? '' : `${dayLabel(endMs, zone)} `}${clockLabel(endMs, zone)}`;
  return a === b
    ? `${dayLabel(startMs, zone)} ${clockLabel(startMs, zone)}–${end} ${a}`
    : `${dayLabel(startMs, zone)} ${clockLabel(startMs, zone)} ${a}–${end} ${b}`;
}

/** What a shift's title says: "Tue 8 Dec 08:00–16:30 CST, 8 h 30, 3 activities". */
export function shiftWords(startMs: number, endMs: number, zone: string, activityCount: number): string {
  const acts = activityCount === 1 ? '1 activity' : `${activityCount} activities`;
  return `${spanWords(startMs, endMs, zone)}, ${durationWords((endMs - startMs) / minuteMs)}, ${acts}`;
}

export interface AxisTick {
  ms: number;
  /** "08:00"; "01:00 CST" where the offset just changed, so the repeated hour is told apart. */
  label: string;
  /** Local midnight: the day's name goes above it. */
  day: string | null;
}

/** Hour steps the axis may use; the smallest that leaves room for a label wins. */
const steps = [1, 2, 3, 6, 12, 24];

export function tickStepHours(pxPerHour: number, minGapPx = 52): number {
  return steps.find((s) => s * pxPerHour >= minGapPx) ?? 24;
}

/**
 * Ticks on the local hours of `zone` that are multiples of `stepHours`, walking real hours so a
 * 23- or 25-hour day has 23 or 25 hours on the axis (02:00 never appears on 8 March in Chicago,
 * 01:00 appears twice on 1 November).
 */
export function axisTicks(from: number, to: number, zone: string, stepHours: number): AxisTick[] {
  const ticks: AxisTick[] = [];
  let prevOffset: number | null = null;
  const firstHour = from - wallClock(from, zone).minute * minuteMs - (from % minuteMs);
  for (let t = firstHour; t < to; t += hourMs) {
    const local = wallClock(t, zone);
    const changed = prevOffset !== null && local.offset !== prevOffset;
    prevOffset = local.offset;
    if (t < from || local.minute !== 0 || (local.hour % stepHours !== 0 && !changed)) continue;
    const clock = clockLabel(t, zone);
    ticks.push({
      ms: t,
      label: changed ? `${clock} ${zoneAbbrev(t, zone)}` : clock,
      day: local.hour === 0 || ticks.length === 0 ? dayLabel(t, zone) : null,
    });
  }
  return ticks;
}

export interface ZoneChange {
  ms: number;
  /** "Clocks go back: 02:00 CDT → 01:00 CST". */
  label: string;
}

/** The instants in [from, to) where `zone`'s offset changes (DST), to the minute. */
export function zoneChanges(from: number, to: number, zone: string): ZoneChange[] {
  const offsetAt = (ms: number) => offsetMinutes(zone, ms);
  const changes: ZoneChange[] = [];
  for (let t = from; t < to; t += hourMs) {
    const end = Math.min(t + hourMs, to);
    if (offsetAt(t) === offsetAt(end)) continue;
    let lo = t;
    let hi = end;
    while (hi - lo > minuteMs) {
      const mid = Math.floor((lo + hi) / 2 / minuteMs) * minuteMs;
      if (mid <= lo) break;
      if (offsetAt(mid) === offsetAt(lo)) lo = mid;
      else hi = mid;
    }
    const back = offsetAt(hi) < offsetAt(lo);
    const before = `${DateTime.fromMillis(hi, { zone: `UTC${fmtOffset(offsetAt(lo))}` }).toFormat('HH:mm')} ${zoneAbbrev(lo, zone)}`;
    const after = `${clockLabel(hi, zone)} ${zoneAbbrev(hi, zone)}`;
    changes.push({ ms: hi, label: `Clocks go ${back ? 'back' : 'forward'}: ${before} → ${after}` });
  }
  return changes;
}

function fmtOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

/** "America/Chicago (CST)", or "America/Chicago (CDT, then CST)" for a week with a change. */
export function zoneCaption(from: number, to: number, zone: string): string {
  const first = zoneAbbrev(from, zone);
  const last = zoneAbbrev(to - 1, zone);
  const name = zone === 'UTC' ? 'UTC' : zone;
  if (name === first) return name;
  return first === last ? `${name} (${first})` : `${name} (${first}, then ${last})`;
}
