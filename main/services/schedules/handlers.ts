/** schedules.* and sync.start: the mirror's business units and weeks, and syncing them as a job. */
import type { OpsApi } from '../../../shared/contract';
import type { schedulesMethods } from '../../../shared/contract/schedules';
import type { SchedulesService } from './schedules-service';

export function schedulesHandlers(schedules: SchedulesService) {
  return {
    'schedules.overview': async ({ profileId }) => schedules.overview(profileId),
    'schedules.discover': async ({ profileId }) => schedules.discover(profileId),
    'schedules.weeks': async ({ profileId, businessUnitId }) => schedules.weeks(profileId, businessUnitId),
    'sync.start': async ({ profileId, businessUnitId, weeks, weekCount }) =>
      schedules.start(profileId, businessUnitId, { weeks, weekCount }),
  } satisfies Pick<OpsApi, keyof typeof schedulesMethods>;
}
