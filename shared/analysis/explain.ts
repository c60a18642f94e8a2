/**
 * Wording: times as the supervisor reads them on the BU's wall clock, with
 * the zone abbreviation (CDT, CST) so a DST week is never ambiguous. Locale
 * is fixed: the same data must give the same text.
 */
import { DateTime } from 'luxon';
import { ZoneClock } from '../time/zone-clock';

const locale = 'en-US';

function local(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone, locale });
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * The wall clock as a Date read with UTC getters: the zone's memoised clock shifts the instant by its
 * offset. A bulk edit words thousands of findings, and a luxon DateTime per label was most of its time.
 * A zone luxon does not know falls back to luxon (which says "Invalid DateTime", as before).
 */
function wall(ms: number, zone: string): Date | null {
  const clock = ZoneClock.of(zone);
  return clock ? new Date(clock.localMs(ms)) : null;
}

/** "Mon 9 Mar" */
export function dayLabel(ms: number, zone: string): string {
  const d = wall(ms, zone);
  if (!d) return local(ms, zone).toFormat('ccc d LLL');
  return `${weekdays[d.getUTCDay()]} ${d.getUTCDate()} ${months[d.getUTCMonth()]}`;
}

/** "Mon 9 Mar 2026", for dates that may sit in another year. */
export function dateLabel(ms: number, zone: string): string {
  const d = wall(ms, zone);
  if (!d) return local(ms, zone).toFormat('ccc d LLL yyyy');
  return `${dayLabel(ms, zone)} ${d.getUTCFullYear()}`;
}

/** "07:00" */
export function timeLabel(ms: number, zone: string): string {
  const d = wall(ms, zone);
  if (!d) return local(ms, zone).toFormat('HH:mm');
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** Abbreviations by zone and offset: luxon builds a new Intl formatter for each, at a tenth of a millisecond apiece. */
const abbreviations = new Map<string, string>();

/** "CDT", or "GMT+1" where the locale has no abbreviation. */
export function zoneLabel(ms: number, zone: string): string {
  const clock = ZoneClock.of(zone);
  const offset = clock ? clock.offsetMinutes(ms) : local(ms, zone).offset;
  const key = `${zone} ${offset}`;
  let label = abbreviations.get(key);
  if (label === undefined) {
    label = local(ms, zone).toFormat('ZZZZ');
    if (abbreviations.size > 1000) abbreviations.clear();
    abbreviations.set(key, label);
  }
  return label;
}

/** "07:00 CDT" */
export function clockLabel(ms: number, zone: string): string {
  return `${timeLabel(ms, zone)} ${zoneLabel(ms, zone)}`;
}

/** "Mon 9 Mar 07:00 CDT" */
export function momentLabel(ms: number, zone: string): string {
  return `${dayLabel(ms, zone)} ${clockLabel(ms, zone)}`;
}

/** "06:00–14:30", naming the zone at each end only when a DST change falls in between. */
export function spanTimes(startMs: number, endMs: number, zone: string): string {
  const a = zoneLabel(startMs, zone);
  const b = zoneLabel(endMs, zone);
  if (a === b) return `${timeLabel(startMs, zone)}–${timeLabel(endMs, zone)}`;
  return `${timeLabel(startMs, zone)} ${a}–${timeLabel(endMs, zone)} ${b}`;
}

/** "07:00–08:30 CDT" or "22:00 CDT–06:30 CST". */
export function spanLabel(startMs: number, endMs: number, zone: string): string {
  const a = zoneLabel(startMs, zone);
  return a === zoneLabel(endMs, zone) ? `${spanTimes(startMs, endMs, zone)} ${a}` : spanTimes(startMs, endMs, zone);
}

/** "Mon 9 Mar 06:00–14:30 CDT" */
export function shiftLabel(startMs: number, endMs: number, zone: string): string {
  return `${dayLabel(startMs, zone)} ${spanLabel(startMs, endMs, zone)}`;
}

/** "8 h 30 min", "45 min", "2 h" */
export function minutesLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const m = Math.abs(Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${sign}${rest} min`;
  return rest === 0 ? `${sign}${h} h` : `${sign}${h} h ${rest} min`;
}

/** "in 45 min", "in 5 h 30 min", "in 7 days": how far off something is. */
export function untilLabel(minutes: number): string {
  return minutes < 48 * 60 ? `in ${minutesLabel(minutes)}` : `in ${Math.round(minutes / 1440)} days`;
}

/** "02:00 CDT became 01:00 CST": a DST change as the wall clock shows it. */
export function changeLabel(changeMs: number, offsetBefore: number, zone: string): string {
  const before = minuteOfDayLabel(Math.floor((changeMs / 60_000 + offsetBefore) % 1440));
  return `${before} ${zoneLabel(changeMs - 1, zone)} became ${clockLabel(changeMs, zone)}`;
}

/** "UTC−6" for an offset in minutes east of UTC. */
export function offsetLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '−' : '+';
  const m = Math.abs(offsetMinutes);
  return `UTC${sign}${Math.floor(m / 60)}${m % 60 ? `:${String(m % 60).padStart(2, '0')}` : ''}`;
}

/** "07:00" for a minute of the day. */
export function minuteOfDayLabel(minute: number): string {
  const m = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Shortens an id for text ("shift 1a2b3c4d"); the full id is in the evidence. */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}
