import { describe, expect, it } from 'vitest';
import { applyIntent, appliedOrThrow } from './apply';
import { agentUploadEntry, agentWeekMatches } from '../publish/upload-builder';
import type { AgentWeek } from '../publish/agent-week';
import { at, codes, ctx, shift, workWeek } from './fixtures';
import { OpsError } from '../ops-error';
import type { EditedShift } from './shift-ref';
import { byId, ok, problems, span } from './apply-kit';

describe('applyIntent: shifts', () => {
  it('drops a shift and leaves the others as they were', () => {
    const before = workWeek();
    const after = ok(applyIntent(before, { kind: 'dropShift', shiftId: 'day-2' }, ctx));
    expect(after.shifts.map((s) => s.id)).toEqual(['day-1', 'day-3', 'day-4', 'day-5']);
    expect(after.shifts[0]).toBe(before.shifts[0]);
    expect(before.shifts).toHaveLength(5);
  });

  it('moves a shift with its activities and marks it manually edited', () => {
    const after = ok(applyIntent(workWeek(), { kind: 'moveShift', shiftId: 'day-2', byMinutes: 60 }, ctx));
    const moved = byId(after, 'day-2');
    expect(Date.parse(moved.startDate)).toBe(Date.parse(at('2026-12-08 09:00')));
    expect(moved.activities.map((a) => Date.parse(a.startDate) - Date.parse(moved.startDate))).toEqual([
      0,
      120 * 60_000,
      135 * 60_000,
      240 * 60_000,
      270 * 60_000,
    ]);
    expect(moved.manuallyEdited).toBe(true);
    expect(byId(after, 'day-1').manuallyEdited).toBeUndefined();
  });

  it('refuses a move onto the next shift and says which', () => {
    const p = problems(applyIntent(workWeek(), { kind: 'moveShift', shiftId: 'day-2', byMinutes: 20 * 60 }, ctx));
    expect(p.join()).toMatch(/would overlap the shift 08:00–16:30 on Wed 9 Dec/);
  });

  it('shortening a shift trims the activities that stick out and drops those left outside', () => {
    const r = applyIntent(
      workWeek(),
      { kind: 'resizeShift', shiftId: 'day-1', startDate: at('2026-12-07 08:00'), endDate: at('2026-12-07 12:10') },
      ctx,
    );
    const s = byId(ok(r), 'day-1');
    expect(s.lengthMinutes).toBe(250);
    expect(s.activities.map((a) => [a.activityCodeId, a.lengthMinutes])).toEqual([
      [codes.onQueue, 120],
      [codes.break, 15],
      [codes.onQueue, 105],
      [codes.meal, 10],
    ]);
  });

  it('lengthening a shift stretches its edge activities into the new time', () => {
    const r = applyIntent(
      workWeek(),
      { kind: 'resizeShift', shiftId: 'day-1', startDate: at('2026-12-07 07:00'), endDate: at('2026-12-07 17:30') },
      ctx,
    );
    const s = byId(ok(r), 'day-1');
    expect(s.activities[0]).toMatchObject({
      startDate: new Date(at('2026-12-07 07:00')).toISOString(),
      lengthMinutes: 180,
    });
    expect(s.activities.at(-1)).toMatchObject({ lengthMinutes: 300 });
  });

  it('refuses a shift over 24 hours, an end before the start, and a resize that leaves no activity', () => {
    const resize = (from: string, to: string) =>
      problems(
        applyIntent(workWeek(), { kind: 'resizeShift', shiftId: 'day-3', startDate: at(from), endDate: at(to) }, ctx),
      );
    expect(resize('2026-12-09 08:00', '2026-12-10 08:30').join()).toMatch(/more than 24 hours/);
    expect(resize('2026-12-09 08:00', '2026-12-09 07:00').join()).toMatch(/end after it starts/);
    expect(resize('2026-12-09 17:00', '2026-12-09 18:00').join()).toMatch(/No activity/);
  });

  it('adds a shift without a Genesys id, under a local new: id the upload never sends', () => {
    const add = {
      kind: 'addShift' as const,
      startDate: at('2026-12-12 08:00'),
      lengthMinutes: 240,
      activities: [{ startDate: at('2026-12-12 08:00'), lengthMinutes: 240, activityCodeId: codes.onQueue }],
    };
    const once = ok(applyIntent(workWeek(), add, ctx));
    const twice = ok(
      applyIntent(
        once,
        {
          ...add,
          startDate: at('2026-12-13 08:00'),
          activities: [{ ...add.activities[0]!, startDate: at('2026-12-13 08:00') }],
        },
        ctx,
      ),
    );
    const added = twice.shifts.slice(5) as EditedShift[];
    expect(added.map((s) => [s.id, s.localId, s.manuallyEdited])).toEqual([
      [undefined, 'new:1', true],
      [undefined, 'new:2', true],
    ]);
    // The upload builder sends them as new shifts, and a read-back under Genesys' ids matches.
    const entry = agentUploadEntry({ userId: 'a', current: { ...workWeek(), version: 3 }, intended: twice });
    expect(entry?.shifts?.filter((s) => s.id === undefined)).toHaveLength(2);
    expect(JSON.stringify(entry)).not.toContain('new:');
    const readBack = { ...twice, shifts: twice.shifts.map((s, i) => ({ ...s, id: s.id ?? `genesys-${i}` })) };
    expect(agentWeekMatches(readBack, twice)).toBe(true);
  });

  it('refuses an added shift with an unknown activity code or an activity outside it', () => {
    const r = applyIntent(
      workWeek(),
      {
        kind: 'addShift',
        startDate: at('2026-12-12 08:00'),
        lengthMinutes: 60,
        activities: [
          { startDate: at('2026-12-12 08:00'), lengthMinutes: 30, activityCodeId: 'code-nobody-has' },
          { startDate: at('2026-12-12 08:30'), lengthMinutes: 60, activityCodeId: codes.onQueue },
        ],
      },
      ctx,
    );
    expect(problems(r).join('\n')).toMatch(/activity code this unit does not have[\s\S]*outside the shift/);
  });

  it('does not block an edit on a problem the week already had (so the next edit can mend it)', () => {
    const week: AgentWeek = {
      shifts: [shift('a', '2026-12-08 08:00', 510), shift('b', '2026-12-08 14:00', 240)],
      fullDayTimeOffMarkers: [],
    };
    expect(ok(applyIntent(week, { kind: 'moveShift', shiftId: 'b', byMinutes: 15 }, ctx)).shifts).toHaveLength(2);
  });
});

