/**
 * Runs the conflict analysis on mirror data – offline like every read – and
 * keeps the latest result per BU week. After a sync changes a unit, its
 * synced weeks are analysed again and the console is told (`analysis.updated`).
 */
import type Database from 'better-sqlite3';
import { analyze } from '../../../shared/analysis/analyze';
import { summarize, type WeekAnalysis } from '../../../shared/analysis/week-analysis';
import { weekProblem } from '../../../shared/business-week';
import { loadAnalysisInput } from '../../mirror/analysis-input';
import { mirroredWeeks } from '../../mirror/mirrored-weeks';
import { createWeekAnalysisStore } from '../../mirror/week-analyses';
import type { EventHub } from '../event-hub';
import { badInput } from '../../../shared/ops-error';

export interface AnalysisServiceDeps {
  db: Database.Database;
  events: EventHub;
  now?: () => Date;
  viewerTimeZone?: string;
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;

const notSynced = 'This business unit has not been synced on this machine yet. Sync it on the Schedules screen (or `publish-desk sync`), then analyse.';

export function createAnalysisService(deps: AnalysisServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const viewerTimeZone = deps.viewerTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const store = createWeekAnalysisStore(deps.db);

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
      const known = mirrored.weeks.length ? `Mirrored weeks: ${mirrored.weeks.join(', ')}.` : 'No week of this unit is mirrored yet.';
      throw badInput(`No schedule for the week of ${week} is mirrored on this machine, so there is nothing to check. Sync that week first (Schedules screen, or \`publish-desk sync\`). ${known}`);
    }
  }

  function run(businessUnitId: string, week: string): WeekAnalysis {
    const input = loadAnalysisInput(deps.db, businessUnitId, week, { now: now().toISOString(), viewerTimeZone });
    if (!input) throw badInput(notSynced);
    const analysis: WeekAnalysis = {
      businessUnit: { id: businessUnitId, timeZone: input.businessUnit.timeZone },
      week,
      findings: analyze(input),
      analysedAt: now().toISOString(),
    };
    store.save(analysis);
    return analysis;
  }

  return {
    /** A fresh run of the week's analysis, stored. */
    run(businessUnitId: string, week: string): WeekAnalysis {
      checkWeek(businessUnitId, week);
      return run(businessUnitId, week);
    },
    /** The stored analysis, or a fresh run when there is none. */
    latest(businessUnitId: string, week: string): WeekAnalysis {
      checkWeek(businessUnitId, week);
      return store.load(businessUnitId, week) ?? run(businessUnitId, week);
    },
    /** After a sync: analyse the weeks it wrote that hold a schedule, and push the counts. */
    afterSync(profileId: string, businessUnitId: string, weeks: string[]): void {
      const mirrored = new Set(mirroredWeeks(deps.db, businessUnitId)?.weeks ?? []);
      for (const week of weeks.filter((w) => mirrored.has(w))) {
        const analysis = run(businessUnitId, week);
        deps.events.emit('analysis.updated', { profileId, businessUnitId, week, ...summarize(analysis.findings) });
      }
    },
  };
}
