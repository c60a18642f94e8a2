/** The names and categories the timeline labels with: the unit's management units and activity codes, as last synced. */
import type Database from 'better-sqlite3';
import type { TimelineLegend } from '../../../shared/timeline';
import { prepared } from '../statement-cache';

export function readLegend(db: Database.Database, businessUnitId: string): TimelineLegend {
  return {
    managementUnits: prepared(
      db,
      'SELECT id, name, time_zone AS timeZone FROM management_units WHERE business_unit_id = ? ORDER BY name COLLATE NOCASE, id',
    ).all(businessUnitId) as TimelineLegend['managementUnits'],
    activityCodes: prepared(
      db,
      `SELECT id, name, coalesce(category, '') AS category FROM activity_codes WHERE business_unit_id = ? ORDER BY name COLLATE NOCASE, id`,
    ).all(businessUnitId) as TimelineLegend['activityCodes'],
  };
}
