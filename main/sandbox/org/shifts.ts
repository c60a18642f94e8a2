/**
 * Shifts and their activities for one agent-week. Regular shifts are clean:
 * activities contiguous, inside the shift, summing to its length, and no
 * shift spans a DST change. Anything less clean is planted on purpose.
 */
import type { Rng } from '../random';
import type { AgentPlan, ShiftPart } from './agents';
import { isoInstant, minuteMs, wallClockMs } from './calendar';
import type { ActivityCodeState, ActivityState, ShiftState } from './model';
import type { CodeBook, CodeKey } from './structure';

interface Block {
  offset: number;
  length: number;
  code: CodeKey;
}

export function activity(code: ActivityCodeState, startMs: number, lengthMinutes: number): ActivityState {
  return {
    startDate: isoInstant(startMs),
    lengthMinutes,
    activityCodeId: code.id,
    description: code.name,
    paid: code.countsAsPaidTime,
  };
}

/** Where the meal starts: mid-shift, on a quarter hour. */
export function mealOffset(lengthMinutes: number): number {
  return Math.floor((lengthMinutes / 2 - 15) / 15) * 15;
}

/** Break ~2 h in, unpaid meal mid-shift, break ~2 h before the end; On Queue fills the rest. */
export function buildActivities(startMs: number, lengthMinutes: number, codes: CodeBook, rng: Rng): ActivityState[] {
  const blocks: Block[] = [];
  if (lengthMinutes >= 180) blocks.push({ offset: 120, length: 15, code: 'break' });
  if (lengthMinutes >= 360) {
    const meal = mealOffset(lengthMinutes);
    // Now and then the hour after the first break goes to a team meeting or training.
    if (rng.chance(0.08) && meal - 135 >= 75)
      blocks.push({ offset: 135, length: 60, code: rng.chance(0.5) ? 'meeting' : 'training' });
    blocks.push({ offset: meal, length: 30, code: 'meal' }, { offset: lengthMinutes - 120, length: 15, code: 'break' });
  }
  const activities: ActivityState[] = [];
  let at = 0;
  for (const block of blocks) {
    if (block.offset > at) activities.push(activity(codes.onQueue, startMs + at * minuteMs, block.offset - at));
    activities.push(activity(codes[block.code], startMs + block.offset * minuteMs, block.length));
    at = block.offset + block.length;
  }
  if (at < lengthMinutes) activities.push(activity(codes.onQueue, startMs + at * minuteMs, lengthMinutes - at));
  return activities;
}

export function buildShift(startMs: number, lengthMinutes: number, codes: CodeBook, rng: Rng): ShiftState {
  return {
    id: rng.uuid(),
    startDate: isoInstant(startMs),
    lengthMinutes,
    activities: buildActivities(startMs, lengthMinutes, codes, rng),
    manuallyEdited: false,
  };
}

/** The instant a pattern part starts on a BU date, in the agent's MU wall clock. */
export function partStartMs(agent: AgentPlan, date: string, part: ShiftPart): number {
  return wallClockMs(agent.unit.timeZone, date, part.startMinute);
}

/**
 * The agent's shifts for one week. `transitions` are the BU and MU zones'
 * offset changes: a shift across one would look like a DST skew, so the
 * agent is simply off that night (the planted DST shift is added later).
 */
export function buildWeekShifts(
  agent: AgentPlan,
  days: string[],
  transitions: number[],
  codes: CodeBook,
  rng: Rng,
): ShiftState[] {
  const shifts: ShiftState[] = [];
  for (const d of agent.pattern.workdays) {
    const date = days[d];
    if (!date) continue;
    for (const part of agent.pattern.parts) {
      const start = partStartMs(agent, date, part);
      const end = start + part.lengthMinutes * minuteMs;
      // Ending on the change counts too: the end instant already reads in the new offset.
      if (transitions.some((t) => t > start && t <= end)) continue;
      shifts.push(buildShift(start, part.lengthMinutes, codes, rng));
    }
  }
  return shifts;
}
