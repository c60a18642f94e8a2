/**
 * Runs the conflict analysis on mirror data – offline like every read – and
 * keeps the latest result per BU week. After a sync changes a unit, its
 * synced weeks are analysed again and the console is told (`analysis.updated`).
 */
import type Database from 'better-sqlite3';
import { analyze } from '../../../shared/analysis/analyze';
import { summarize, type WeekAnalysis } from '../../../shared/analysis/week-analysis';
import { loadAnalysisInput } from '../../mirror/analysis-input';
import { createWeekAnalysisStore } from '../../mirror/week-analyses';
import type { EventHub } from '../event-hub';

export interface AnalysisServiceDeps {
  db: Database.Database;
  events: EventHub;
  now?: () => Date;
  viewerTimeZone?: string;
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;

export function createAnalysisService(deps: AnalysisServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const viewerTimeZone = deps.viewerTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const store = createWeekAnalysisStore(deps.db);

  function run(businessUnitId: string, week: string): WeekAnalysis {
    const input = loadAnalysisInput(deps.db, businessUnitId, week, { now: now().toISOString(), viewerTimeZone });
    if (!input) throw new Error('This business unit has not been synced on this machine yet. Sync it on the Schedules screen (or `publish-desk sync`), then analyse.');
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
    run,
    /** The stored analysis, or a fresh run when there is none. */
    latest: (businessUnitId: string, week: string): WeekAnalysis => store.load(businessUnitId, week) ?? run(businessUnitId, week),
    /** After a sync: analyse the weeks it wrote and push the counts. */
    afterSync(profileId: string, businessUnitId: string, weeks: string[]): void {
      for (const week of weeks) {
        const analysis = run(businessUnitId, week);
        deps.events.emit('analysis.updated', { profileId, businessUnitId, week, ...summarize(analysis.findings) });
      }
    },
  };
}
