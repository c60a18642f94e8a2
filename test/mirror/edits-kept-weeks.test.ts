/**
 * Mirrored weeks kept between edits (kept-weeks.ts): the same agents asked
 * again get the very weeks read before, and never once the mirror moved
 * under them: a new version, a rewritten packed week, a sync by another
 * connection, or an agent gone from the schedule.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readAgentWeeks, readAgentWeeksAfresh } from '../../main/mirror/edits';
import { agentSchedule, draftId, mirroredUnit, writeSchedule } from './edits-fixtures';

const ids = ['a-1', 'a-2', 'a-3'];

describe('kept mirrored weeks', () => {
  it('answers the weeks read before while the mirror holds them, equal to a fresh read', () => {
    const { db } = mirroredUnit(3);
    const first = readAgentWeeks(db, draftId, ids);
    const again = readAgentWeeks(db, draftId, ids);
    for (const id of ids) expect(again.get(id)).toBe(first.get(id));
    expect(Object.fromEntries(again)).toEqual(Object.fromEntries(readAgentWeeksAfresh(db, draftId, ids)));
  });

  it('reads again an agent whose version or packed week moved, and only that one', () => {
    const { db } = mirroredUnit(3);
    const first = readAgentWeeks(db, draftId, ids);
    // a-2 saved again in Genesys (version 2, shifts two hours later); a-3 rewritten at the same version but moved.
    writeSchedule(db, { agents: [agentSchedule(1), agentSchedule(2, 2, 16), agentSchedule(3, 1, 9)] });
    const after = readAgentWeeks(db, draftId, ids);
    expect(after.get('a-1')).toBe(first.get('a-1'));
    expect(after.get('a-2')?.version).toBe(2);
    expect(after.get('a-2')?.week.shifts[0]?.startDate).toBe('2026-11-24T16:00:00.000Z');
    expect(after.get('a-3')?.week.shifts[0]?.startDate).toBe('2026-11-24T09:00:00.000Z');
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(readAgentWeeksAfresh(db, draftId, ids)));
  });

  it('sees a write by another connection, and an agent no longer in the schedule', () => {
    const { db } = mirroredUnit(3);
    readAgentWeeks(db, draftId, ids);
    const other = new Database(db.name);
    writeSchedule(other, { agents: [agentSchedule(1, 5, 10), agentSchedule(3)] });
    other.close();
    const after = readAgentWeeks(db, draftId, ids);
    expect(after.get('a-1')?.version).toBe(5);
    expect(after.get('a-1')?.week.shifts[0]?.startDate).toBe('2026-11-24T10:00:00.000Z');
    expect(after.has('a-2')).toBe(false);
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(readAgentWeeksAfresh(db, draftId, ids)));
  });
});
