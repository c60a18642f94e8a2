/**
 * Staffing requirements in the mirror: the short-term forecast each
 * mirrored schedule names, and each forecast's required staff per interval
 * (summed over planning groups, and per group), per BU week. A forecast is
 * written whole in one transaction, so a reader sees it all or not at all.
 *
 * The reader answers on the coverage grid: 15-minute intervals from BU-local
 * midnight of the week to local midnight seven days later (668 or 676 in a
 * week with a DST change). Genesys sends `intervalLengthMinutes` with the
 * values; any length other than 15, or a start off that grid, is mapped by
 * time: each quarter hour gets the time-weighted mean of the values that
 * cover it (a 30- or 60-minute value repeats over its quarter hours; 5-minute
 * values are averaged in threes). Required staff is a level over time, not a
 * volume, so it is averaged, never split.
 */
import type Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import type { StaffingRequirement } from '../genesys/client/api';
import { prepared } from './statement-cache';
import { addDays } from './sync/business-unit-weeks';

export const requirementIntervalMinutes = 15;
const minuteMs = 60_000;

export interface ForecastLink {
  scheduleId: string;
  /** The schedule's `shortTermForecast`; null when it names none. */
  forecast: { id: string; weekDate: string } | null;
}

export interface StaffingSnapshot {
  businessUnitId: string;
  requirement: StaffingRequirement;
  /** The BU's zone: week N of a forecast starts N weeks of wall clock after its reference start. */
  timeZone: string;
  fetchedAt: string;
}

/** What `staffingRequirement` answers: index for index with the coverage of the same BU week. */
export interface MirroredStaffingRequirement {
  forecastId: string;
  /** The BU week, its first day (yyyy-MM-dd). */
  week: string;
  /** Epoch ms of the first interval: BU-local midnight of `week`. */
  startMs: number;
  intervalMinutes: number;
  /** Required staff per interval, summed over the planning groups. */
  required: number[];
  /** The same, per planning group. */
  planningGroups: Array<{ planningGroupId: string; required: number[] }>;
}

/** Which requirement: a week's (its published schedule's forecast first), or a schedule's, for its first week or `week`. */
export type StaffingTarget = { week: string } | { scheduleId: string; week?: string };

const clean = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Genesys says nothing of where week numbers start. When every week of the
 * forecast is there (the sync asks for all), 0…n-1 or 1…n tell: a result
 * numbered n with none numbered 0 counts from 1.
 */
function firstWeekNumber(requirement: StaffingRequirement): number {
  const numbers = requirement.weeks.map((w) => w.weekNumber);
  return !numbers.includes(0) && numbers.includes(requirement.weekCount) ? 1 : 0;
}

