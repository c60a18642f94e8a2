/** Which weeks of a business unit the mirror holds a schedule for, and the unit's week start: what a week argument is checked against. */
import type Database from 'better-sqlite3';
import { addDays } from './sync/business-unit-weeks';

export interface MirroredWeeks {
  startDayOfWeek: string;
  /** Every week some mirrored schedule covers (a schedule of weekCount weeks covers weekCount weeks), ascending. */
  weeks: string[];
}

/** null when the unit was never synced on this machine. */
export function mirroredWeeks(db: Database.Database, businessUnitId: string): MirroredWeeks | null {
  const unit = db
    .prepare(
      'SELECT start_day_of_week AS startDayOfWeek FROM business_units WHERE id = ? AND time_zone IS NOT NULL LIMIT 1',
    )
    .get(businessUnitId) as { startDayOfWeek: string | null } | undefined;
  if (!unit) return null;
  const rows = db
    .prepare('SELECT DISTINCT week_date AS weekDate, week_count AS weekCount FROM schedules WHERE business_unit_id = ?')
    .all(businessUnitId) as Array<{
    weekDate: string;
    weekCount: number;
  }>;
  const weeks = new Set<string>();
  for (const r of rows) for (let i = 0; i < Math.max(1, r.weekCount); i++) weeks.add(addDays(r.weekDate, 7 * i));
  return { startDayOfWeek: unit.startDayOfWeek ?? 'Monday', weeks: [...weeks].sort() };
}
