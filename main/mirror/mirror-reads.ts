/**
 * What the Schedules screen reads from the mirror – business units of a
 * profile, weeks with their status and "as of", the last sync – so it works
 * the same offline as online.
 */
import type Database from 'better-sqlite3';
import type { BusinessUnitSummary, SyncRunSummary, WeekSummary } from '../../shared/mirror';
import { createSyncRunStore } from './sync-run-store';

export { loadAnalysisInput, type MirroredWeek } from './analysis-input';

export function listBusinessUnits(db: Database.Database, profileId: string): BusinessUnitSummary[] {
  const rows = db
    .prepare<[string], { id: string; name: string; timeZone: string | null; asOf: string | null }>(
      `SELECT id, name, time_zone AS timeZone, fetched_at AS asOf FROM business_units WHERE profile_id = ? ORDER BY name COLLATE NOCASE, id`,
    )
    .all(profileId);
  // A unit only listed has no settings yet: its zone is unknown until the first sync.
  return rows.map((r) => ({ ...r, timeZone: r.timeZone ?? '' }));
}

/** Every mirrored schedule of the unit, by week; a week may hold a published schedule and drafts. */
export function listWeeks(db: Database.Database, businessUnitId: string): WeekSummary[] {
  const rows = db
    .prepare<[string], Omit<WeekSummary, 'published'> & { published: number }>(
      `SELECT week_date AS weekDate, id AS scheduleId, coalesce(description, '') AS description, published, version,
         week_count AS weekCount, agent_count AS agentCount, fetched_at AS asOf
       FROM schedules WHERE business_unit_id = ? ORDER BY week_date, published DESC, modified_at DESC, id`,
    )
    .all(businessUnitId);
  return rows.map((r) => ({ ...r, published: r.published === 1 }));
}

export function lastSyncRun(db: Database.Database, profileId: string, businessUnitId: string): SyncRunSummary | null {
  return createSyncRunStore(db).last(profileId, businessUnitId);
}
