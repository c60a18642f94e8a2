/**
 * What Genesys refuses in an uploaded agent schedule: overlapping shifts,
 * shifts over full-day time off, and malformed activities. Each problem
 * becomes a `Detail` of one 400 answer, so nothing is half-applied.
 */
import { DateTime } from 'luxon';
import type { Models } from 'purecloud-platform-client-v2';
import type { ActivityCodeState, FullDayTimeOffMarkerState } from '../org/model';

/** What is checked of a shift and a marker: the stored records and complete uploads both fit. */
export interface ShiftLike {
  startDate: string;
  lengthMinutes: number;
  activities: Array<{ startDate: string; lengthMinutes: number; activityCodeId: string }>;
}
export interface MarkerLike {
  businessUnitDate: string;
  startOffsetMinutes?: number;
  lengthMinutes: number;
  activityCodeId: string;
}

const maxShiftMinutes = 24 * 60;

interface Interval {
  start: number;
  end: number;
}

/** A full-day marker's span: its BU-local date plus minute offsets, resolved in the BU zone (DST included). */
export function markerInterval(
  marker: Pick<FullDayTimeOffMarkerState, 'businessUnitDate' | 'lengthMinutes'> & { startOffsetMinutes?: number },
  timeZone: string,
): Interval {
  const dayStart = DateTime.fromISO(marker.businessUnitDate, { zone: timeZone }).startOf('day');
  const start = dayStart.plus({ minutes: marker.startOffsetMinutes ?? 0 }).toMillis();
  return { start, end: start + marker.lengthMinutes * 60_000 };
}

export function validateAgentSchedule(
  userId: string,
  shifts: ShiftLike[],
  markers: MarkerLike[],
  codes: ActivityCodeState[],
  timeZone: string,
): Models.Detail[] {
  const details: Models.Detail[] = [];
  const problem = (errorCode: string, fieldName: string) =>
    details.push({ errorCode, fieldName, entityId: userId, entityName: 'agentSchedule' });
  const knownCodes = new Set(codes.map((c) => c.id));

  const intervals = shifts.map((shift, i) => {
    const start = Date.parse(shift.startDate);
    if (shift.lengthMinutes <= 0 || shift.lengthMinutes > maxShiftMinutes)
      problem('invalid.shift.length', `shifts[${i}].lengthMinutes`);
    validateActivities(shift, i, knownCodes, problem);
    return { start, end: start + shift.lengthMinutes * 60_000, index: i };
  });

  // Sweep over shifts sorted by start: each must end before the next begins.
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k]!.start < sorted[k - 1]!.end) problem('shifts.overlap', `shifts[${sorted[k]!.index}]`);
  }

  markers.forEach((marker, m) => {
    if (!knownCodes.has(marker.activityCodeId))
      problem('invalid.activity.code', `fullDayTimeOffMarkers[${m}].activityCodeId`);
    if (!DateTime.fromISO(marker.businessUnitDate, { zone: timeZone }).isValid) {
      problem('invalid.date', `fullDayTimeOffMarkers[${m}].businessUnitDate`);
      return;
    }
    const off = markerInterval(marker, timeZone);
    for (const shift of intervals) {
      if (shift.start < off.end && off.start < shift.end) problem('shift.overlaps.time.off', `shifts[${shift.index}]`);
    }
  });
  return details;
}

function validateActivities(
  shift: ShiftLike,
  i: number,
  knownCodes: Set<string>,
  problem: (code: string, field: string) => void,
): void {
  const shiftStart = Date.parse(shift.startDate);
  const shiftEnd = shiftStart + shift.lengthMinutes * 60_000;
  const spans = shift.activities.map((a, j) => {
    const start = Date.parse(a.startDate);
    const end = start + a.lengthMinutes * 60_000;
    const field = `shifts[${i}].activities[${j}]`;
    if (!knownCodes.has(a.activityCodeId)) problem('invalid.activity.code', `${field}.activityCodeId`);
    if (a.lengthMinutes <= 0) problem('invalid.activity.length', `${field}.lengthMinutes`);
    else if (start < shiftStart || end > shiftEnd) problem('activity.outside.shift', field);
    return { start, end, j };
  });
  const sorted = spans.sort((a, b) => a.start - b.start);
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k]!.start < sorted[k - 1]!.end)
      problem('activities.overlap', `shifts[${i}].activities[${sorted[k]!.j}]`);
  }
}
