/**
 * Time-off requests in the mirror (approved and pending). A sync asks for a
 * date range per management unit and replaces exactly the requests that
 * touch that range: one denied or cancelled since then disappears.
 */
import type Database from 'better-sqlite3';
import type { TimeOffRequestListItem } from '../genesys/client/schemas';

/** The days a request touches: MU-local dates, partial days by the date of their UTC start (as the query filters them). */
export function requestDays(
  r: Pick<TimeOffRequestListItem, 'fullDayManagementUnitDates' | 'partialDayStartDateTimes'>,
): string[] {
  return [...r.fullDayManagementUnitDates, ...r.partialDayStartDateTimes.map((d) => d.slice(0, 10))].sort();
}

export function createTimeOffStore(db: Database.Database) {
  const candidates = db.prepare<
    [string, string, string],
    { id: string; dates_json: string; partial_starts_json: string }
  >(
    `SELECT id, dates_json, partial_starts_json FROM time_off_requests WHERE management_unit_id = ? AND first_date <= ? AND last_date >= ?`,
  );
  const remove = db.prepare('DELETE FROM time_off_requests WHERE id = ?');
  const upsert =
    db.prepare(`INSERT INTO time_off_requests (id, management_unit_id, agent_id, status, is_full_day, activity_code_id,
      dates_json, partial_starts_json, daily_duration_minutes, first_date, last_date, version, fetched_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET management_unit_id = excluded.management_unit_id, agent_id = excluded.agent_id, status = excluded.status,
      is_full_day = excluded.is_full_day, activity_code_id = excluded.activity_code_id, dates_json = excluded.dates_json,
      partial_starts_json = excluded.partial_starts_json, daily_duration_minutes = excluded.daily_duration_minutes,
      first_date = excluded.first_date, last_date = excluded.last_date, version = excluded.version, fetched_at = excluded.fetched_at`);

  return {
    /** `requests` is the full answer for [firstDate, lastDate] (it may reach a little beyond: those are kept too). */
    replaceRange: db.transaction(
      (
        managementUnitId: string,
        firstDate: string,
        lastDate: string,
        requests: readonly TimeOffRequestListItem[],
        fetchedAt: string,
      ) => {
        for (const row of candidates.all(managementUnitId, lastDate, firstDate)) {
          const days = requestDays({
            fullDayManagementUnitDates: JSON.parse(row.dates_json),
            partialDayStartDateTimes: JSON.parse(row.partial_starts_json),
          });
          // Bounds overlap is not enough: a request of scattered days may skip the range entirely (and was not asked for).
          if (days.some((d) => d >= firstDate && d <= lastDate)) remove.run(row.id);
        }
        for (const r of requests) {
          const days = requestDays(r);
          if (days.length === 0) continue;
          upsert.run(
            r.id,
            managementUnitId,
            r.user.id,
            r.status,
            r.isFullDayRequest ? 1 : 0,
            r.activityCodeId,
            JSON.stringify(r.fullDayManagementUnitDates),
            JSON.stringify(r.partialDayStartDateTimes),
            r.dailyDurationMinutes,
            days[0],
            days.at(-1),
            r.metadata.version,
            fetchedAt,
          );
        }
      },
    ),
  };
}

export type TimeOffStore = ReturnType<typeof createTimeOffStore>;
