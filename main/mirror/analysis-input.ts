/**
 * The analysis input of one BU week, read from the mirror alone (so the
 * analysis runs offline): every schedule covering the week, its shifts with
 * activities and full-day time off, the time-off requests around those dates
 * and the script sessions last seen active. Shapes are shared/analysis's.
 */
import type Database from 'better-sqlite3';
import type { ActivityInput, AnalysisInput, ScriptSessionInput, ShiftInput } from '../../shared/analysis/types';
import { addDays } from './sync/business-unit-weeks';
import { decodeAgentWeek, PackedWeekError, type DecodedShift } from './timeline/packed-week';

export type MirroredWeek = AnalysisInput;

export interface AnalysisContext {
  /** The analysis never reads the clock: "now" comes in (ISO instant). */
  now: string;
  viewerTimeZone: string;
}

const bool = (n: number) => n === 1;

type WeekParams = Record<string, unknown>;

/** ISO text of an instant, made once per instant: a week's 300,000 activities start at a few hundred quarter hours. */
function isoTexts(): (ms: number) => string {
  const texts = new Map<number, string>();
  return (ms) => {
    let text = texts.get(ms);
    if (text === undefined) texts.set(ms, (text = new Date(ms).toISOString()));
    return text;
  };
}

/**
 * Every shift's activities in order, by the shift's mirror key, from the
 * timeline's packed weeks (one blob per agent schedule, written in the same
 * transaction as the rows): a 5,000-agent week is ~330,000 activity rows,
 * whose reading and sorting was most of the week's load. null when a blob
 * cannot be read (the caller reads the rows instead).
 */
function packedActivities(db: Database.Database, p: WeekParams, inWeek: string): Map<number, ActivityInput[]> | null {
  const codes = new Map(
    (
      db.prepare(`SELECT id, activity_codes_json FROM schedules WHERE id IN (${inWeek})`).raw().all(p) as Array<
        [string, string]
      >
    ).map(([id, json]) => [id, JSON.parse(json) as string[]]),
  );
  const decoded: DecodedShift[] = [];
  try {
    for (const [scheduleId, packed] of db
      .prepare(`SELECT schedule_id, packed FROM timeline_weeks WHERE schedule_id IN (${inWeek})`)
      .raw()
      .iterate(p) as IterableIterator<[string, Buffer]>)
      decodeAgentWeek(packed, scheduleId, codes.get(scheduleId) ?? [], -Infinity, Infinity, decoded);
  } catch (err) {
    if (err instanceof PackedWeekError) return null;
    throw err;
  }
  const iso = isoTexts();
  const byShift = new Map<number, ActivityInput[]>();
  for (const s of decoded) {
    const list: ActivityInput[] = new Array(s.activities.length);
    s.activities.forEach((a, i) => {
      list[i] = { startDate: iso(a.startMs), lengthMinutes: a.lengthMinutes, activityCodeId: a.activityCodeId };
    });
    byShift.set(s.key, list);
  }
  return byShift;
}

/** The same from the activity rows: the record the packed weeks are derived from. */
function rowActivities(db: Database.Database, p: WeekParams, inWeek: string): Map<number, ActivityInput[]> {
  const iso = isoTexts();
  const byShift = new Map<number, ActivityInput[]>();
  for (const [shiftKey, startMs, lengthMinutes, activityCodeId] of db
    .prepare(
      `SELECT a.shift_key, a.start_ms, a.length_minutes, a.activity_code_id
       FROM activities a JOIN shifts s ON s.key = a.shift_key WHERE s.schedule_id IN (${inWeek}) ORDER BY a.shift_key, a.seq`,
    )
    .raw()
    .iterate(p) as IterableIterator<[number, number, number, string]>) {
    let list = byShift.get(shiftKey);
    if (!list) byShift.set(shiftKey, (list = []));
    list.push({ startDate: iso(startMs), lengthMinutes, activityCodeId });
  }
  return byShift;
}

/** The week's shifts in (schedule, agent, start) order; the start as Genesys sent it (a naive one is a finding). */
function readShifts(db: Database.Database, p: WeekParams, inWeek: string): ShiftInput[] {
  const rows = db
    .prepare(
      `SELECT key, id, schedule_id, agent_id, start_date, length_minutes
       FROM shifts WHERE schedule_id IN (${inWeek}) ORDER BY schedule_id, agent_id, start_ms`,
    )
    .raw()
    .all(p) as Array<[number, string | null, string, string, string, number]>;
  let activities = packedActivities(db, p, inWeek);
  // Every mirrored shift is in its agent's packed week; one missing means the blobs are not of these rows.
  if (activities && rows.some(([key]) => !activities!.has(key))) activities = null;
  activities ??= rowActivities(db, p, inWeek);
  // A shift Genesys sent without an id gets the mirror's key, so findings can still name it.
  return rows.map(([key, id, scheduleId, agentId, startDate, lengthMinutes]) => ({
    id: id ?? `mirror-shift-${key}`,
    scheduleId,
    agentId,
    startDate,
    lengthMinutes,
    activities: activities.get(key) ?? [],
  }));
}

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

  const shifts = readShifts(db, p, inWeek);
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
