/**
 * An edit's label in words, as the pending-edit list, the undo button and a
 * one-click fix show it: "Drop Tue 8 Dec 08:00–16:30 CST shift". Said of the
 * week before the edit (the shift it names is there then).
 */
import { dayLabel, minutesLabel, spanLabel } from './wording';
import { parseDate, ZoneClock } from '../time/zone-clock';
import { businessUnitInstant } from './activity-edits';
import { codeName, type EditContext } from './context';
import type { AgentWeek, WeekShift } from '../publish/agent-week';
import { endMsOf, findShift, startMsOf } from './shift-ref';
import type { EditIntent } from './types';
import { changeWords, offsetWords, spanWords } from './wording';

const minuteMs = 60_000;

function dateWords(date: string, ctx: EditContext): string {
  const clock = ZoneClock.of(ctx.timeZone);
  const day = parseDate(date);
  return clock && day !== null ? dayLabel(clock.dayStart(day), clock.zone) : date;
}

function bare(intent: EditIntent, week: AgentWeek, ctx: EditContext): string {
  const zone = ctx.timeZone;
  const shift: WeekShift | undefined = 'shiftId' in intent ? findShift(week, intent.shiftId)?.shift : undefined;
  const shiftWords = shift ? spanWords(startMsOf(shift), endMsOf(shift), zone) : 'a shift';
  const activity =
    shift && 'activityIndex' in intent ? (shift.activities[intent.activityIndex] ?? undefined) : undefined;
  const activityName = activity ? codeName(ctx, activity.activityCodeId) : 'an activity';
  switch (intent.kind) {
    case 'dropShift':
      return `Drop ${shiftWords} shift`;
    case 'moveShift':
      if (!shift) return `Move a shift by ${offsetWords(intent.byMinutes)}`;
      return `Move shift ${changeWords(
        [startMsOf(shift), endMsOf(shift)],
        [startMsOf(shift) + intent.byMinutes * minuteMs, endMsOf(shift) + intent.byMinutes * minuteMs],
        zone,
      )}`;
    case 'resizeShift':
      if (!shift) return 'Change a shift';
      return `Change shift ${changeWords([startMsOf(shift), endMsOf(shift)], [Date.parse(intent.startDate), Date.parse(intent.endDate)], zone)}`;
    case 'addShift': {
      const startMs = Date.parse(intent.startDate);
      return `Add ${spanWords(startMs, startMs + intent.lengthMinutes * minuteMs, zone)} shift`;
    }
    case 'addActivity': {
      const startMs = Date.parse(intent.activity.startDate);
      const endMs = startMs + intent.activity.lengthMinutes * minuteMs;
      return `Add ${codeName(ctx, intent.activity.activityCodeId)} ${spanWords(startMs, endMs, zone)}`;
    }
    case 'moveActivity':
      if (!activity) return `Move ${activityName} by ${offsetWords(intent.byMinutes)}`;
      return `Move ${activityName} ${changeWords(
        [startMsOf(activity), endMsOf(activity)],
        [startMsOf(activity) + intent.byMinutes * minuteMs, endMsOf(activity) + intent.byMinutes * minuteMs],
        zone,
      )}`;
    case 'resizeActivity':
      if (!activity) return `Change ${activityName}`;
      return `Change ${activityName} ${changeWords([startMsOf(activity), endMsOf(activity)], [Date.parse(intent.startDate), Date.parse(intent.endDate)], zone)}`;
    case 'removeActivity':
      return activity
        ? `Remove ${activityName} ${spanWords(startMsOf(activity), endMsOf(activity), zone)}`
        : 'Remove an activity';
    case 'setFullDayTimeOff':
      return `Full-day time off (${codeName(ctx, intent.activityCodeId)}, ${minutesLabel(intent.lengthMinutes)}) on ${dateWords(intent.businessUnitDate, ctx)}`;
    case 'holdBack':
      return 'Hold back from this publish (keep what is published now)';
    case 'insertActivity': {
      const startMs = businessUnitInstant(intent.businessUnitDate, intent.startTime, zone);
      const name = codeName(ctx, intent.activityCodeId);
      return typeof startMs === 'string'
        ? `Insert ${name} ${intent.businessUnitDate} ${intent.startTime}`
        : `Insert ${name} ${dateWords(intent.businessUnitDate, ctx)} ${spanLabel(startMs, startMs + intent.lengthMinutes * minuteMs, zone)}`;
    }
    case 'moveShifts':
      return intent.businessUnitDate
        ? `Move shifts of ${dateWords(intent.businessUnitDate, ctx)} by ${offsetWords(intent.byMinutes)}`
        : `Move every shift of the week by ${offsetWords(intent.byMinutes)}`;
    case 'dropDayShifts':
      return `Drop shifts of ${dateWords(intent.businessUnitDate, ctx)}`;
  }
}

/** With "of <agent>" when the context names the agent. */
export function intentLabel(intent: EditIntent, week: AgentWeek, ctx: EditContext): string {
  const text = bare(intent, week, ctx);
  if (!ctx.agentName) return text;
  return intent.kind === 'holdBack'
    ? `Hold ${ctx.agentName} back from this publish (keep what is published now)`
    : `${text} of ${ctx.agentName}`;
}
