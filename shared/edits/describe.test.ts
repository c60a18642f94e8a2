import { describe, expect, it } from 'vitest';
import { applyIntent } from './apply';
import type { AgentWeek } from '../publish/agent-week';
import { describeChange } from './describe';
import { at, codes, ctx, workWeek } from './fixtures';
import { intentLabel } from './labels';
import type { EditIntent } from './types';

function after(intent: EditIntent, week: AgentWeek = workWeek()): AgentWeek {
  const r = applyIntent(week, intent, ctx);
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.week;
}
const lines = (intent: EditIntent, week = workWeek()) =>
  describeChange({ agentId: 'ana', baseAgentVersion: 4, before: week, after: after(intent, week) }, ctx);

describe('describeChange: the per-agent diff in words', () => {
  it('a moved shift reads before → after on the BU clock', () => {
    expect(lines({ kind: 'moveShift', shiftId: 'day-2', byMinutes: 60 })).toEqual([
      'Tue 8 Dec: 08:00–16:30 → 09:00–17:30 CST',
    ]);
  });

  it('a move to another day names both days', () => {
    expect(lines({ kind: 'moveShift', shiftId: 'day-5', byMinutes: 24 * 60 })).toEqual([
      'Fri 11 Dec 08:00–16:30 CST → Sat 12 Dec 08:00–16:30 CST',
    ]);
  });

  it('drops, additions, activities and time off, in time order', () => {
    const week = after({
      kind: 'setFullDayTimeOff',
      businessUnitDate: '2026-12-10',
      activityCodeId: codes.vacation,
      lengthMinutes: 480,
    });
    expect(describeChange({ agentId: 'ana', baseAgentVersion: 4, before: workWeek(), after: week }, ctx)).toEqual([
      'Thu 10 Dec: full-day time off (Vacation, 8 h) added',
      'Thu 10 Dec 08:00–16:30 CST shift dropped',
    ]);
    expect(
      lines({
        kind: 'insertActivity',
        businessUnitDate: '2026-12-09',
        startTime: '14:00',
        lengthMinutes: 30,
        activityCodeId: codes.meeting,
      }),
    ).toEqual([
      'Wed 9 Dec 08:00–16:30 CST: On Queue 12:30–14:00 added, Team Meeting 14:00–14:30 added, On Queue 14:30–16:30 added, On Queue 12:30–16:30 removed',
    ]);
    const added = lines({
      kind: 'addShift',
      startDate: at('2026-12-12 10:00'),
      lengthMinutes: 120,
      activities: [{ startDate: at('2026-12-12 10:00'), lengthMinutes: 120, activityCodeId: codes.onQueue }],
    });
    expect(added).toEqual(['Sat 12 Dec 10:00–12:00 CST shift added']);
  });

  it('says a held-back agent stays as published, and that an unchanged week is no change', () => {
    const held = describeChange(
      { agentId: 'ana', baseAgentVersion: 4, before: workWeek(), after: workWeek(), heldBack: true },
      ctx,
    );
    expect(held).toEqual(['Held back: this publish leaves them as they are published now']);
    expect(describeChange({ agentId: 'ana', baseAgentVersion: 4, before: workWeek(), after: workWeek() }, ctx)).toEqual(
      ['No change'],
    );
  });
});

describe('intentLabel: what the pending-edit list and undo say', () => {
  it('names the shift as it is before the edit, with the agent when known', () => {
    expect(intentLabel({ kind: 'dropShift', shiftId: 'day-2' }, workWeek(), ctx)).toBe(
      'Drop Tue 8 Dec 08:00–16:30 CST shift',
    );
    expect(intentLabel({ kind: 'dropShift', shiftId: 'day-2' }, workWeek(), { ...ctx, agentName: 'Ana Ruiz' })).toBe(
      'Drop Tue 8 Dec 08:00–16:30 CST shift of Ana Ruiz',
    );
    expect(
      intentLabel(
        {
          kind: 'insertActivity',
          businessUnitDate: '2026-12-09',
          startTime: '14:00',
          lengthMinutes: 30,
          activityCodeId: codes.meeting,
        },
        workWeek(),
        ctx,
      ),
    ).toBe('Insert Team Meeting Wed 9 Dec 14:00–14:30 CST');
    expect(intentLabel({ kind: 'moveShifts', businessUnitDate: '2026-12-09', byMinutes: -90 }, workWeek(), ctx)).toBe(
      'Move shifts of Wed 9 Dec by -1 h 30 min',
    );
  });
});