describe('applyIntent: days, time off, hold back, bad input', () => {
  it('moves and drops the day’s shifts by BU-local date', () => {
    const moved = ok(
      applyIntent(workWeek(), { kind: 'moveShifts', businessUnitDate: '2026-12-09', byMinutes: -60 }, ctx),
    );
    expect(moved.shifts.map(span)).toEqual(
      workWeek().shifts.map((s) =>
        s.id === 'day-3' ? `${new Date(at('2026-12-09 07:00')).toISOString()} 510` : span(s),
      ),
    );
    const all = ok(applyIntent(workWeek(), { kind: 'moveShifts', byMinutes: 30 }, ctx));
    expect(all.shifts.every((s) => s.manuallyEdited)).toBe(true);
    const dropped = ok(applyIntent(workWeek(), { kind: 'dropDayShifts', businessUnitDate: '2026-12-09' }, ctx));
    expect(dropped.shifts.map((s) => s.id)).toEqual(['day-1', 'day-2', 'day-4', 'day-5']);
    expect(problems(applyIntent(workWeek(), { kind: 'dropDayShifts', businessUnitDate: '2026-12-13' }, ctx))).toEqual([
      'The agent has no shift on Sun 13 Dec',
    ]);
  });

  it('full-day time off replaces the day’s marker and shifts, and needs a time-off code', () => {
    const set = {
      kind: 'setFullDayTimeOff' as const,
      businessUnitDate: '2026-12-10',
      activityCodeId: codes.vacation,
      lengthMinutes: 480,
    };
    const after = ok(applyIntent(workWeek(), set, ctx));
    expect(after.shifts.map((s) => s.id)).toEqual(['day-1', 'day-2', 'day-3', 'day-5']);
    expect(after.fullDayTimeOffMarkers).toEqual([
      { businessUnitDate: '2026-12-10', activityCodeId: codes.vacation, lengthMinutes: 480 },
    ]);
    const again = ok(applyIntent(after, { ...set, lengthMinutes: 240 }, ctx));
    expect(again.fullDayTimeOffMarkers.map((m) => m.lengthMinutes)).toEqual([240]);
    expect(problems(applyIntent(workWeek(), { ...set, activityCodeId: codes.meeting }, ctx)).join()).toMatch(
      /time-off activity code/,
    );
  });

  it('holdBack gives the published week, and is refused when it is not known', () => {
    const published: AgentWeek = { shifts: [shift('p-1', '2026-12-07 09:00', 480)], fullDayTimeOffMarkers: [] };
    const r = applyIntent(workWeek(), { kind: 'holdBack' }, { ...ctx, publishedWeek: published });
    expect(r).toEqual({ ok: true, week: published, heldBack: true });
    expect(applyIntent(workWeek(), { kind: 'holdBack' }, { ...ctx, publishedWeek: null })).toMatchObject({
      ok: true,
      week: { shifts: [] },
    });
    expect(problems(applyIntent(workWeek(), { kind: 'holdBack' }, ctx)).join()).toMatch(/not known/);
  });

  it('an unreadable intent is refused in words, and the throwing form is a badInput OpsError', () => {
    const r = applyIntent(workWeek(), { kind: 'moveShift', shiftId: 'day-1', byMinutes: 'later' }, ctx);
    expect(problems(r).join()).toMatch(/^The edit is not readable: byMinutes/);
    expect(problems(applyIntent(workWeek(), { kind: 'dropShift', shiftId: 'nope' }, ctx)).join()).toMatch(
      /not in this agent's week/,
    );
    try {
      appliedOrThrow(r);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OpsError);
      expect((error as OpsError).category).toBe('badInput');
    }
  });
});
