/** One edit step's outcome, and the few helpers every edit kind shares. */
import { isoDate, ZoneClock } from '../time/zone-clock';
import type { AgentWeek, WeekShift } from '../publish/agent-week';
import type { EditContext } from './context';
import { findShift } from './shift-ref';

export type Step = { ok: true; week: AgentWeek } | { ok: false; problems: string[] };

export const refused = (...problems: string[]): Step => ({ ok: false, problems });
export const done = (week: AgentWeek): Step => ({ ok: true, week });

/** Genesys' editor marks every shift a person touched; an upload that changes a shift does the same. */
export function edited(shift: WeekShift, changes: Partial<WeekShift>): WeekShift {
  return { ...shift, ...changes, manuallyEdited: true };
}

export function withShift(week: AgentWeek, index: number, shift: WeekShift | null): AgentWeek {
  const shifts = [...week.shifts];
  if (shift) shifts[index] = shift;
  else shifts.splice(index, 1);
  return { ...week, shifts };
}

/** The shift an intent names, or why there is none. */
export function named(week: AgentWeek, shiftId: string): { shift: WeekShift; index: number } | string {
  return findShift(week, shiftId) ?? `The shift ${shiftId} is not in this agent's week (it may have been dropped)`;
}

export function clockOf(ctx: EditContext): ZoneClock | string {
  return ZoneClock.of(ctx.timeZone) ?? `The business unit's time zone "${ctx.timeZone}" is not a known time zone`;
}

/** The BU-local date a shift starts on: what "the day's shifts" means, as Genesys' schedule editor groups them. */
export function businessUnitDateOf(clock: ZoneClock, shift: WeekShift): string {
  return isoDate(clock.localDay(Date.parse(shift.startDate)));
}
