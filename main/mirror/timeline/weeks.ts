/**
 * Writes the timeline's packed agent weeks (table timeline_weeks, format in
 * packed-week.ts): from a schedule being written, and, once, from the shift
 * and activity rows of a mirror made before the table existed.
 */
import type Database from 'better-sqlite3';
import { encodeAgentWeek, type PackedActivity, type PackedShift } from './packed-week';

export interface ShiftSpan {
  firstStartMs: number;
  lastEndMs: number;
}

/** The span of two (either may be null). */
export function widen(a: ShiftSpan | null, b: ShiftSpan | null): ShiftSpan | null {
  if (!a || !b) return a ?? b;
  return { firstStartMs: Math.min(a.firstStartMs, b.firstStartMs), lastEndMs: Math.max(a.lastEndMs, b.lastEndMs) };
}

export function timelineWeekWriter(db: Database.Database) {
  const insert = db.prepare(
    'INSERT INTO timeline_weeks (schedule_id, agent_id, first_start_ms, last_end_ms, packed) VALUES (?, ?, ?, ?, ?)',
  );
  /**
   * `shifts` of one agent schedule, any order; nothing is written for an agent
   * without shifts. Returns the span the shifts cover, null when none.
   */
  return (scheduleId: string, agentId: string, shifts: PackedShift[]): ShiftSpan | null => {
    if (shifts.length === 0) return null;
    shifts.sort((a, b) => a.startMs - b.startMs || a.key - b.key);
    let lastEnd = -Infinity;
    for (const s of shifts) if (s.endMs > lastEnd) lastEnd = s.endMs;
    insert.run(scheduleId, agentId, shifts[0]!.startMs, lastEnd, encodeAgentWeek(shifts));
    return { firstStartMs: shifts[0]!.startMs, lastEndMs: lastEnd };
  };
}

type ShiftActivityRow = [
  string,
  number,
  string | null,
  number,
  number,
  number,
  number | null,
  number | null,
  string | null,
  number | null,
];

/** Migration 004's backfill: every mirrored schedule's agent weeks, from its shifts and activities tables. */
export function rebuildTimelineWeeks(db: Database.Database): void {
  const write = timelineWeekWriter(db);
  const schedules = db.prepare('SELECT id, activity_codes_json FROM schedules').raw().all() as Array<[string, string]>;
  const rowsOf = db
    .prepare(
      `SELECT s.agent_id, s.key, s.id, s.start_ms, s.end_ms, s.manually_edited, a.start_ms, a.length_minutes, a.activity_code_id, a.paid
       FROM shifts s LEFT JOIN activities a ON a.shift_key = s.key WHERE s.schedule_id = ? ORDER BY s.agent_id, s.key, a.seq`,
    )
    .raw();
  const saveCodes = db.prepare('UPDATE schedules SET activity_codes_json = ? WHERE id = ?');
  for (const [scheduleId, codesJson] of schedules) {
    const codes = JSON.parse(codesJson) as string[];
    const listed = codes.length;
    const codeIndex = new Map(codes.map((c, i) => [c, i]));
    const indexOf = (code: string) =>
      codeIndex.get(code) ?? (codeIndex.set(code, codes.push(code) - 1), codes.length - 1);
    let agent: string | null = null;
    let shifts: PackedShift[] = [];
    let shiftKey: number | null = null;
    let activities: PackedActivity[] = [];
    for (const [agentId, key, id, startMs, endMs, edited, actStart, length, code, paid] of rowsOf.all(
      scheduleId,
    ) as ShiftActivityRow[]) {
      if (agentId !== agent) {
        if (agent !== null) write(scheduleId, agent, shifts);
        agent = agentId;
        shifts = [];
      }
      if (key !== shiftKey) {
        shiftKey = key;
        shifts.push({ key, id, startMs, endMs, manuallyEdited: edited === 1, activities: (activities = []) });
      }
      if (actStart !== null && code !== null) {
        activities.push({
          offsetMs: actStart - startMs,
          lengthMinutes: length!,
          codeIndex: indexOf(code),
          paid: paid === null ? null : paid === 1,
        });
      }
    }
    if (agent !== null) write(scheduleId, agent, shifts);
    // A code missing from the list (the writer always lists them) is added rather than lost.
    if (codes.length !== listed) saveCodes.run(JSON.stringify(codes), scheduleId);
  }
}
