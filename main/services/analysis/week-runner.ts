/**
 * One run of a week's analysis against a mirror connection: read the week,
 * analyse it (pure, shared/analysis) with its schedules' pending edits in
 * (edited-week.ts: findings are always of the schedule as edited), and store
 * the result, keeping nothing. The heavy worker analyses through
 * kept-weeks.ts instead (the same pass, kept for the edits that follow);
 * this is the one-off on a connection of its own (tests, benches).
 */
import type Database from 'better-sqlite3';
import type { WeekAnalysis } from '../../../shared/analysis/week-analysis';
import { createWeekAnalysisStore } from '../../mirror/week-analyses';
import { analyseEditedWeek, weekAnalysisOf } from './edited-week';

export { notSynced } from './edited-week';

export function runWeekAnalysis(
  db: Database.Database,
  businessUnitId: string,
  week: string,
  ctx: { now: string; viewerTimeZone: string },
): WeekAnalysis {
  const analysis = weekAnalysisOf(analyseEditedWeek(db, businessUnitId, week, ctx), ctx.now);
  createWeekAnalysisStore(db).save(analysis);
  return analysis;
}
