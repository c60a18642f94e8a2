/**
 * The Schedules screen's server data, each keyed by exactly what it depends on. An answer lands under
 * the key of the question asked, so one that arrives after the supervisor moved on (another
 * connection, unit or week) fills the cache for that question and is never shown for the new one.
 */
import { queryOptions, skipToken, type QueryClient } from '@tanstack/react-query';
import type { OpsClient } from '../../bridge/types';

export const schedulesKeys = {
  overview: (profileId: string | null) => ['schedules', 'overview', profileId] as const,
  weeks: (profileId: string | null, businessUnitId: string | null) =>
    ['schedules', 'weeks', profileId, businessUnitId] as const,
  /** Every analysed week of a unit (a prefix of `weekAnalysis`). */
  unitAnalysis: (profileId: string, businessUnitId: string) => ['analysis', profileId, businessUnitId] as const,
  weekAnalysis: (profileId: string | null, businessUnitId: string | null, week: string | null) =>
    ['analysis', profileId, businessUnitId, week] as const,
  /** The live (or last seen) sync job of a unit, written by its events (see sync-job.ts). */
  syncJob: (profileId: string | null, businessUnitId: string | null) => ['jobs', profileId, businessUnitId] as const,
};

/** Business units mirrored for a connection, and whether it is offline. */
export const overviewQuery = (client: OpsClient, profileId: string | null) =>
  queryOptions({
    queryKey: schedulesKeys.overview(profileId),
    queryFn: profileId ? () => client.call('schedules.overview', { profileId }) : skipToken,
  });

/** A unit's mirrored weeks and its last sync. */
export const weeksQuery = (client: OpsClient, profileId: string | null, businessUnitId: string | null) =>
  queryOptions({
    queryKey: schedulesKeys.weeks(profileId, businessUnitId),
    queryFn:
      profileId && businessUnitId ? () => client.call('schedules.weeks', { profileId, businessUnitId }) : skipToken,
  });

/** A week's stored findings (main runs them the first time). */
export const weekAnalysisQuery = (
  client: OpsClient,
  profileId: string | null,
  businessUnitId: string | null,
  week: string | null,
) =>
  queryOptions({
    queryKey: schedulesKeys.weekAnalysis(profileId, businessUnitId, week),
    queryFn:
      profileId && businessUnitId && week
        ? () => client.call('analysis.get', { profileId, businessUnitId, week })
        : skipToken,
  });

/** After a unit's mirror changed: its weeks, the connection's overview (as-of, offline) and the unit's findings are read again. */
export function invalidateUnit(queryClient: QueryClient, profileId: string, businessUnitId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: schedulesKeys.weeks(profileId, businessUnitId) }),
    queryClient.invalidateQueries({ queryKey: schedulesKeys.overview(profileId) }),
    queryClient.invalidateQueries({ queryKey: schedulesKeys.unitAnalysis(profileId, businessUnitId) }),
  ]).then(() => undefined);
}
