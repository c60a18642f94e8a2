import { describe, expect, it } from 'vitest';
import { applyIntent } from './apply';
import { byId, ok, problems, spans } from './apply-kit';
import { at, codes, ctx, workWeek } from './fixtures';

describe('applyIntent: activities', () => {
  it('an added meeting takes the on-queue time under it', () => {
    const after = ok(
      applyIntent(
        workWeek(),
        {
          kind: 'addActivity',
          shiftId: 'day-3',
          activity: { startDate: at('2026-12-09 14:00'), lengthMinutes: 30, activityCodeId: codes.meeting },
        },
        ctx,
      ),
    );
    const s = byId(after, 'day-3');
    expect(
      s.activities.slice(-3).map((a) => [a.activityCodeId, new Date(a.startDate).toISOString(), a.lengthMinutes]),
    ).toEqual([
      [codes.onQueue, new Date(at('2026-12-09 12:30')).toISOString(), 90],
      [codes.meeting, new Date(at('2026-12-09 14:00')).toISOString(), 30],
      [codes.onQueue, new Date(at('2026-12-09 14:30')).toISOString(), 120],
    ]);
    expect(s.activities.reduce((n, a) => n + a.lengthMinutes, 0)).toBe(510);
  });

  it('refuses an activity laid over a break or a meal', () => {
    const p = problems(
      applyIntent(
        workWeek(),
        {
          kind: 'addActivity',
          shiftId: 'day-3',
          activity: { startDate: at('2026-12-09 12:00'), lengthMinutes: 60, activityCodeId: codes.meeting },
        },
        ctx,
      ),
    );
    expect(p).toEqual(['Team Meeting 12:00–13:00 would cover Meal 12:00–12:30']);
  });

  it('a moved break gives its old time back to the on-queue work before it', () => {
    const s = byId(
      ok(applyIntent(workWeek(), { kind: 'moveActivity', shiftId: 'day-1', activityIndex: 1, byMinutes: 30 }, ctx)),
      'day-1',
    );
    expect(s.activities.map((a) => [a.activityCodeId, a.lengthMinutes])).toEqual([
      [codes.onQueue, 150],
      [codes.break, 15],
      [codes.onQueue, 75],
      [codes.meal, 30],
      [codes.onQueue, 240],
    ]);
    expect(s.manuallyEdited).toBe(true);
  });

  it('resizes and removes an activity, refusing indices the shift does not have', () => {
    const resized = byId(
      ok(
        applyIntent(
          workWeek(),
          {
            kind: 'resizeActivity',
            shiftId: 'day-1',
            activityIndex: 3,
            startDate: at('2026-12-07 12:00'),
            endDate: at('2026-12-07 13:00'),
          },
          ctx,
        ),
      ),
      'day-1',
    );
    expect(resized.activities.map((a) => a.lengthMinutes)).toEqual([120, 15, 105, 60, 210]);
    const removed = byId(
      ok(applyIntent(workWeek(), { kind: 'removeActivity', shiftId: 'day-1', activityIndex: 1 }, ctx)),
      'day-1',
    );
    expect(removed.activities.map((a) => a.lengthMinutes)).toEqual([240, 30, 240]);
    expect(
      problems(applyIntent(workWeek(), { kind: 'removeActivity', shiftId: 'day-1', activityIndex: 9 }, ctx)).join(),
    ).toMatch(/no activity number 10/);
  });

  it('inserts an activity at a BU-local time into the shift covering it, and says when none does', () => {
    const insert = {
      kind: 'insertActivity' as const,
      businessUnitDate: '2026-12-09',
      startTime: '14:00',
      lengthMinutes: 30,
      activityCodeId: codes.meeting,
    };
    const s = byId(ok(applyIntent(workWeek(), insert, ctx)), 'day-3');
    expect(spans(s)).toContain(`${codes.meeting} ${new Date(at('2026-12-09 14:00')).toISOString()} 30`);
    expect(problems(applyIntent(workWeek(), { ...insert, startTime: '16:15' }, ctx))).toEqual([
      'No shift of the agent covers Wed 9 Dec 16:15–16:45 CST',
    ]);
  });
});
