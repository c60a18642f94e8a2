/**
 * Schedules in the mirror. A schedule is written whole – metadata, every
 * agent schedule with its version, shifts, activities and full-day time off –
 * in ONE transaction that first removes the previous copy: a failure or a
 * killed process leaves the previous good copy, never a mix of two.
 */
import type Database from 'better-sqlite3';
import type { AgentSchedule, BuScheduleMetadata } from '../genesys/client/schemas';
import type { PackedShift } from './timeline/packed-week';
import { timelineWeekWriter, widen, type ShiftSpan } from './timeline/weeks';

/** The parts of BuScheduleMetadata the mirror keeps. */
export type ScheduleHeader = Pick<
  BuScheduleMetadata,
  'id' | 'weekDate' | 'weekCount' | 'published' | 'description' | 'metadata'
>;

export interface ScheduleSnapshot {
  businessUnitId: string;
  header: ScheduleHeader;
  /** One entry per agent-schedule query (one per management unit). */
  managementUnits: Array<{ managementUnitId: string; agentSchedules: readonly AgentSchedule[] }>;
  fetchedAt: string;
}

export interface WrittenSchedule {
  agentSchedules: number;
  shifts: number;
  activities: number;
  fullDayTimeOff: number;
}

export interface MirroredScheduleVersion {
  id: string;
  weekDate: string;
  weekCount: number;
  version: number;
}

const flag = (b: boolean | undefined) => (b === undefined ? null : b ? 1 : 0);

