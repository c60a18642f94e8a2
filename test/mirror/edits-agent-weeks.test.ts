/**
 * The mirrored weeks an edit starts from: activities from the timeline's
 * packed weeks, shift fields and descriptions from the rows, must be the
 * very weeks the rows alone give (an upload sends them back), key order
 * included (weeks are compared and stored as JSON text); and when a packed
 * week cannot be trusted the rows answer instead.
 */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AgentSchedule } from '../../main/genesys/client/schemas';
import { readAgentWeeks, readAgentWeeksFromRows } from '../../main/mirror/edits';
import { agentSchedule, draftId, generatedMirror, mirroredUnit, writeSchedule } from './edits-fixtures';

/** Agent a-n with what the fixtures lack: no shift id, a naive start, no activities, no description, an empty one. */
function unusual(n: number): AgentSchedule {
  const week = agentSchedule(n);
  return {
    ...week,
    shifts: [
      ...week.shifts,
      {
        startDate: '2026-11-26T14:00:00',
        lengthMinutes: 120,
        activities: [
          { startDate: '2026-11-26T14:00:00.000Z', lengthMinutes: 60, activityCodeId: 'on-queue' },
          { startDate: '2026-11-26T15:00:00.000Z', lengthMinutes: 60, activityCodeId: 'meeting', description: '' },
        ],
      },
      { id: `empty-${n}`, startDate: '2026-11-28T10:00:00Z', lengthMinutes: 60, activities: [], manuallyEdited: true },
    ],
  };
}

function plantedMirror() {
  const unit = mirroredUnit(3);
  writeSchedule(unit.db, { agents: [agentSchedule(1), unusual(2), agentSchedule(3, 4, 9)] });
  return unit.db;
}

/** Both reads as JSON text: equal text means equal weeks with the same key order. */
const asText = (weeks: Map<string, unknown>) => JSON.stringify([...weeks].sort(([a], [b]) => a.localeCompare(b)));

function expectSameAsRows(db: Database.Database, scheduleId: string, agentIds?: string[]) {
  const read = readAgentWeeks(db, scheduleId, agentIds);
  const rows = readAgentWeeksFromRows(db, scheduleId, agentIds);
  expect(read).toEqual(rows);
  expect(asText(read)).toBe(asText(rows));
  return read;
}

describe('readAgentWeeks', () => {
  it('gives every agent week of a generated org exactly as the rows do, whole schedules and some agents', () => {
    const { db, schedules } = generatedMirror(120);
    let activities = 0;
    for (const s of schedules) {
      const all = expectSameAsRows(db, s.id);
      expect(all.size).toBe(s.agentSchedules.size);
      for (const { week } of all.values()) for (const shift of week.shifts) activities += shift.activities.length;
      const some = [...s.agentSchedules.keys()].filter((_, i) => i % 7 === 0);
      expect(expectSameAsRows(db, s.id, [...some, 'nobody']).size).toBe(some.length);
    }
    // The generator's activities carry descriptions: the read must have found them, not only the times.
    expect(activities).toBeGreaterThan(1000);
    const first = readAgentWeeks(db, schedules[0]!.id);
    const described = [...first.values()].flatMap((w) => w.week.shifts.flatMap((s) => s.activities));
    expect(described.every((a) => typeof a.description === 'string' && a.description.length > 0)).toBe(true);
  });

  it('keeps missing ids, naive starts, shifts without activities and absent or empty descriptions as the rows do', () => {
    const db = plantedMirror();
    const read = expectSameAsRows(db, draftId);
    const shifts = read.get('a-2')!.week.shifts;
    const naive = shifts.find((s) => s.startDate === '2026-11-26T14:00:00')!;
    expect(naive.id).toBeUndefined();
    expect(naive.activities.map((a) => a.description)).toEqual([undefined, '']);
    expect('description' in naive.activities[0]!).toBe(false);
    expect(shifts.find((s) => s.id === 'empty-2')).toMatchObject({ activities: [], manuallyEdited: true });
    expect(read.get('a-3')!.version).toBe(4);
  });

  it("takes each activity's time from the packed week, not from the rows", () => {
    const db = plantedMirror();
    // Rows and blobs disagree on purpose: the answer shows which one was read.
    db.prepare(`UPDATE activities SET start_ms = start_ms + 60000 WHERE seq = 0`).run();
    const read = readAgentWeeks(db, draftId, ['a-1']).get('a-1')!;
    const rows = readAgentWeeksFromRows(db, draftId, ['a-1']).get('a-1')!;
    expect(read.week.shifts[0]!.activities[0]!.startDate).toBe(read.week.shifts[0]!.startDate);
    expect(rows.week.shifts[0]!.activities[0]!.startDate).not.toBe(rows.week.shifts[0]!.startDate);
  });

  it.each([
    ['damaged', `UPDATE timeline_weeks SET packed = x'09' WHERE agent_id = 'a-2'`],
    ['missing', `DELETE FROM timeline_weeks WHERE agent_id = 'a-3'`],
    [
      'of other rows',
      `UPDATE timeline_weeks SET packed = (SELECT packed FROM timeline_weeks WHERE agent_id = 'a-1') WHERE agent_id = 'a-2'`,
    ],
    [
      'holding another activity count',
      `DELETE FROM activities WHERE seq = 1 AND shift_key = (SELECT min(key) FROM shifts)`,
    ],
  ])('reads the rows when a packed week is %s', (_, spoil) => {
    const db = plantedMirror();
    db.prepare(spoil).run();
    // Spoilt blobs would give other weeks than the rows: an answer equal to the rows' means they were read.
    expectSameAsRows(db, draftId);
    expectSameAsRows(db, draftId, ['a-1', 'a-2', 'a-3']);
  });

  it('answers nothing for a schedule or agents the mirror does not have', () => {
    const db = plantedMirror();
    expect(readAgentWeeks(db, 'no-such-schedule').size).toBe(0);
    expect(readAgentWeeks(db, draftId, ['nobody']).size).toBe(0);
    expect(readAgentWeeks(db, draftId, []).size).toBe(0);
  });
});
