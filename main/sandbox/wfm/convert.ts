/** Org state → the SDK's response models. One place, so every route answers alike. */
import type { Models } from 'purecloud-platform-client-v2';
import type {
  AgentScheduleState,
  BusinessUnitState,
  ManagementUnitState,
  ScheduleState,
  ShiftState,
} from '../org/model';

export const wfmBase = '/api/v2/workforcemanagement';

export function userRef(id: string): Models.UserReference {
  return { id, selfUri: `/api/v2/users/${id}` };
}

export function buSelfUri(buId: string): string {
  return `${wfmBase}/businessunits/${buId}`;
}

export function scheduleSelfUri(s: ScheduleState): string {
  return `${buSelfUri(s.businessUnitId)}/weeks/${s.weekDate}/schedules/${s.id}`;
}

export function versionMetadata(
  version: number,
  dateModified: string,
  modifiedBy?: string,
): Models.WfmVersionedEntityMetadata {
  return { version, dateModified, ...(modifiedBy ? { modifiedBy: userRef(modifiedBy) } : {}) };
}

export function managementUnit(mu: ManagementUnitState): Models.ManagementUnit {
  return {
    id: mu.id,
    name: mu.name,
    businessUnit: { id: mu.businessUnitId, selfUri: buSelfUri(mu.businessUnitId) },
    startDayOfWeek: mu.startDayOfWeek,
    timeZone: mu.timeZone,
    version: mu.version,
    metadata: { version: mu.version },
    selfUri: `${wfmBase}/managementunits/${mu.id}`,
  };
}

export function forecastSelfUri(businessUnitId: string, weekDate: string, forecastId: string): string {
  return `${buSelfUri(businessUnitId)}/weeks/${weekDate}/shorttermforecasts/${forecastId}`;
}

export function scheduleListItem(s: ScheduleState): Models.BuScheduleListItem {
  const forecast = s.shortTermForecast;
  return {
    id: s.id,
    weekDate: s.weekDate,
    weekCount: s.weekCount,
    description: s.description,
    published: s.published,
    ...(forecast
      ? {
          shortTermForecast: {
            ...forecast,
            selfUri: forecastSelfUri(s.businessUnitId, forecast.weekDate, forecast.id),
          },
        }
      : {}),
    metadata: { ...versionMetadata(s.version, s.dateModified, s.modifiedByUserId), dateCreated: s.dateCreated },
    selfUri: scheduleSelfUri(s),
  };
}

export function scheduleMetadata(bu: BusinessUnitState, s: ScheduleState): Models.BuScheduleMetadata {
  const byMu = new Map<string, string[]>();
  for (const a of s.agentSchedules.values()) {
    const ids = byMu.get(a.managementUnitId);
    if (ids) ids.push(a.userId);
    else byMu.set(a.managementUnitId, [a.userId]);
  }
  const { start, end } = scheduleRange(s);
  return {
    ...scheduleListItem(s),
    managementUnits: bu.managementUnits
      .filter((mu) => byMu.has(mu.id))
      .map((mu) => ({
        managementUnit: { id: mu.id, selfUri: `${wfmBase}/managementunits/${mu.id}` },
        agentCount: byMu.get(mu.id)!.length,
        startDate: start,
        endDate: end,
        agents: byMu.get(mu.id)!.map(userRef),
      })),
  };
}

/** The schedule's span as UTC instants of its week dates (the real API reports the same coarse range). */
export function scheduleRange(s: ScheduleState): { start: string; end: string } {
  const start = new Date(`${s.weekDate}T00:00:00.000Z`);
  const end = new Date(start.getTime() + s.weekCount * 7 * 86_400_000);
  return { start: start.toISOString(), end: end.toISOString() };
}

export function shiftResponse(s: ScheduleState, shift: ShiftState): Models.BuAgentScheduleShift {
  return {
    id: shift.id,
    startDate: shift.startDate,
    lengthMinutes: shift.lengthMinutes,
    activities: shift.activities.map((act) => ({ ...act })),
    manuallyEdited: shift.manuallyEdited,
    schedule: { id: s.id, weekDate: s.weekDate, selfUri: scheduleSelfUri(s) },
  };
}

export function agentSchedule(s: ScheduleState, a: AgentScheduleState): Models.BuAgentScheduleQueryResponse {
  return {
    user: userRef(a.userId),
    shifts: a.shifts.map((shift) => shiftResponse(s, shift)),
    fullDayTimeOffMarkers: a.fullDayTimeOffMarkers.map((m) => ({ ...m })),
    ...(a.workPlanId ? { workPlan: { id: a.workPlanId } } : {}),
    metadata: versionMetadata(a.version, a.dateModified),
  };
}
