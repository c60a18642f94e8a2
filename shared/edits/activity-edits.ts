/**
 * Edits of a shift's activities. Placing one (add, move, resize, insert)
 * lays it over the shift's on-queue work; lifting one out (move, resize,
 * remove) gives its time back to the on-queue work beside it. See
 * activity-layout.ts for why.
 */
import { dayLabel, spanLabel } from './wording';
import { DateTime } from 'luxon';
import { joinPieces, layOver, liftOut, pieceOf, shiftedBy } from './activity-layout';
import type { EditContext } from './context';
import type { AgentWeek, WeekActivity, WeekShift } from '../publish/agent-week';
import { endMsOf, isoOf, startMsOf } from './shift-ref';
import { done, edited, named, refused, withShift, type Step } from './step';
import type { EditIntent } from './types';

const minuteMs = 60_000;

type Of<K extends EditIntent['kind']> = Extract<EditIntent, { kind: K }>;

function place(
  week: AgentWeek,
  index: number,
  shift: WeekShift,
  list: WeekActivity[],
  a: WeekActivity,
  ctx: EditContext,
): Step {
  const layout = layOver(list, a, ctx);
  if (!layout.ok) return refused(...layout.problems);
  return done(withShift(week, index, edited(shift, { activities: joinPieces(shift.activities, layout.activities) })));
}

export function addActivity(week: AgentWeek, intent: Of<'addActivity'>, ctx: EditContext): Step {
  const at = named(week, intent.shiftId);
  if (typeof at === 'string') return refused(at);
  const activity = { ...intent.activity, startDate: isoOf(Date.parse(intent.activity.startDate)) };
  return place(week, at.index, at.shift, [...at.shift.activities], activity, ctx);
}

function activityAt(shift: WeekShift, index: number): WeekActivity | string {
  return (
    shift.activities[index] ??
    `The shift has ${shift.activities.length} activities; there is no activity number ${index + 1}`
  );
}

export function moveActivity(week: AgentWeek, intent: Of<'moveActivity'>, ctx: EditContext): Step {
  if (intent.byMinutes === 0) return refused('A move of 0 minutes changes nothing');
  const at = named(week, intent.shiftId);
  if (typeof at === 'string') return refused(at);
  const activity = activityAt(at.shift, intent.activityIndex);
  if (typeof activity === 'string') return refused(activity);
  const rest = liftOut(at.shift.activities, intent.activityIndex, ctx);
  return place(week, at.index, at.shift, rest, shiftedBy(activity, intent.byMinutes), ctx);
}

export function resizeActivity(week: AgentWeek, intent: Of<'resizeActivity'>, ctx: EditContext): Step {
  const at = named(week, intent.shiftId);
  if (typeof at === 'string') return refused(at);
  const activity = activityAt(at.shift, intent.activityIndex);
  if (typeof activity === 'string') return refused(activity);
  const startMs = Date.parse(intent.startDate);
  const endMs = Date.parse(intent.endDate);
  if (!(endMs > startMs)) return refused('An activity must end after it starts');
  if ((endMs - startMs) % minuteMs !== 0) return refused('An activity starts and ends on whole minutes');
  const rest = liftOut(at.shift.activities, intent.activityIndex, ctx);
  return place(week, at.index, at.shift, rest, pieceOf(activity, startMs, endMs), ctx);
}

export function removeActivity(week: AgentWeek, intent: Of<'removeActivity'>, ctx: EditContext): Step {
  const at = named(week, intent.shiftId);
  if (typeof at === 'string') return refused(at);
  const activity = activityAt(at.shift, intent.activityIndex);
  if (typeof activity === 'string') return refused(activity);
  const rest = liftOut(at.shift.activities, intent.activityIndex, ctx);
  return done(withShift(week, at.index, edited(at.shift, { activities: joinPieces(at.shift.activities, rest) })));
}

const instants = new Map<string, number | string>();

/**
 * The instant of a BU-local date and time, or why there is none (a time
 * skipped by a DST change). Remembered: a bulk edit asks the same for every agent.
 */
export function businessUnitInstant(date: string, time: string, zone: string): number | string {
  const key = `${date} ${time} ${zone}`;
  let known = instants.get(key);
  if (known === undefined) {
    known = readInstant(date, time, zone);
    if (instants.size > 1000) instants.clear();
    instants.set(key, known);
  }
  return known;
}

function readInstant(date: string, time: string, zone: string): number | string {
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!local.isValid) return `${date} ${time} is not a time in ${zone}`;
  if (local.toFormat('yyyy-MM-dd HH:mm') !== `${date} ${time}`)
    return `${time} does not exist on ${date} in ${zone} (the clocks skip it for DST)`;
  return local.toMillis();
}

/** Into the shift that covers the whole span: the bulk edit's "a 30-minute team meeting Wed 14:00". */
export function insertActivity(week: AgentWeek, intent: Of<'insertActivity'>, ctx: EditContext): Step {
  const startMs = businessUnitInstant(intent.businessUnitDate, intent.startTime, ctx.timeZone);
  if (typeof startMs === 'string') return refused(startMs);
  const endMs = startMs + intent.lengthMinutes * minuteMs;
  const index = week.shifts.findIndex((s) => startMsOf(s) <= startMs && endMsOf(s) >= endMs);
  if (index < 0)
    return refused(
      `No shift of the agent covers ${dayLabel(startMs, ctx.timeZone)} ${spanLabel(startMs, endMs, ctx.timeZone)}`,
    );
  const shift = week.shifts[index] as WeekShift;
  const activity: WeekActivity = {
    startDate: isoOf(startMs),
    lengthMinutes: intent.lengthMinutes,
    activityCodeId: intent.activityCodeId,
  };
  return place(week, index, shift, [...shift.activities], activity, ctx);
}
