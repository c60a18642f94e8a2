/**
 * Edits of whole shifts: drop, move (with its activities), change the start
 * or end, add; and the day-wide kinds a bulk edit applies to many agents.
 */
import { dayLabel } from './wording';
import { parseDate } from '../time/zone-clock';
import { fitToShift, shiftedBy, sortedByStart } from './activity-layout';
import { codesById, timeOffCategory, type EditContext } from './context';
import type { AgentWeek, WeekMarker, WeekShift } from '../publish/agent-week';
import { endMsOf, isoOf, nextLocalId, startMsOf, type EditedShift } from './shift-ref';
import { businessUnitDateOf, clockOf, done, edited, named, refused, withShift, type Step } from './step';
import type { EditIntent } from './types';

const minuteMs = 60_000;

type Of<K extends EditIntent['kind']> = Extract<EditIntent, { kind: K }>;

export function dropShift(week: AgentWeek, intent: Of<'dropShift'>): Step {
  const at = named(week, intent.shiftId);
  return typeof at === 'string' ? refused(at) : done(withShift(week, at.index, null));
}

function moved(shift: WeekShift, byMinutes: number): WeekShift {
  return edited(shift, {
    startDate: isoOf(startMsOf(shift) + byMinutes * minuteMs),
    activities: shift.activities.map((a) => shiftedBy(a, byMinutes)),
  });
}

export function moveShift(week: AgentWeek, intent: Of<'moveShift'>): Step {
  if (intent.byMinutes === 0) return refused('A move of 0 minutes changes nothing');
  const at = named(week, intent.shiftId);
  return typeof at === 'string' ? refused(at) : done(withShift(week, at.index, moved(at.shift, intent.byMinutes)));
}

/**
 * A new start or end trims the activities to the shift (what sticks out is
 * cut, what is left wholly outside goes) and stretches the edge activity
 * into added time. Trimmed rather than refused: shortening a shift by its
 * edge is the common drag, and it always cuts into on-queue work; refused
 * only when no activity would be left, since an empty shift is no schedule.
 */
export function resizeShift(week: AgentWeek, intent: Of<'resizeShift'>): Step {
  const at = named(week, intent.shiftId);
  if (typeof at === 'string') return refused(at);
  const startMs = Date.parse(intent.startDate);
  const endMs = Date.parse(intent.endDate);
  if (!(endMs > startMs)) return refused('A shift must end after it starts');
  if ((endMs - startMs) % minuteMs !== 0) return refused('A shift starts and ends on whole minutes');
  const activities = fitToShift(at.shift.activities, startMsOf(at.shift), endMsOf(at.shift), startMs, endMs);
  if (activities.length === 0) return refused('No activity of the shift would be left in its new start and end');
  const shift = edited(at.shift, {
    startDate: isoOf(startMs),
    lengthMinutes: (endMs - startMs) / minuteMs,
    activities,
  });
  return done(withShift(week, at.index, shift));
}

export function addShift(week: AgentWeek, intent: Of<'addShift'>): Step {
  const shift: EditedShift = {
    localId: nextLocalId(week),
    startDate: isoOf(Date.parse(intent.startDate)),
    lengthMinutes: intent.lengthMinutes,
    activities: sortedByStart(intent.activities.map((a) => ({ ...a, startDate: isoOf(Date.parse(a.startDate)) }))),
    manuallyEdited: true,
  };
  return done({ ...week, shifts: [...week.shifts, shift] });
}

/** Indices of the shifts starting on a BU-local date (every shift when `date` is absent). */
function onDate(week: AgentWeek, ctx: EditContext, date: string | undefined): number[] | string {
  const clock = clockOf(ctx);
  if (typeof clock === 'string') return clock;
  const indices = week.shifts.flatMap((s, i) =>
    date === undefined || businessUnitDateOf(clock, s) === date ? [i] : [],
  );
  if (indices.length > 0) return indices;
  const day = date === undefined ? null : parseDate(date);
  return day === null
    ? 'The agent has no shifts this week'
    : `The agent has no shift on ${dayLabel(clock.dayStart(day), clock.zone)}`;
}

export function moveShifts(week: AgentWeek, intent: Of<'moveShifts'>, ctx: EditContext): Step {
  if (intent.byMinutes === 0) return refused('A move of 0 minutes changes nothing');
  const indices = onDate(week, ctx, intent.businessUnitDate);
  if (typeof indices === 'string') return refused(indices);
  const shifts = [...week.shifts];
  for (const i of indices) shifts[i] = moved(shifts[i] as WeekShift, intent.byMinutes);
  return done({ ...week, shifts });
}

export function dropDayShifts(week: AgentWeek, intent: Of<'dropDayShifts'>, ctx: EditContext): Step {
  const indices = onDate(week, ctx, intent.businessUnitDate);
  if (typeof indices === 'string') return refused(indices);
  const gone = new Set(indices);
  return done({ ...week, shifts: week.shifts.filter((_, i) => !gone.has(i)) });
}

/**
 * A full day off replaces that BU day's marker and its shifts, as it does in
 * Genesys' editor: a day off with a shift left on it is a timeOffOverlap
 * error the supervisor would have to fix by hand next.
 */
export function setFullDayTimeOff(week: AgentWeek, intent: Of<'setFullDayTimeOff'>, ctx: EditContext): Step {
  const clock = clockOf(ctx);
  if (typeof clock === 'string') return refused(clock);
  const code = codesById(ctx).get(intent.activityCodeId);
  if (code && code.category !== timeOffCategory)
    return refused(`Full-day time off needs a time-off activity code; ${code.name} is ${code.category}`);
  const marker: WeekMarker = {
    businessUnitDate: intent.businessUnitDate,
    activityCodeId: intent.activityCodeId,
    lengthMinutes: intent.lengthMinutes,
  };
  return done({
    shifts: week.shifts.filter((s) => businessUnitDateOf(clock, s) !== intent.businessUnitDate),
    fullDayTimeOffMarkers: [
      ...week.fullDayTimeOffMarkers.filter((m) => m.businessUnitDate !== intent.businessUnitDate),
      marker,
    ].sort((a, b) => (a.businessUnitDate < b.businessUnitDate ? -1 : 1)),
  });
}
