/** Finding org entities by path parameters, with Genesys's 404s. */
import { notFound, requireIsoDate } from '../http/api-error';
import type { BusinessUnitState, ManagementUnitState, ScheduleState } from '../org/model';
import type { SandboxRuntime } from '../runtime';

export function findBusinessUnit(runtime: SandboxRuntime, id: string | undefined): BusinessUnitState {
  const bu = id ? runtime.org.businessUnits.get(id) : undefined;
  if (!bu) throw notFound('business unit', id);
  return bu;
}

export function findManagementUnit(
  runtime: SandboxRuntime,
  id: string | undefined,
): { bu: BusinessUnitState; mu: ManagementUnitState } {
  for (const bu of runtime.org.businessUnits.values()) {
    const mu = bu.managementUnits.find((m) => m.id === id);
    if (mu) return { bu, mu };
  }
  throw notFound('management unit', id);
}

/** A schedule addressed by BU, week and id; the week must be the schedule's own. */
export function findSchedule(
  runtime: SandboxRuntime,
  params: Record<string, string>,
): { bu: BusinessUnitState; schedule: ScheduleState } {
  const bu = findBusinessUnit(runtime, params.businessUnitId);
  const weekId = requireIsoDate(params.weekId, 'weekId');
  const schedule = bu.schedules.get(params.scheduleId ?? '');
  if (!schedule || schedule.weekDate !== weekId) throw notFound('schedule', params.scheduleId);
  return { bu, schedule };
}
