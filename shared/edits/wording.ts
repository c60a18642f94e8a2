/** Shifts and activities in the supervisor's words, on the BU clock with the zone abbreviation (as the findings say them). */
import { dayLabel, minutesLabel, shiftLabel, spanTimes, zoneLabel } from '../analysis/explain';

/** "Tue 8 Dec 08:00–16:30 CST" */
export const spanWords = (startMs: number, endMs: number, zone: string) => shiftLabel(startMs, endMs, zone);

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
  return `${minutes > 0 ? '+' : ''}${minutesLabel(minutes)}`;
}
