/**
 * What the generator's steps share once the weeks are built: the BU, its
 * codes, the agents and the week schedules, plus small lookups over them.
 */
import type { AgentPlan } from './agents';
import { addDays, minuteMs, wallClockMs } from './calendar';
import type { AgentScheduleState, BusinessUnitState, ScheduleState, ShiftState } from './model';
import type { CodeBook } from './structure';

export interface WeekBuild {
  weekDate: string;
  /** The seven BU dates, Monday first. */
  days: string[];
  schedule: ScheduleState;
  /** Holds a DST change of the BU or an MU zone. */
  hasTransition: boolean;
}

export interface BuildContext {
  bu: BusinessUnitState;
  codes: CodeBook;
  agents: AgentPlan[];
  weeks: WeekBuild[];
  nowMs: number;
  currentWeekDate: string;
  dstWeekDate: string | null;
}

export function agentWeek(week: WeekBuild, agent: AgentPlan): AgentScheduleState {
  const schedule = week.schedule.agentSchedules.get(agent.user.id);
  if (!schedule) throw new Error(`agent ${agent.user.id} has no schedule in ${week.weekDate}`);
  return schedule;
}

export function shiftEndMs(shift: ShiftState): number {
  return Date.parse(shift.startDate) + shift.lengthMinutes * minuteMs;
}

/** The agent's shifts in a week and its neighbours: enough to see anything touching that week's days. */
function nearbyShifts(ctx: BuildContext, agent: AgentPlan, weekIndex: number): ShiftState[] {
  return ctx.weeks.slice(Math.max(0, weekIndex - 1), weekIndex + 2).flatMap((w) => agentWeek(w, agent).shifts);
}

/**
 * True when no shift (but `except`) comes within an hour of the date, read
 * as a day in the BU zone, the MU zone or UTC: time off placed there cannot
 * look like a shift-over-time-off conflict, however a reader resolves the date.
 */
export function isFreeDay(
  ctx: BuildContext,
  agent: AgentPlan,
  weekIndex: number,
  date: string,
  except?: ShiftState,
): boolean {
  const shifts = nearbyShifts(ctx, agent, weekIndex).filter((s) => s !== except);
  const margin = 60 * minuteMs;
  for (const zone of [ctx.bu.timeZone, agent.unit.timeZone, 'UTC']) {
    const from = wallClockMs(zone, date, 0) - margin;
    const to = wallClockMs(zone, addDays(date, 1), 0) + margin;
    if (shifts.some((s) => Date.parse(s.startDate) < to && shiftEndMs(s) > from)) return false;
  }
  return true;
}

export function isoDay(week: WeekBuild, day: number): string {
  const date = week.days[day];
  if (!date) throw new Error(`no day ${day} in week ${week.weekDate}`);
  return date;
}
