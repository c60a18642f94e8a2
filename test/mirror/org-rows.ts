/**
 * The same rows two ways: from the sandbox's in-memory org (the truth) and
 * from the mirror, sorted alike, so a test can compare them row for row.
 */
import type Database from 'better-sqlite3';
import { decodeAgentWeek, type DecodedShift } from '../../main/mirror/timeline/packed-week';
import type { BusinessUnitState, OrgState, ScheduleState } from '../../main/sandbox/org/model';

export interface ScheduleRows {
  schedules: unknown[];
  agentSchedules: unknown[];
  shifts: unknown[];
  activities: unknown[];
  fullDayTimeOff: unknown[];
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const spans = (s: ScheduleState, week: string) => week >= s.weekDate && week < addDays(s.weekDate, s.weekCount * 7);
const byKey = (a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b));
const sorted = (rows: unknown[][]) => rows.sort(byKey);

export function businessUnitOf(org: OrgState, id: string): BusinessUnitState {
  return org.businessUnits.get(id)!;
}

/** Every schedule of the org covering one of `weeks` (a week can hold several: a draft revision beside the published one). */
export function orgSchedulesIn(org: OrgState, businessUnitId: string, weeks: readonly string[]): ScheduleState[] {
  return [...businessUnitOf(org, businessUnitId).schedules.values()].filter((s) => weeks.some((w) => spans(s, w)));
}

/** Every schedule of the org covering one of `weeks`, as rows. */
export function orgScheduleRows(org: OrgState, businessUnitId: string, weeks: readonly string[]): ScheduleRows {
  const out = {
    schedules: [] as unknown[][],
    agentSchedules: [] as unknown[][],
    shifts: [] as unknown[][],
    activities: [] as unknown[][],
    fullDayTimeOff: [] as unknown[][],
  };
  for (const s of businessUnitOf(org, businessUnitId).schedules.values()) {
    if (!weeks.some((w) => spans(s, w))) continue;
    out.schedules.push([
      s.id,
      s.weekDate,
      s.weekCount,
      s.published ? 1 : 0,
      s.version,
      s.description,
      s.agentSchedules.size,
    ]);
    for (const a of s.agentSchedules.values()) {
      out.agentSchedules.push([s.id, a.userId, a.managementUnitId, a.version]);
      for (const sh of a.shifts) {
        const start = Date.parse(sh.startDate);
        out.shifts.push([
          s.id,
          a.userId,
          sh.id,
          start,
          start + sh.lengthMinutes * 60_000,
          sh.startDate,
          sh.lengthMinutes,
          sh.manuallyEdited ? 1 : 0,
        ]);
        sh.activities.forEach((act, seq) =>
          out.activities.push([
            s.id,
            a.userId,
            sh.id,
            seq,
            Date.parse(act.startDate),
            act.lengthMinutes,
            act.activityCodeId,
            act.paid ? 1 : 0,
            act.description,
          ]),
        );
      }
      a.fullDayTimeOffMarkers.forEach((m, seq) =>
        out.fullDayTimeOff.push([
          s.id,
          a.userId,
          seq,
          m.businessUnitDate,
          m.startOffsetMinutes,
          m.endOffsetMinutes,
          m.lengthMinutes,
          m.activityCodeId,
          m.paid ? 1 : 0,
          m.description,
          m.timeOffRequestId ?? null,
        ]),
      );
    }
  }
  return {
    schedules: sorted(out.schedules),
    agentSchedules: sorted(out.agentSchedules),
    shifts: sorted(out.shifts),
    activities: sorted(out.activities),
    fullDayTimeOff: sorted(out.fullDayTimeOff),
  };
}

export function mirrorScheduleRows(db: Database.Database, businessUnitId: string): ScheduleRows {
  const rows = (sql: string) => sorted(db.prepare(sql).raw().all(businessUnitId) as unknown[][]);
  const ofUnit = 'schedule_id IN (SELECT id FROM schedules WHERE business_unit_id = ?)';
  return {
    schedules: rows(
      'SELECT id, week_date, week_count, published, version, description, agent_count FROM schedules WHERE business_unit_id = ?',
    ),
    agentSchedules: rows(
      `SELECT schedule_id, agent_id, management_unit_id, version FROM agent_schedules WHERE ${ofUnit}`,
    ),
    shifts: rows(
      `SELECT schedule_id, agent_id, id, start_ms, end_ms, start_date, length_minutes, manually_edited FROM shifts WHERE ${ofUnit}`,
    ),
    activities:
      rows(`SELECT s.schedule_id, s.agent_id, s.id, a.seq, a.start_ms, a.length_minutes, a.activity_code_id, a.paid, a.description
      FROM activities a JOIN shifts s ON s.key = a.shift_key WHERE s.${ofUnit}`),
    fullDayTimeOff:
      rows(`SELECT schedule_id, agent_id, seq, business_unit_date, start_offset_minutes, end_offset_minutes, length_minutes, activity_code_id,
      paid, description, time_off_request_id FROM full_day_time_off WHERE ${ofUnit}`),
  };
}

/** Every mirrored schedule is whole: as many agent schedules as its row says, and nothing orphaned below it. */
export function incompleteSchedules(db: Database.Database): string[] {
  const partial = db
    .prepare(
      `SELECT s.id FROM schedules s WHERE s.agent_count <> (SELECT count(*) FROM agent_schedules a WHERE a.schedule_id = s.id)`,
    )
    .pluck()
    .all() as string[];
  const orphans = db
    .prepare(
      `SELECT 'agent_schedules' FROM agent_schedules WHERE schedule_id NOT IN (SELECT id FROM schedules)
       UNION ALL SELECT 'shifts' FROM shifts s WHERE NOT EXISTS (SELECT 1 FROM agent_schedules a WHERE a.schedule_id = s.schedule_id AND a.agent_id = s.agent_id)
       UNION ALL SELECT 'activities' FROM activities WHERE shift_key NOT IN (SELECT key FROM shifts)`,
    )
    .pluck()
    .all() as string[];
  // The timeline's packed weeks: exactly one per agent schedule with shifts, holding exactly its shifts (by key, in start order).
  const expected = new Map<string, number[]>();
  for (const [scheduleId, agentId, key] of db
    .prepare('SELECT schedule_id, agent_id, key FROM shifts ORDER BY schedule_id, agent_id, start_ms, key')
    .raw()
    .all() as Array<[string, string, number]>) {
    const id = `${scheduleId} ${agentId}`;
    expected.set(id, [...(expected.get(id) ?? []), key]);
  }
  const unpacked: string[] = [];
  const codesOf = db.prepare('SELECT activity_codes_json FROM schedules WHERE id = ?').pluck();
  for (const [scheduleId, agentId, packed] of db
    .prepare('SELECT schedule_id, agent_id, packed FROM timeline_weeks')
    .raw()
    .all() as Array<[string, string, Buffer]>) {
    const id = `${scheduleId} ${agentId}`;
    const shifts: DecodedShift[] = [];
    decodeAgentWeek(
      packed,
      scheduleId,
      JSON.parse(codesOf.get(scheduleId) as string) as string[],
      -Infinity,
      Infinity,
      shifts,
    );
    if (JSON.stringify(shifts.map((x) => x.key)) !== JSON.stringify(expected.get(id))) unpacked.push(id);
    expected.delete(id);
  }
  unpacked.push(...expected.keys());
  return [...partial, ...orphans.map((t) => `orphan in ${t}`), ...unpacked.map((w) => `packed week out of step: ${w}`)];
}