export function createStaffingStore(db: Database.Database) {
  const upsertLink =
    db.prepare(`INSERT INTO schedule_forecasts (schedule_id, business_unit_id, forecast_id, forecast_week_date)
    VALUES (?, ?, ?, ?) ON CONFLICT (schedule_id) DO UPDATE SET business_unit_id = excluded.business_unit_id,
    forecast_id = excluded.forecast_id, forecast_week_date = excluded.forecast_week_date
    WHERE forecast_id IS NOT excluded.forecast_id OR forecast_week_date IS NOT excluded.forecast_week_date`);
  const dropLink = db.prepare('DELETE FROM schedule_forecasts WHERE schedule_id = ?');
  const mirrored = db
    .prepare('SELECT 1 FROM staffing_forecasts WHERE business_unit_id = ? AND forecast_id = ?')
    .pluck();
  const removeForecast = db.prepare('DELETE FROM staffing_forecasts WHERE business_unit_id = ? AND forecast_id = ?');
  const forecast =
    db.prepare(`INSERT INTO staffing_forecasts (business_unit_id, forecast_id, week_date, week_count, description,
    reference_start_date, interval_length_minutes, state, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const week =
    db.prepare(`INSERT INTO staffing_requirements (business_unit_id, forecast_id, week_number, week_date, start_ms,
    interval_length_minutes, interval_count, required_json, planning_groups_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const dropStaleLinks = db.prepare(
    'DELETE FROM schedule_forecasts WHERE business_unit_id = ? AND schedule_id NOT IN (SELECT id FROM schedules)',
  );
  const dropUnnamed = db.prepare(`DELETE FROM staffing_forecasts WHERE business_unit_id = @bu
    AND forecast_id NOT IN (SELECT forecast_id FROM schedule_forecasts WHERE business_unit_id = @bu)`);

  return {
    /** Records which forecast each schedule names (none: the link goes). Returns how many links changed. */
    link: db.transaction((businessUnitId: string, links: readonly ForecastLink[]): number => {
      let changes = 0;
      for (const l of links) {
        changes += l.forecast
          ? upsertLink.run(l.scheduleId, businessUnitId, l.forecast.id, l.forecast.weekDate).changes
          : dropLink.run(l.scheduleId).changes;
      }
      return changes;
    }),

    isMirrored(businessUnitId: string, forecastId: string): boolean {
      return mirrored.get(businessUnitId, forecastId) !== undefined;
    },

    /** One forecast, every week of it, replacing any previous copy: one transaction. */
    write: db.transaction((snapshot: StaffingSnapshot): void => {
      const { businessUnitId, requirement: r, timeZone, fetchedAt } = snapshot;
      const forecastId = r.forecast.id;
      removeForecast.run(businessUnitId, forecastId);
      forecast.run(
        businessUnitId,
        forecastId,
        r.forecast.weekDate,
        r.weekCount,
        r.forecast.description ?? null,
        r.referenceStartDate,
        r.intervalLengthMinutes,
        r.state,
        fetchedAt,
      );
      const reference = DateTime.fromMillis(Date.parse(r.referenceStartDate), { zone: timeZone });
      const base = firstWeekNumber(r);
      for (const w of r.weeks) {
        const offset = w.weekNumber - base;
        const count = Math.max(0, ...w.planningGroups.map((g) => g.staffingRequirementsPerInterval.length));
        const sum = Array.from({ length: count }, (_, i) =>
          clean(w.planningGroups.reduce((n, g) => n + (g.staffingRequirementsPerInterval[i] ?? 0), 0)),
        );
        week.run(
          businessUnitId,
          forecastId,
          w.weekNumber,
          addDays(r.forecast.weekDate, 7 * offset),
          reference.plus({ weeks: offset }).toMillis(),
          r.intervalLengthMinutes,
          count,
          JSON.stringify(sum),
          JSON.stringify(
            w.planningGroups.map((g) => ({
              planningGroupId: g.planningGroupId,
              required: g.staffingRequirementsPerInterval,
            })),
          ),
        );
      }
    }),

    /** Drops links of schedules no longer mirrored, then forecasts no mirrored schedule names. Returns forecasts dropped. */
    prune: db.transaction((businessUnitId: string): number => {
      dropStaleLinks.run(businessUnitId);
      return dropUnnamed.run({ bu: businessUnitId }).changes;
    }),
  };
}

export type StaffingStore = ReturnType<typeof createStaffingStore>;

interface WeekRow {
  startMs: number;
  intervalLength: number;
  count: number;
  requiredJson: string;
  groupsJson: string;
}

/** The forecast a target names, and which BU week of it. */
function resolve(db: Database.Database, businessUnitId: string, target: StaffingTarget) {
  if ('scheduleId' in target) {
    const row = prepared(
      db,
      `SELECT l.forecast_id, s.week_date FROM schedule_forecasts l JOIN schedules s ON s.id = l.schedule_id
       WHERE l.schedule_id = ? AND l.business_unit_id = ?`,
    )
      .raw()
      .get(target.scheduleId, businessUnitId) as [string, string] | undefined;
    return row ? { forecastId: row[0], week: target.week ?? row[1] } : null;
  }
  // The schedules covering the week, the published one first, whose forecast has this week mirrored.
  const forecastId = prepared(
    db,
    `SELECT l.forecast_id FROM schedules s JOIN schedule_forecasts l ON l.schedule_id = s.id
     WHERE s.business_unit_id = @bu AND s.week_date <= @week AND date(s.week_date, '+' || (7 * s.week_count) || ' days') > @week
       AND EXISTS (SELECT 1 FROM staffing_requirements r WHERE r.business_unit_id = @bu AND r.forecast_id = l.forecast_id AND r.week_date = @week)
     ORDER BY s.published DESC, s.modified_at DESC, s.id LIMIT 1`,
  )
    .pluck()
    .get({ bu: businessUnitId, week: target.week }) as string | undefined;
  return forecastId ? { forecastId, week: target.week } : null;
}

/**
 * Values of intervals of `length` minutes from `fromMs`, on a grid of
 * `count` intervals of `step` minutes from `startMs`: each grid interval
 * gets the time-weighted mean of the values covering it (0 where none do).
 */
export function onGrid(
  values: readonly number[],
  fromMs: number,
  length: number,
  startMs: number,
  step: number,
  count: number,
): number[] {
  const src = length * minuteMs;
  const dst = step * minuteMs;
  if (src === dst && fromMs === startMs && values.length === count) return [...values];
  return Array.from({ length: count }, (_, i) => {
    const a = startMs + i * dst;
    const b = a + dst;
    let weighted = 0;
    let covered = 0;
    const first = Math.max(0, Math.floor((a - fromMs) / src));
    for (let j = first; j < values.length; j++) {
      const s = fromMs + j * src;
      if (s >= b) break;
      const overlap = Math.min(b, s + src) - Math.max(a, s);
      if (overlap <= 0) continue;
      weighted += values[j]! * overlap;
      covered += overlap;
    }
    return covered > 0 ? clean(weighted / covered) : 0;
  });
}

/**
 * The mirrored staffing requirement of a BU week, on the coverage grid
 * (15-minute intervals from BU-local midnight of the week): for `{week}`,
 * from the forecast of the week's schedules (the published one first); for
 * `{scheduleId, week?}`, from that schedule's forecast, for its first week
 * or `week`. Null when no such forecast, or that week of it, is mirrored.
 */
export function staffingRequirement(
  db: Database.Database,
  businessUnitId: string,
  target: StaffingTarget,
): MirroredStaffingRequirement | null {
  const found = resolve(db, businessUnitId, target);
  if (!found) return null;
  const row = prepared(
    db,
    `SELECT start_ms AS startMs, interval_length_minutes AS intervalLength, interval_count AS count,
       required_json AS requiredJson, planning_groups_json AS groupsJson
     FROM staffing_requirements WHERE business_unit_id = ? AND forecast_id = ? AND week_date = ?`,
  ).get(businessUnitId, found.forecastId, found.week) as WeekRow | undefined;
  if (!row) return null;
  const timeZone = prepared(db, 'SELECT time_zone FROM business_units WHERE id = ? AND time_zone IS NOT NULL LIMIT 1')
    .pluck()
    .get(businessUnitId) as string | undefined;
  const step = requirementIntervalMinutes;
  let startMs = row.startMs;
  let count = Math.ceil((row.count * row.intervalLength) / step);
  if (timeZone) {
    const midnight = DateTime.fromISO(found.week, { zone: timeZone }).startOf('day');
    startMs = midnight.toMillis();
    count = Math.round((midnight.plus({ days: 7 }).toMillis() - startMs) / (step * minuteMs));
  }
  const map = (values: readonly number[]) => onGrid(values, row.startMs, row.intervalLength, startMs, step, count);
  const groups = JSON.parse(row.groupsJson) as Array<{ planningGroupId: string; required: number[] }>;
  return {
    forecastId: found.forecastId,
    week: found.week,
    startMs,
    intervalMinutes: step,
    required: map(JSON.parse(row.requiredJson) as number[]),
    planningGroups: groups.map((g) => ({ planningGroupId: g.planningGroupId, required: map(g.required) })),
  };
}
