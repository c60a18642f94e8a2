/**
 * One run of a week's analysis against a mirror connection: read the week,
 * analyse it (pure, shared/analysis) and store the result. Used by the heavy
 * worker (its own connection) and, where no worker runs, by the service.
 */
import type Database from 'better-sqlite3';
import { analyze } from '../../../shared/analysis/analyze';
import type { WeekAnalysis } from '../../../shared/analysis/week-analysis';
import { badInput } from '../../../shared/ops-error';
import { loadAnalysisInput } from '../../mirror/analysis-input';
import { createWeekAnalysisStore } from '../../mirror/week-analyses';

export const notSynced =
  'This business unit has not been synced on this machine yet. Sync it on the Schedules screen (or `publish-desk sync`), then analyse.';

export function runWeekAnalysis(
  db: Database.Database,
  businessUnitId: string,
  week: string,
  ctx: { now: string; viewerTimeZone: string },
): WeekAnalysis {
  const input = loadAnalysisInput(db, businessUnitId, week, ctx);
  if (!input) throw badInput(notSynced);
  const analysis: WeekAnalysis = {
    businessUnit: { id: businessUnitId, timeZone: input.businessUnit.timeZone },
    week,
    findings: analyze(input),
    analysedAt: ctx.now,
  };
  createWeekAnalysisStore(db).save(analysis);
  return analysis;
}