export function createScheduleStore(db: Database.Database) {
  const remove = db.prepare('DELETE FROM schedules WHERE id = ?');
  const schedule = db.prepare(`INSERT INTO schedules
    (id, business_unit_id, week_date, week_count, published, version, description, modified_at, agent_count, activity_codes_json, fetched_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // Known once its agents are written (the schedule row goes first: they refer to it).
  const shiftSpan = db.prepare('UPDATE schedules SET first_shift_start_ms = ?, last_shift_end_ms = ? WHERE id = ?');
  const agentSchedule = db.prepare(
    'INSERT INTO agent_schedules (schedule_id, agent_id, management_unit_id, version, modified_at, fetched_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const shift =
    db.prepare(`INSERT INTO shifts (key, id, schedule_id, agent_id, start_ms, end_ms, start_date, length_minutes, manually_edited)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const timelineWeek = timelineWeekWriter(db);
  // shifts has no rowid (it is stored in timeline order): keys are handed out here, inside the write's transaction.
  const lastKey = db.prepare('SELECT coalesce(max(key), 0) FROM shifts').pluck();
  let nextKey = 0;
  const activity =
    db.prepare(`INSERT INTO activities (shift_key, seq, start_ms, length_minutes, activity_code_id, paid, description)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const marker =
    db.prepare(`INSERT INTO full_day_time_off (schedule_id, agent_id, seq, business_unit_date, start_offset_minutes,
    end_offset_minutes, length_minutes, activity_code_id, paid, description, time_off_request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const refresh = db.prepare(`UPDATE schedules SET published = ?, description = ?, modified_at = ?, fetched_at = ?
    WHERE id = ? AND version = ?`);
  const rosterOrder = db.prepare('SELECT id FROM agents WHERE business_unit_id = ? ORDER BY name, id').pluck();
  const versions = db.prepare<[string], MirroredScheduleVersion>(
    'SELECT id, week_date AS weekDate, week_count AS weekCount, version FROM schedules WHERE business_unit_id = ?',
  );

  /** Writes one agent schedule; returns the span of its shifts (null: none). */
  function writeAgent(
    scheduleId: string,
    managementUnitId: string,
    a: AgentSchedule,
    codeIndex: Map<string, number>,
    fetchedAt: string,
    counts: WrittenSchedule,
  ): ShiftSpan | null {
    const agentId = a.user.id;
    agentSchedule.run(
      scheduleId,
      agentId,
      managementUnitId,
      a.metadata.version,
      a.metadata.dateModified ?? null,
      fetchedAt,
    );
    const packed: PackedShift[] = [];
    for (const s of a.shifts) {
      const startMs = Date.parse(s.startDate);
      const endMs = startMs + s.lengthMinutes * 60_000;
      const key = nextKey++;
      shift.run(
        key,
        s.id ?? null,
        scheduleId,
        agentId,
        startMs,
        endMs,
        s.startDate,
        s.lengthMinutes,
        s.manuallyEdited ? 1 : 0,
      );
      const activities = s.activities.map((act, seq) => {
        const actStart = Date.parse(act.startDate);
        activity.run(
          key,
          seq,
          actStart,
          act.lengthMinutes,
          act.activityCodeId,
          flag(act.paid),
          act.description ?? null,
        );
        return {
          offsetMs: actStart - startMs,
          lengthMinutes: act.lengthMinutes,
          codeIndex: codeIndex.get(act.activityCodeId)!,
          paid: act.paid ?? null,
        };
      });
      packed.push({ key, id: s.id ?? null, startMs, endMs, manuallyEdited: s.manuallyEdited === true, activities });
      counts.activities += s.activities.length;
    }
    const span = timelineWeek(scheduleId, agentId, packed);
    a.fullDayTimeOffMarkers.forEach((m, seq) => {
      marker.run(
        scheduleId,
        agentId,
        seq,
        m.businessUnitDate,
        m.startOffsetMinutes ?? null,
        m.endOffsetMinutes ?? null,
        m.lengthMinutes,
        m.activityCodeId,
        flag(m.paid),
        m.description ?? null,
        m.timeOffRequestId ?? null,
      );
    });
    counts.agentSchedules += 1;
    counts.shifts += a.shifts.length;
    counts.fullDayTimeOff += a.fullDayTimeOffMarkers.length;
    return span;
  }

  const write = db.transaction((snapshot: ScheduleSnapshot): WrittenSchedule => {
    const { header, fetchedAt } = snapshot;
    // An agent reported twice (it cannot happen in Genesys) must not fail the whole schedule: the first answer wins.
    const seen = new Set<string>();
    const agents: Array<{ managementUnitId: string; schedule: AgentSchedule }> = [];
    const codeIndex = new Map<string, number>();
    for (const mu of snapshot.managementUnits) {
      for (const a of mu.agentSchedules) {
        if (seen.has(a.user.id)) continue;
        seen.add(a.user.id);
        agents.push({ managementUnitId: mu.managementUnitId, schedule: a });
        for (const s of a.shifts) {
          for (const act of s.activities)
            if (!codeIndex.has(act.activityCodeId)) codeIndex.set(act.activityCodeId, codeIndex.size);
        }
      }
    }
    // Written in the timeline's order (by name): a window's packed weeks then sit on neighbouring pages.
    const rank = new Map((rosterOrder.all(snapshot.businessUnitId) as string[]).map((id, i) => [id, i]));
    const place = (id: string) => rank.get(id) ?? rank.size;
    agents.sort((x, y) => place(x.schedule.user.id) - place(y.schedule.user.id));
    remove.run(header.id);
    nextKey = (lastKey.get() as number) + 1;
    schedule.run(
      header.id,
      snapshot.businessUnitId,
      header.weekDate,
      header.weekCount ?? 1,
      header.published ? 1 : 0,
      header.metadata.version,
      header.description ?? null,
      header.metadata.dateModified ?? null,
      agents.length,
      JSON.stringify([...codeIndex.keys()]),
      fetchedAt,
    );
    const counts: WrittenSchedule = { agentSchedules: 0, shifts: 0, activities: 0, fullDayTimeOff: 0 };
    let span: ShiftSpan | null = null;
    for (const a of agents)
      span = widen(span, writeAgent(header.id, a.managementUnitId, a.schedule, codeIndex, fetchedAt, counts));
    if (span) shiftSpan.run(span.firstStartMs, span.lastEndMs, header.id);
    return counts;
  });

  return {
    write,

    /**
     * The version did not move: only the "as of" and display fields are
     * refreshed. False when the mirror's copy is not at `version` (then the
     * caller must fetch the schedule whole).
     */
    confirm(header: ScheduleHeader, fetchedAt: string): boolean {
      const r = refresh.run(
        header.published ? 1 : 0,
        header.description ?? null,
        header.metadata.dateModified ?? null,
        fetchedAt,
        header.id,
        header.metadata.version,
      );
      return r.changes === 1;
    },

    versions(businessUnitId: string): MirroredScheduleVersion[] {
      return versions.all(businessUnitId);
    },

    /** Deleted in Genesys: the schedule and everything under it (cascade), in one transaction. */
    remove: db.transaction((scheduleIds: readonly string[]) => {
      for (const id of scheduleIds) remove.run(id);
    }),
  };
}

export type ScheduleStore = ReturnType<typeof createScheduleStore>;
