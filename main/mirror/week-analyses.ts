/** Stored analyses of BU weeks: written after each run, read by the console and the CLI. */
import type Database from 'better-sqlite3';
import type { WeekAnalysis } from '../../shared/analysis/week-analysis';

export function createWeekAnalysisStore(db: Database.Database) {
  const put = db.prepare(`INSERT INTO week_analyses (business_unit_id, week_date, time_zone, analysed_at, findings_json)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT (business_unit_id, week_date) DO UPDATE SET time_zone = excluded.time_zone,
    analysed_at = excluded.analysed_at, findings_json = excluded.findings_json`);
  const get = db.prepare<[string, string], { timeZone: string; analysedAt: string; findings: string }>(
    `SELECT time_zone AS timeZone, analysed_at AS analysedAt, findings_json AS findings FROM week_analyses WHERE business_unit_id = ? AND week_date = ?`,
  );
  return {
    save(a: WeekAnalysis): void {
      put.run(a.businessUnit.id, a.week, a.businessUnit.timeZone, a.analysedAt, JSON.stringify(a.findings));
    },
    load(businessUnitId: string, week: string): WeekAnalysis | null {
      const row = get.get(businessUnitId, week);
      if (!row) return null;
      return {
        businessUnit: { id: businessUnitId, timeZone: row.timeZone },
        week,
        findings: JSON.parse(row.findings),
        analysedAt: row.analysedAt,
      };
    },
  };
}
