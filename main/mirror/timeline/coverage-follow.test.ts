/** The coverage strip following an edit written by this process: from the weeks it wrote, not read back. */
import { describe, expect, it } from 'vitest';
import { createChangeSetStore } from '../edits';
import { readAgentWeeks } from '../edits/kept-weeks';
import { countCoverage, followEdits } from './coverage-count';
import { agent, mirror } from './coverage-fixture';
import { pendingWeeksOf } from './pending-weeks';

const q = { businessUnitId: 'bu', scheduleId: 's1', week: '2026-11-23' };
const sum = (c: { onQueue: number[] }) => c.onQueue.reduce((a, b) => a + b, 0);

describe('the coverage strip after an edit of this process', () => {
  it('follows the edit from the weeks it wrote, and counts what a recount of the stored edit counts', () => {
    const { db, write } = mirror();
    write('s1', '2026-11-23', 1, [
      agent('ana', [[['2026-11-24T08:00', 60, 'queue']]]),
      agent('bea', [[['2026-11-24T09:00', 60, 'queue']]]),
    ]);
    const before = countCoverage(db, q);
    expect(sum(before.answer)).toBe(8);

    // Ana's hour on queue becomes two hours.
    const ana = readAgentWeeks(db, 's1', ['ana']).get('ana')!;
    const shift = ana.week.shifts[0]!;
    const after = {
      ...ana.week,
      shifts: [
        {
          ...shift,
          lengthMinutes: 120,
          activities: [{ ...shift.activities[0]!, lengthMinutes: 120 }],
        },
      ],
    };
    const store = createChangeSetStore(db);
    store.apply({
      businessUnitId: 'bu',
      scheduleId: 's1',
      label: 'Longer shift for ana',
      source: { type: 'direct' },
      intent: { kind: 'resizeShift', shiftId: shift.id!, startDate: shift.startDate, endDate: '2026-11-24T16:00:00Z' },
      baseScheduleVersion: 1,
      changes: [{ agentId: 'ana', baseAgentVersion: ana.version, before: ana.week, after }],
      createdAt: '2026-11-23T12:00:00Z',
    } as never);
    const recount = countCoverage(db, q).answer;
    expect(sum(recount)).toBe(12);

    // The stored text damaged after the write: the follow does not read it back, so it still counts the edit.
    db.prepare("UPDATE pending_agent_changes SET after_json = 'not json'").run();
    expect(() => pendingWeeksOf(db, q, ['ana'])).toThrow(/not JSON/);
    const followed = followEdits(db, before)!;
    expect(followed.answer.onQueue).toEqual(recount.onQueue);
  });
});
