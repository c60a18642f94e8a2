/**
 * Shifts and activities in the supervisor's words, on the BU clock with the
 * zone abbreviation (as the findings say them). The analysis's wording, with
 * a memo: a bulk edit on an MU says the same few times hundreds of times
 * (every agent's 14:00 break), and luxon takes tens of microseconds a time.
 */
import * as explain from '../analysis/explain';

export { minutesLabel } from '../analysis/explain';

const memo = new Map<string, string>();

function remembered(key: string, make: () => string): string {
  let text = memo.get(key);
  if (text === undefined) {
    text = make();
    if (memo.size > 5000) memo.clear();
    memo.set(key, text);
  }
  return text;
}

/** "Tue 8 Dec" */
export const dayLabel = (ms: number, zone: string) => remembered(`d ${ms} ${zone}`, () => explain.dayLabel(ms, zone));
/** "08:00–16:30" */
export const spanTimes = (from: number, to: number, zone: string) =>
  remembered(`t ${from} ${to} ${zone}`, () => explain.spanTimes(from, to, zone));
/** "08:00–16:30 CST" */
export const spanLabel = (from: number, to: number, zone: string) =>
  remembered(`l ${from} ${to} ${zone}`, () => explain.spanLabel(from, to, zone));
/** "Tue 8 Dec 08:00–16:30 CST" */
export const shiftLabel = (from: number, to: number, zone: string) =>
  remembered(`s ${from} ${to} ${zone}`, () => explain.shiftLabel(from, to, zone));
const zoneLabel = (ms: number, zone: string) => remembered(`z ${ms} ${zone}`, () => explain.zoneLabel(ms, zone));

/** "Tue 8 Dec 08:00–16:30 CST" */
export const spanWords = shiftLabel;

/**
 * "Tue 8 Dec: 08:00–16:30 → 09:00–17:30 CST"; with both days and zones
 * named when the day or the zone abbreviation differs between the two.
 */
export function changeWords(from: [number, number], to: [number, number], zone: string): string {
  const z = zoneLabel(from[0], zone);
  const sameZone = [from[1], to[0], to[1]].every((ms) => zoneLabel(ms, zone) === z);
  const day = dayLabel(from[0], zone);
  if (sameZone && day === dayLabel(to[0], zone))
    return `${day}: ${spanTimes(from[0], from[1], zone)} → ${spanTimes(to[0], to[1], zone)} ${z}`;
  return `${spanWords(from[0], from[1], zone)} → ${spanWords(to[0], to[1], zone)}`;
}

/** "+1 h", "-30 min" */
export function offsetWords(minutes: number): string {
  return `${minutes > 0 ? '+' : ''}${explain.minutesLabel(minutes)}`;
}
