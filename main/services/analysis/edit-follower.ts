/**
 * Findings that follow every edit. Each week a schedule's change set touched
 * is kept analysed in memory (edited-week.ts): the first edit after the
 * mirror changed pays one full pass of the week, every later one only the
 * agents whose pending week moved. The result is stored as the week's
 * analysis (what `analysis.get` serves, the CLI too) and announced with
 * `analysis.updated`, so the findings panel and the markers update at once.
 *
 * Kept only while the mirror under it stands: when another connection
 * commits (a sync, or a full analysis on the worker) the weeks are dropped
 * and the next edit starts from the mirror again.
 */
import type Database from 'better-sqlite3';
import type { AnalysisUpdate, WeekAnalysis } from '../../../shared/analysis/week-analysis';
import { summarize } from '../../../shared/analysis/week-analysis';
import { prepared } from '../../mirror/statement-cache';
import { addDays } from '../../mirror/sync/business-unit-weeks';
import { createWeekAnalysisStore } from '../../mirror/week-analyses';
import { analyseEditedWeek, followPendingEdits, weekAnalysisOf, type EditedWeek } from './edited-week';

/** A few weeks of a unit or two; each holds the week's analysis input and findings. */
const maxWeeks = 4;

export interface EditFollowerDeps {
  db: Database.Database;
  now: () => Date;
  viewerTimeZone: string;
  announce(update: AnalysisUpdate): void;
}

export type EditFollower = ReturnType<typeof createEditFollower>;

export function createEditFollower(deps: EditFollowerDeps) {
  const { db } = deps;
  const store = createWeekAnalysisStore(db);
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  let version: unknown = null;
  const weeks = new Map<string, EditedWeek>();

  function current(): void {
    const v = dataVersion.get();
    if (v !== version) {
      weeks.clear();
      version = v;
    }
  }

  /** The BU weeks a schedule covers, and the profile its unit is mirrored for; null when it is not mirrored. */
  function scheduleWeeks(businessUnitId: string, scheduleId: string): { profileId: string; weeks: string[] } | null {
    const row = prepared(
      db,
      `SELECT s.week_date, s.week_count, b.profile_id FROM schedules s JOIN business_units b ON b.id = s.business_unit_id
       WHERE s.id = ? AND s.business_unit_id = ? LIMIT 1`,
    )
      .raw()
      .get(scheduleId, businessUnitId) as [string, number, string] | undefined;
    if (!row) return null;
    const [weekDate, weekCount, profileId] = row;
    return { profileId, weeks: Array.from({ length: Math.max(1, weekCount) }, (_, i) => addDays(weekDate, 7 * i)) };
  }

  function keep(key: string, edited: EditedWeek): void {
    weeks.delete(key);
    if (weeks.size >= maxWeeks) weeks.delete(weeks.keys().next().value!);
    weeks.set(key, edited);
  }

  /** The week brought up to its change set, stored when it moved; null when it is not kept (no edit followed yet). */
  function follow(businessUnitId: string, week: string, build: boolean): WeekAnalysis | null {
    current();
    const key = `${businessUnitId}\u0000${week}`;
    const kept = weeks.get(key);
    if (!kept && !build) return null;
    const ctx = { now: deps.now().toISOString(), viewerTimeZone: deps.viewerTimeZone };
    const next = kept ? followPendingEdits(db, kept) : analyseEditedWeek(db, businessUnitId, week, ctx);
    keep(key, next);
    if (next === kept) return null;
    const analysis = weekAnalysisOf(next, ctx.now);
    store.save(analysis);
    return analysis;
  }

  return {
    /**
     * After a change set changed (`edits.changed`): every week of the schedule
     * analysed as edited, stored and announced. Synchronous, so an
     * `analysis.get` after `edits.apply` answers already reads the edit.
     */
    changed(businessUnitId: string, scheduleId: string): void {
      const schedule = scheduleWeeks(businessUnitId, scheduleId);
      if (!schedule) return;
      for (const week of schedule.weeks) {
        let analysis: WeekAnalysis | null;
        try {
          analysis = follow(businessUnitId, week, true);
        } catch {
          // Not followed (a change set this build cannot read, say): forgotten, so the next full run says why.
          weeks.delete(`${businessUnitId}\u0000${week}`);
          continue;
        }
        if (analysis)
          deps.announce({ profileId: schedule.profileId, businessUnitId, week, ...summarize(analysis.findings) });
      }
    },
    /** For `analysis.get`: a kept week brought up to edits made elsewhere (another process, the CLI); null when not kept or unmoved. */
    refreshed(businessUnitId: string, week: string): WeekAnalysis | null {
      return follow(businessUnitId, week, false);
    },
  };
}
