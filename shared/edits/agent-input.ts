/**
 * An agent's week of one schedule as the analysis reads it, and back. The
 * analysis names shifts by the key the edits use (Genesys' id, or `new:`
 * with the agent), so a finding's `evidence.shiftIds` addresses the shift an
 * intent can fix (`findShift` reads either).
 */
import type { FullDayTimeOffInput, ShiftInput } from '../analysis/types';
import type { AgentWeek, WeekMarker, WeekShift } from '../publish/agent-week';
import { analysisShiftId } from './shift-ref';

export function shiftInputs(agentId: string, scheduleId: string, week: AgentWeek): ShiftInput[] {
  return week.shifts.map((s, i) => ({
    id: analysisShiftId(agentId, s, i),
    scheduleId,
    agentId,
    startDate: s.startDate,
    lengthMinutes: s.lengthMinutes,
    activities: s.activities.map((a) => ({
      startDate: a.startDate,
      lengthMinutes: a.lengthMinutes,
      activityCodeId: a.activityCodeId,
    })),
  }));
}

/** A marker without a start offset starts at BU midnight, as the mirror reads it (`coalesce(start_offset_minutes, 0)`). */
export function timeOffInputs(agentId: string, scheduleId: string, week: AgentWeek): FullDayTimeOffInput[] {
  return week.fullDayTimeOffMarkers.map((m) => ({
    agentId,
    scheduleId,
    businessUnitDate: m.businessUnitDate,
    startOffsetMinutes: m.startOffsetMinutes ?? 0,
    lengthMinutes: m.lengthMinutes,
  }));
}

/**
 * The other way, for tests and benchmarks that start from an analysis
 * input: the agent's week of one schedule. Markers carry `timeOffCode`
 * (the analysis input has no code for them).
 */
export function agentWeekFromInput(
  shifts: readonly ShiftInput[],
  markers: readonly FullDayTimeOffInput[],
  scheduleId: string,
  timeOffCode: string,
): AgentWeek {
  return {
    shifts: shifts
      .filter((s) => s.scheduleId === scheduleId)
      .map((s): WeekShift => ({
        id: s.id,
        startDate: s.startDate,
        lengthMinutes: s.lengthMinutes,
        activities: s.activities.map((a) => ({ ...a })),
      })),
    fullDayTimeOffMarkers: markers
      .filter((m) => m.scheduleId === scheduleId)
      .map((m): WeekMarker => ({
        businessUnitDate: m.businessUnitDate,
        startOffsetMinutes: m.startOffsetMinutes,
        lengthMinutes: m.lengthMinutes,
        activityCodeId: timeOffCode,
      })),
  };
}
