/**
 * Test-only: the sandbox org's memory as an AnalysisInput. The app feeds the
 * analysis from the mirror; tests and the benchmark take this short cut so
 * the planted problems of the manifest can be checked directly.
 */
import type { OrgState } from '../../main/sandbox/org/model';
import type { AnalysisInput, ShiftInput } from '../../shared/analysis/types';

export function inputFromSandbox(org: OrgState, now: Date, viewerTimeZone = 'America/Chicago'): AnalysisInput {
  const bu = [...org.businessUnits.values()][0];
  if (!bu) throw new Error('the sandbox org has no business unit');
  const schedules = [...bu.schedules.values()];
  const agentSchedules = schedules.flatMap((s) =>
    [...s.agentSchedules.values()].map((a) => ({ schedule: s, agent: a })),
  );
  const shifts: ShiftInput[] = agentSchedules.flatMap(({ schedule, agent }) =>
    agent.shifts.map((shift) => ({
      id: shift.id,
      scheduleId: schedule.id,
      agentId: agent.userId,
      startDate: shift.startDate,
      lengthMinutes: shift.lengthMinutes,
      activities: shift.activities.map((a) => ({
        startDate: a.startDate,
        lengthMinutes: a.lengthMinutes,
        activityCodeId: a.activityCodeId,
      })),
    })),
  );
  return {
    businessUnit: { id: bu.id, timeZone: bu.timeZone },
    managementUnits: bu.managementUnits.map((mu) => ({ id: mu.id, name: mu.name, timeZone: mu.timeZone })),
    viewerTimeZone,
    agents: [...org.users.values()]
      .filter((u) => u.businessUnitId === bu.id && u.managementUnitId)
      .map((u) => ({ id: u.id, name: u.name, managementUnitId: u.managementUnitId as string })),
    activityCodes: bu.activityCodes.map((c) => ({ id: c.id, name: c.name, category: c.category })),
    schedules: schedules.map((s) => ({
      id: s.id,
      weekDate: s.weekDate,
      weekCount: s.weekCount,
      published: s.published,
    })),
    shifts,
    fullDayTimeOff: agentSchedules.flatMap(({ schedule, agent }) =>
      agent.fullDayTimeOffMarkers.map((m) => ({
        agentId: agent.userId,
        scheduleId: schedule.id,
        businessUnitDate: m.businessUnitDate,
        startOffsetMinutes: m.startOffsetMinutes,
        lengthMinutes: m.lengthMinutes,
      })),
    ),
    timeOffRequests: bu.timeOffRequests.map((r) => ({
      id: r.id,
      agentId: r.userId,
      status: r.status,
      isFullDay: r.isFullDayRequest,
      fullDayDates: r.fullDayManagementUnitDates,
      partialStarts: r.partialDayStartDateTimes,
      dailyDurationMinutes: r.dailyDurationMinutes,
    })),
    scriptSessions: org.scriptSessions.map((s) => ({
      agentId: s.userId,
      conversationId: s.conversationId,
      start: s.start,
      end: s.end,
    })),
    now: now.toISOString(),
  };
}
