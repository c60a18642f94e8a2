/** The Schedules screen: business units and weeks in the mirror, and syncing them (a job). */
import { z } from 'zod';
import type { SchedulesOverview, SyncRunSummary, WeekSummary } from '../mirror';
import { businessUnitOf, entityId, method } from './define';
import type { JobSnapshot } from './jobs';
import { weekDate } from './weeks';

const profileOnly = z.object({ profileId: entityId }).strict();

export const schedulesMethods = {
  /** Business units mirrored for a connection (and whether it is offline). */
  'schedules.overview': method(profileOnly).returns<SchedulesOverview>(),
  /** Lists the org's business units from Genesys Cloud into the mirror. */
  'schedules.discover': method(profileOnly).returns<SchedulesOverview>(),
  'schedules.weeks': method(businessUnitOf).returns<{ weeks: WeekSummary[]; lastSync: SyncRunSummary | null }>(),
  /**
   * Starts mirroring weeks of a business unit and answers at once with the job: the given `weeks`, or
   * `weekCount` weeks from the current one (default 3: this week and the next two). Progress and the
   * outcome come as `job.event`s of that job.
   */
  'sync.start': method(
    businessUnitOf
      .extend({
        weeks: z.array(weekDate).min(1).max(12).optional(),
        weekCount: z
          .number()
          .int()
          .min(1, 'Sync at least one week')
          .max(12, 'Sync at most 12 weeks at a time')
          .optional(),
      })
      .strict(),
  ).returns<JobSnapshot>(),
};

export interface SchedulesEvents {
  /** Sync wrote these mirror tables: views showing them re-read. */
  'mirror.changed': { profileId: string; businessUnitId: string; tables: string[] };
}

export const schedulesEventNames: Record<keyof SchedulesEvents, true> = { 'mirror.changed': true };
