import { describe, expect, it } from 'vitest';
import type { AgentWeek } from '../../../shared/publish/agent-week';
import { bulkIntent, shiftsTouched, type BulkForm } from './bulk-intent';

const form: BulkForm = {
  kind: 'insertActivity',
  date: '2026-12-09',
  startTime: '14:00',
  lengthMinutes: 30,
  activityCodeId: 'meet',
  offsetMinutes: 30,
};

describe('the bulk dialog’s edit', () => {
  it('builds each kind as the contract’s intent', () => {
    expect(bulkIntent(form)).toEqual({
      ok: true,
      intent: {
        kind: 'insertActivity',
        businessUnitDate: '2026-12-09',
        startTime: '14:00',
        lengthMinutes: 30,
        activityCodeId: 'meet',
      },
    });
    expect(bulkIntent({ ...form, kind: 'moveShifts', date: '' })).toEqual({
      ok: true,
      intent: { kind: 'moveShifts', byMinutes: 30 },
    });
    expect(bulkIntent({ ...form, kind: 'moveShifts', offsetMinutes: -60 })).toEqual({
      ok: true,
      intent: { kind: 'moveShifts', byMinutes: -60, businessUnitDate: '2026-12-09' },
    });
    expect(bulkIntent({ ...form, kind: 'dropDayShifts' })).toEqual({
      ok: true,
      intent: { kind: 'dropDayShifts', businessUnitDate: '2026-12-09' },
    });
    expect(bulkIntent({ ...form, kind: 'holdBack' })).toEqual({ ok: true, intent: { kind: 'holdBack' } });
  });

  it('says in words what is wrong before anything is sent', () => {
    expect(bulkIntent({ ...form, startTime: '25:00' })).toEqual({
      ok: false,
      problem: expect.stringContaining('HH:mm'),
    });
    expect(bulkIntent({ ...form, lengthMinutes: 0 })).toEqual({
      ok: false,
      problem: expect.stringContaining('length'),
    });
    expect(bulkIntent({ ...form, activityCodeId: '' })).toEqual({
      ok: false,
      problem: expect.stringContaining('activity'),
    });
    expect(bulkIntent({ ...form, kind: 'moveShifts', offsetMinutes: 0 })).toEqual({
      ok: false,
      problem: expect.stringContaining('how far'),
    });
    expect(bulkIntent({ ...form, kind: 'dropDayShifts', date: '' })).toEqual({
      ok: false,
      problem: expect.stringContaining('day'),
    });
  });

  it('counts the shifts a dry run changes, drops or adds', () => {
    const s = (id: string, start: string) => ({ id, startDate: start, lengthMinutes: 60, activities: [] });
    const before: AgentWeek = {
      shifts: [s('a', '2026-12-09T14:00:00Z'), s('b', '2026-12-10T14:00:00Z')],
      fullDayTimeOffMarkers: [],
    };
    const after: AgentWeek = {
      shifts: [s('a', '2026-12-09T15:00:00Z'), s('b', '2026-12-10T14:00:00Z')],
      fullDayTimeOffMarkers: [],
    };
    const dropped: AgentWeek = { shifts: [s('b', '2026-12-10T14:00:00Z')], fullDayTimeOffMarkers: [] };
    expect(shiftsTouched([{ before, after }])).toBe(1);
    expect(
      shiftsTouched([
        { before, after },
        { before, after: dropped },
      ]),
    ).toBe(2);
    expect(shiftsTouched([{ before, after: before }])).toBe(0);
  });
});
