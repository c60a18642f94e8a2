/**
 * The analysis input of one BU week, read from the mirror alone (so the
 * analysis runs offline): every schedule covering the week, its shifts with
 * activities and full-day time off, the time-off requests around those dates
 * and the script sessions last seen active. Shapes are shared/analysis's.
 */
import type Database from 'better-sqlite3';
import type { AnalysisInput, ScriptSessionInput, ShiftInput } from '../../shared/analysis/types';
import { addDays } from './sync/business-unit-weeks';

export type MirroredWeek = AnalysisInput;

export interface AnalysisContext {
  /** The analysis never reads the clock: "now" comes in (ISO instant). */
  now: string;
  viewerTimeZone: string;
}

const bool = (n: number) => n === 1;

/** null when the unit was never synced (its zone is unknown, so nothing could be placed in time). */
export function loadAnalysisInput(
  db: Database.Database,
  businessUnitId: string,
  weekDate: string,
  context: AnalysisContext,
): MirroredWeek | null {
  const timeZone = db
    .prepare('SELECT time_zone FROM business_units WHERE id = ? AND time_zone IS NOT NULL LIMIT 1')
    .pluck()
    .get(businessUnitId) as string | undefined;
  if (!timeZone) return null;
  const all = <T>(sql: string, params: Record<string, unknown>) => db.prepare(sql).all(params) as T[];
  const p = { bu: businessUnitId, week: weekDate, weekEnd: addDays(weekDate, 6), zone: timeZone };
  // Schedules covering the week: a schedule of weekCount weeks covers [weekDate, weekDate + 7·weekCount).
  const inWeek = `SELECT id FROM schedules WHERE business_unit_id = @bu AND week_date <= @week AND date(week_date, '+' || (week_count * 7) || ' days') > @week`;

  const schedules = all<{ id: string; weekDate: string; weekCount: number; published: number }>(
    `SELECT id, week_date AS weekDate, week_count AS weekCount, published FROM schedules WHERE id IN (${inWeek}) ORDER BY week_date, id`,
    p,
  ).map((s) => ({ ...s, published: bool(s.published) }));

  const shiftRows = all<{
    key: number;
    id: string | null;
    scheduleId: string;
    agentId: string;
    startDate: string;
    lengthMinutes: number;
  }>(
    `SELECT key, id, schedule_id AS scheduleId, agent_id AS agentId, start_date AS startDate, length_minutes AS lengthMinutes
     FROM shifts WHERE schedule_id IN (${inWeek}) ORDER BY schedule_id, agent_id, start_ms`,
    p,
  );
  const activities = new Map<number, ShiftInput['activities']>();
  for (const a of all<{ shiftKey: number; startMs: number; lengthMinutes: number; activityCodeId: string }>(
    `SELECT a.shift_key AS shiftKey, a.start_ms AS startMs, a.length_minutes AS lengthMinutes, a.activity_code_id AS activityCodeId
     FROM activities a JOIN shifts s ON s.key = a.shift_key WHERE s.schedule_id IN (${inWeek}) ORDER BY a.shift_key, a.seq`,
    p,
  )) {
    const list = activities.get(a.shiftKey) ?? [];
    list.push({
      startDate: new Date(a.startMs).toISOString(),
      lengthMinutes: a.lengthMinutes,
      activityCodeId: a.activityCodeId,
    });
    activities.set(a.shiftKey, list);
  }
  // A shift Genesys sent without an id gets the mirror's key, so findings can still name it.
  const shifts: ShiftInput[] = shiftRows.map(({ key, id, ...s }) => ({
    id: id ?? `mirror-shift-${key}`,
    ...s,
    activities: activities.get(key) ?? [],
  }));

  const agents = all<{ id: string; name: string; managementUnitId: string }>(
    `SELECT a.id, a.name, coalesce(a.management_unit_id, (SELECT s.management_unit_id FROM agent_schedules s WHERE s.agent_id = a.id LIMIT 1), '') AS managementUnitId
     FROM agents a WHERE a.business_unit_id = @bu OR a.id IN (SELECT agent_id FROM agent_schedules WHERE schedule_id IN (${inWeek})) ORDER BY a.name, a.id`,
    p,
  );

  const requests = all<{
    id: string;
    agentId: string;
    status: string;
    isFullDay: number;
    dates: string;
    partials: string;
    dailyDurationMinutes: number;
  }>(
    `SELECT r.id, r.agent_id AS agentId, r.status, r.is_full_day AS isFullDay, r.dates_json AS dates, r.partial_starts_json AS partials,
       r.daily_duration_minutes AS dailyDurationMinutes
     FROM time_off_requests r JOIN management_units m ON m.id = r.management_unit_id
     WHERE m.business_unit_id = @bu AND r.first_date <= date(@weekEnd, '+1 day') AND r.last_date >= date(@week, '-1 day') ORDER BY r.id`,
    p,
  ).map(({ dates, partials, isFullDay, ...r }) => ({
    ...r,
    isFullDay: bool(isFullDay),
    fullDayDates: JSON.parse(dates) as string[],
    partialStarts: JSON.parse(partials) as string[],
  }));

  return {
    businessUnit: { id: businessUnitId, timeZone },
    managementUnits: all(
      `SELECT id, name, coalesce(time_zone, @zone) AS timeZone FROM management_units WHERE business_unit_id = @bu ORDER BY name, id`,
      p,
    ),
    viewerTimeZone: context.viewerTimeZone,
    agents,
    activityCodes: all(
      `SELECT id, name, coalesce(category, '') AS category FROM activity_codes WHERE business_unit_id = @bu ORDER BY id`,
      p,
    ),
    schedules,
    shifts,
    fullDayTimeOff: all(
      `SELECT agent_id AS agentId, schedule_id AS scheduleId, business_unit_date AS businessUnitDate, coalesce(start_offset_minutes, 0) AS startOffsetMinutes,
         length_minutes AS lengthMinutes FROM full_day_time_off WHERE schedule_id IN (${inWeek}) ORDER BY schedule_id, agent_id, seq`,
      p,
    ),
    timeOffRequests: requests,
    // Sessions still open when last seen, of this unit's agents; the analysis decides what "now" makes of them.
    scriptSessions: all<ScriptSessionInput>(
      `SELECT agent_id AS agentId, conversation_id AS conversationId, coalesce(start, seen_at) AS start, "end"
       FROM script_sessions WHERE "end" IS NULL AND agent_id IN (SELECT id FROM agents WHERE business_unit_id = @bu) ORDER BY conversation_id`,
      p,
    ),
    now: context.now,
  };
}
