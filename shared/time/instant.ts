/**
 * Strict parsing of the input's dates and instants, by hand: a BU's week
 * holds a million activity starts, `Date.parse` is several times slower,
 * and it would read an instant without an offset in the host's zone.
 */

export const minuteMs = 60_000;
export const dayMs = 86_400_000;

const zero = 48;

/** Parses `n` ASCII digits at `at`, or -1 when any is not a digit. */
function digits(text: string, at: number, n: number): number {
  let value = 0;
  for (let i = at; i < at + n; i++) {
    const d = text.charCodeAt(i) - zero;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
export function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** yyyy-MM-dd of an epoch day. */
export function isoDate(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(year: number, month: number, day: number): boolean {
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  if (day <= (monthDays[month - 1] as number)) return true;
  return month === 2 && day === 29 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
}

/** The date part of an ISO string at its start, as an epoch day, or null. */
function datePart(text: string): number | null {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  return validDate(year, month, day) ? epochDay(year, month, day) : null;
}

/** A `yyyy-MM-dd` date as an epoch day, or null when it is not a real date. */
export function parseDate(text: unknown): number | null {
  return typeof text === 'string' && text.length === 10 ? datePart(text) : null;
}

/**
 * An ISO 8601 instant as epoch ms, or null. An offset (`Z` or `±HH:mm`) is
 * required: a timestamp without one is exactly the naive-time bug we hunt,
 * and `Date.parse` would silently read it in the host's zone. Hand-rolled
 * because a million activity starts go through it: several times faster
 * than `Date.parse`, and no allocation.
 */
export function parseInstant(text: unknown): number | null {
  if (typeof text !== 'string' || text.length < 17) return null;
  const day = datePart(text);
  const sep = text.charCodeAt(10);
  if (day === null || (sep !== 84 && sep !== 116) || text.charCodeAt(13) !== 58) return null;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  let at = 16;
  let second = 0;
  let ms = 0;
  if (text.charCodeAt(at) === 58) {
    second = digits(text, at + 1, 2);
    at += 3;
    const mark = text.charCodeAt(at);
    if (mark === 46 || mark === 44) {
      // Fractions past milliseconds are read and dropped.
      let scale = 100;
      const from = ++at;
      for (let d = text.charCodeAt(at) - zero; d >= 0 && d <= 9; d = text.charCodeAt(++at) - zero) {
        ms += d * scale;
        scale /= 10;
      }
      if (at === from) return null;
      ms = Math.floor(ms);
    }
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  const offset =
    at === text.length - 1 && (text.charCodeAt(at) === 90 || text.charCodeAt(at) === 122) ? 0 : parseOffset(text, at);
  if (offset === null) return null;
  return day * dayMs + ((hour * 60 + minute - offset) * 60 + second) * 1000 + ms;
}

/** `Z`, `±HH:mm` or `±HHmm` ending the string, in minutes east of UTC. */
function parseOffset(text: string, at: number): number | null {
  const rest = text.length - at;
  if (rest === 1 && (text[at] === 'Z' || text[at] === 'z')) return 0;
  const sign = text[at] === '+' ? 1 : text[at] === '-' ? -1 : 0;
  if (sign === 0 || (rest !== 6 && rest !== 5) || (rest === 6 && text[at + 3] !== ':')) return null;
  const hours = digits(text, at + 1, 2);
  const minutes = digits(text, at + (rest === 6 ? 4 : 3), 2);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/**
 * parseInstant with a memo, for one analysis run. A BU's activities start
 * on a few thousand distinct instants (quarter hours of six weeks), so a
 * million starts cost a million map hits instead of a million parses.
 */
export class InstantReader {
  private readonly seen = new Map<string, number | null>();

  read(text: unknown): number | null {
    if (typeof text !== 'string') return null;
    let ms = this.seen.get(text);
    if (ms === undefined) {
      ms = parseInstant(text);
      this.seen.set(text, ms);
    }
    return ms;
  }
}

export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** Distinct instants `instantMs` remembers before it starts afresh (a week's quarter hours are 672). */
const memoLimit = 20_000;
let memo = new Map<string, number>();

/**
 * An ISO instant as epoch ms, for the edit paths that compare and count the same few thousand instants of a
 * week over and over (a bulk edit reads ~150,000): parsed once each, by `parseInstant`. A text it refuses is
 * read by `Date.parse`, as before, so nothing that parsed there reads differently here.
 */
export function instantMs(text: string): number {
  let ms = memo.get(text);
  if (ms === undefined) {
    ms = parseInstant(text) ?? Date.parse(text);
    if (memo.size >= memoLimit) memo = new Map();
    memo.set(text, ms);
  }
  return ms;
}
