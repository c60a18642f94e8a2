/** Small, valid answers for the Schedules screen's reads, named by what a test cares about. */
import type { ConnectionStatus } from '../../shared/connections';
import type { JobEvent } from '../../shared/contract';
import type { SchedulesOverview, WeekSummary } from '../../shared/mirror';

/** Only the fields the screens read; the rest of a profile does not matter to these tests. */
export const connection = (id: string, name = id): ConnectionStatus =>
  ({
    id,
    name,
    kind: 'sandbox',
    grantType: 'client_credentials',
    clientId: 'c',
    state: 'signedIn',
    lastError: null,
  }) as ConnectionStatus;

export const overviewOf = (...businessUnitIds: string[]): SchedulesOverview => ({
  businessUnits: businessUnitIds.map((id) => ({ id, name: `Unit ${id}`, timeZone: 'America/Chicago', asOf: null })),
  offline: null,
});

/** A mirrored week whose description names its unit, so a test can tell whose weeks are on screen. */
export const weekOf = (businessUnitId: string, weekDate: string): WeekSummary => ({
  weekDate,
  scheduleId: `${businessUnitId}-${weekDate}`,
  description: `${businessUnitId} ${weekDate}`,
  published: true,
  version: 1,
  weekCount: 1,
  agentCount: 10,
  asOf: '2026-11-23T06:00:00.000Z',
});

/** One step of a sync job of unit `businessUnitId` of profile `p`. */
export const syncStep = (
  jobId: string,
  seq: number,
  state: JobEvent['state'],
  extra: Partial<JobEvent> = {},
): JobEvent => ({
  jobId,
  kind: 'sync',
  subject: { profileId: 'p', businessUnitId: 'A' },
  seq,
  at: `2026-11-23T06:00:${String(seq).padStart(2, '0')}.000Z`,
  state,
  progress: null,
  ...extra,
});
