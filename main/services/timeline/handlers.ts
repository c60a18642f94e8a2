/** timeline.*: windows of agents × time and a schedule's coverage from the mirror, for the timeline (offline, on the services' own connection). */
import type Database from 'better-sqlite3';
import type { OpsApi } from '../../../shared/contract';
import type { timelineMethods } from '../../../shared/contract/timeline';
import { coverageCacheOf } from '../../mirror/timeline/coverage-cache';
import { readLegend } from '../../mirror/timeline/legend';
import { filterRoster, rosterOf } from '../../mirror/timeline/roster';
import { queryTimeline } from '../../mirror/timeline/window-query';
import { timelinePageSize, topPagesOf } from '../../../shared/timeline-pages';

export function timelineHandlers(db: Database.Database) {
  const coverage = coverageCacheOf(db);
  return {
    'timeline.legend': async ({ businessUnitId }) => readLegend(db, businessUnitId),
    'timeline.window': async ({ profileId: _profileId, ...query }) => queryTimeline(db, query),
    'timeline.roster': async ({ profileId: _profileId, businessUnitId, ...filter }) =>
      filterRoster(rosterOf(db, businessUnitId), filter).map(({ id, name, managementUnitId }) => ({
        id,
        name,
        managementUnitId,
      })),
    'timeline.rosterTop': async ({ profileId: _profileId, scheduleId, from, to, rows, collapsedUnits, ...filter }) => {
      const roster = filterRoster(rosterOf(db, filter.businessUnitId), filter);
      const pages = topPagesOf(roster, new Set(collapsedUnits), rows).map(({ managementUnitId, page }) => ({
        managementUnitId,
        page,
        // The renderer's page query for this page, exactly: its answer is cached under that page's key.
        window: queryTimeline(db, {
          ...filter,
          scheduleId,
          from,
          to,
          managementUnitId,
          offset: page * timelinePageSize,
          limit: timelinePageSize,
        }),
      }));
      return { agents: roster.map(({ id, name, managementUnitId }) => ({ id, name, managementUnitId })), pages };
    },
    // A whole count is done in steps: the row pages asked beside it are answered between them.
    'timeline.coverage': async ({ profileId: _profileId, ...query }) => coverage.readSoon(query),
  } satisfies Pick<OpsApi, keyof typeof timelineMethods>;
}
