/**
 * Runs the conflict analysis on mirror data – offline like every read – and
 * keeps the latest result per BU week. The analysis itself runs on the heavy
 * worker, off the services' loop. After a sync changes a unit, the worker
 * analyses its synced weeks again and the console is told (`analysis.updated`).
 * Pending edits are in every result: a full run analyses the schedules as
 * edited, and after each change to a change set (`edits.changed`) only the
 * agents it touched are analysed again, on the worker too, where the
 * analysed week is kept (edit-follower.ts, kept-weeks.ts).
 */
import type Database from 'better-sqlite3';
import type { AnalysisUpdate, WeekAnalysis } from '../../../shared/analysis/week-analysis';
import type { OpsEvents } from '../../../shared/contract';
import { weekProblem } from '../../../shared/time/business-week';
import { badInput } from '../../../shared/ops-error';
import { mirroredWeeks } from '../../mirror/mirrored-weeks';
import { createWeekAnalysisStore } from '../../mirror/week-analyses';
import type { EventHub } from '../event-hub';
import type { HeavyWork } from '../heavy/heavy-work';
import { createEditFollower } from './edit-follower';
import { notSynced } from './week-runner';

export interface AnalysisServiceDeps {
  db: Database.Database;
  events: EventHub;
  heavy: HeavyWork;
  now?: () => Date;
  viewerTimeZone?: string;
  /** How long an edit may wait for its findings before they are left to arrive later (edit-follower.ts). */
  followWaitMs?: number;
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;

export function createAnalysisService(deps: AnalysisServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const viewerTimeZone = deps.viewerTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const store = createWeekAnalysisStore(deps.db);
  const follower = createEditFollower({
    db: deps.db,
    heavy: deps.heavy,
    clock: () => ({ now: now().toISOString(), viewerTimeZone }),
    announce: (update) => deps.events.emit('analysis.updated', update),
    ...(deps.followWaitMs !== undefined ? { waitMs: deps.followWaitMs } : {}),
  });
  // Every change set change, from any window or the CLI in this process, reaches the hub first.
  deps.events.attach((name, payload) => {
    if (name !== 'edits.changed') return;
    const { businessUnitId, scheduleId, agentsChanged } = payload as OpsEvents['edits.changed'];
    follower.changed(businessUnitId, scheduleId, agentsChanged);
  });

  /**
   * A week to analyse must be a real first day of this unit's week with a mirrored schedule;
   * anything else would be analysed as empty and reported clean.
   */
  function checkWeek(businessUnitId: string, week: string): void {
    const mirrored = mirroredWeeks(deps.db, businessUnitId);
    if (!mirrored) throw badInput(notSynced);
    const problem = weekProblem(week, mirrored.startDayOfWeek);
    if (problem) throw badInput(problem);
    if (!mirrored.weeks.includes(week)) {
      const known = mirrored.weeks.length
        ? `Mirrored weeks: ${mirrored.weeks.join(', ')}.`
        : 'No week of this unit is mirrored yet.';
      throw badInput(
        `No schedule for the week of ${week} is mirrored on this machine, so there is nothing to check. Sync that week first (Schedules screen, or \`publish-desk sync\`). ${known}`,
      );
    }
  }

  const run = (businessUnitId: string, week: string): Promise<WeekAnalysis> =>
    deps.heavy.analyse(businessUnitId, week, { now: now().toISOString(), viewerTimeZone });

  return {
    viewerTimeZone,
    /** A fresh run of the week's analysis, stored. */
    async run(businessUnitId: string, week: string): Promise<WeekAnalysis> {
      checkWeek(businessUnitId, week);
      return run(businessUnitId, week);
    },
    /** The stored analysis, or a fresh run when there is none. */
    async latest(businessUnitId: string, week: string): Promise<WeekAnalysis> {
      checkWeek(businessUnitId, week);
      // Edits whose findings are still on their way are waited for: the answer includes every edit made before it.
      await follower.settled();
      if (follower.behind(businessUnitId, week)) return run(businessUnitId, week);
      return store.load(businessUnitId, week) ?? run(businessUnitId, week);
    },
    /** Every edit so far followed: findings stored and announced. */
    followed(): Promise<void> {
      return follower.settled();
    },
    /** After a sync: push the counts of the weeks the worker analysed again. */
    announce(updates: AnalysisUpdate[]): void {
      for (const update of updates) deps.events.emit('analysis.updated', update);
    },
  };
}
