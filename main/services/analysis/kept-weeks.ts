/**
 * The analysed weeks the heavy worker keeps in memory so findings can follow
 * every edit without a full pass (edited-week.ts). A week is built by a full
 * analysis – after a sync, on `analysis.rerun`, or on the first edit that
 * needs it – and from then on each change to a change set costs only the
 * agents whose pending week moved. All of it runs on the worker's thread and
 * connection: the services only post "schedule S's edits changed" and store
 * and announce what comes back.
 *
 * A kept week stands for the mirror as it was built on. The worker cannot
 * use `PRAGMA data_version` for that (the services commit every edit on
 * their connection), so it remembers the unit's latest sync run instead:
 * any sync, by this worker or another process, moves it. While this worker
 * is syncing the unit the old week keeps following edits; the sync's own
 * analyses replace it when they are done.
 */
import type Database from 'better-sqlite3';
import type { WeekAnalysis } from '../../../shared/analysis/week-analysis';
import { prepared } from '../../mirror/statement-cache';
import { addDays } from '../../mirror/sync/business-unit-weeks';
import { createWeekAnalysisStore } from '../../mirror/week-analyses';
import { analyseEditedWeek, followPendingEdits, weekAnalysisOf, type EditedWeek } from './edited-week';

/** A few weeks of a unit or two; each holds the week's analysis input and findings. */
const maxWeeks = 4;

export interface AnalysisClock {
  now: string;
  viewerTimeZone: string;
}

/** A week whose findings moved: what the services store and announce. */
export interface FollowedWeek {
  profileId: string;
  analysis: WeekAnalysis;
}

interface Kept {
  edited: EditedWeek;
  /** The unit's latest sync run when the week was built. */
  stamp: string;
}

export type KeptWeeks = ReturnType<typeof createKeptWeeks>;

export function createKeptWeeks(db: Database.Database) {
  const store = createWeekAnalysisStore(db);
  const weeks = new Map<string, Kept>();
  /** Units this worker is syncing now (how many syncs of each). */
  const syncing = new Map<string, number>();
  const keyOf = (businessUnitId: string, week: string) => `${businessUnitId}\u0000${week}`;

  /** Moves when any connection starts or ends a sync of the unit (the only writer of its mirrored rows). */
  function stampOf(businessUnitId: string): string {
    const row = prepared(db, 'SELECT id, status FROM sync_runs WHERE business_unit_id = ? ORDER BY id DESC LIMIT 1')
      .raw()
      .get(businessUnitId) as [number, string] | undefined;
    return row ? `${row[0]}:${row[1]}` : '';
  }

  function keep(key: string, kept: Kept): void {
    weeks.delete(key);
    if (weeks.size >= maxWeeks) weeks.delete(weeks.keys().next().value!);
    weeks.set(key, kept);
  }

  /** The kept week if the mirror under it still stands (or this worker is rewriting it right now). */
  function standing(businessUnitId: string, week: string): Kept | null {
    const kept = weeks.get(keyOf(businessUnitId, week));
    if (!kept) return null;
    if (syncing.has(businessUnitId) || kept.stamp === stampOf(businessUnitId)) return kept;
    weeks.delete(keyOf(businessUnitId, week));
    return null;
  }

  function build(businessUnitId: string, week: string, clock: AnalysisClock): EditedWeek {
    const stamp = stampOf(businessUnitId);
    const edited = analyseEditedWeek(db, businessUnitId, week, clock);
    keep(keyOf(businessUnitId, week), { edited, stamp });
    return edited;
  }

  /** Brought up to the change sets as they are now; null when nothing moved. */
  function advance(kept: Kept, key: string): EditedWeek | null {
    const next = followPendingEdits(db, kept.edited);
    if (next === kept.edited) return null;
    keep(key, { ...kept, edited: next });
    return next;
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

  return {
    /** A full analysis of the week as edited, stored on this connection and kept for the edits that follow. */
    analyse(businessUnitId: string, week: string, clock: AnalysisClock): WeekAnalysis {
      const analysis = weekAnalysisOf(build(businessUnitId, week, clock), clock.now);
      store.save(analysis);
      return analysis;
    },

    /**
     * After a schedule's change set changed: each of its weeks brought up to
     * it (built in full the first time), those whose findings moved returned.
     * A week that cannot be followed (a change set this build cannot read) is
     * forgotten, so the next full run says why.
     */
    follow(businessUnitId: string, scheduleId: string, clock: AnalysisClock): FollowedWeek[] {
      const schedule = scheduleWeeks(businessUnitId, scheduleId);
      if (!schedule) return [];
      const moved: FollowedWeek[] = [];
      for (const week of schedule.weeks) {
        const key = keyOf(businessUnitId, week);
        try {
          const kept = standing(businessUnitId, week);
          const next = kept ? advance(kept, key) : build(businessUnitId, week, clock);
          if (next) moved.push({ profileId: schedule.profileId, analysis: weekAnalysisOf(next, clock.now) });
        } catch {
          weeks.delete(key);
        }
      }
      return moved;
    },

    /** While this worker syncs the unit, its kept weeks keep following edits (the sync's analyses replace them). */
    syncStarted(businessUnitId: string): void {
      syncing.set(businessUnitId, (syncing.get(businessUnitId) ?? 0) + 1);
    },
    /** A sync that wrote no mirrored row leaves the unit's weeks standing: they are stamped with its run. */
    syncEnded(businessUnitId: string, mirrorChanged: boolean): void {
      const left = (syncing.get(businessUnitId) ?? 1) - 1;
      if (left > 0) syncing.set(businessUnitId, left);
      else syncing.delete(businessUnitId);
      if (mirrorChanged || left > 0) return;
      const stamp = stampOf(businessUnitId);
      for (const [key, kept] of weeks)
        if (kept.edited.businessUnitId === businessUnitId) weeks.set(key, { ...kept, stamp });
    },
  };
}
