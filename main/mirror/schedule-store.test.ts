import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgentSchedule } from '../genesys/client/schemas';
import { openDatabase } from './database';
import { decodeAgentWeek, type DecodedShift } from './timeline/packed-week';
import { createScheduleStore, type ScheduleSnapshot } from './schedule-store';

const db = () => openDatabase(mkdtempSync(path.join(tmpdir(), 'pd-schedule-'))).db;

function agent(id: string, version: number, startDate = '2026-11-24T14:00:00.000Z'): AgentSchedule {
  return {
    user: { id },
    metadata: { version },
    shifts: [
      {
        id: `shift-${id}`,
        startDate,
        lengthMinutes: 480,
        activities: [{ startDate, lengthMinutes: 480, activityCodeId: 'on-queue', paid: true }],
      },
    ],
    fullDayTimeOffMarkers: [
      { businessUnitDate: '2026-11-26', startOffsetMinutes: 480, lengthMinutes: 480, activityCodeId: 'vacation' },
    ],
  };
}

function snapshot(version: number, agents: AgentSchedule[]): ScheduleSnapshot {
  return {
    businessUnitId: 'bu',
    header: {
      id: 'week-1',
      weekDate: '2026-11-23',
      weekCount: 1,
      published: false,
      description: 'Week of 2026-11-23',
      metadata: { version },
    },
    managementUnits: [{ managementUnitId: 'mu', agentSchedules: agents }],
    fetchedAt: `2026-11-23T0${version}:00:00.000Z`,
  };
}

const count = (d: ReturnType<typeof db>, table: string) => d.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('schedule store', () => {
  it('replaces a schedule whole, keeping per-agent versions and "as of"', () => {
    const d = db();
    const store = createScheduleStore(d);
    expect(store.write(snapshot(1, [agent('a', 1), agent('b', 1)]))).toEqual({
      agentSchedules: 2,
      shifts: 2,
      activities: 2,
      fullDayTimeOff: 2,
    });
    store.write(snapshot(2, [agent('a', 2)]));
    expect(d.prepare('SELECT agent_id, version, fetched_at FROM agent_schedules').raw().all()).toEqual([
      ['a', 2, '2026-11-23T02:00:00.000Z'],
    ]);
    expect([count(d, 'shifts'), count(d, 'activities'), count(d, 'full_day_time_off')]).toEqual([1, 1, 1]);
    expect(store.versions('bu')).toEqual([{ id: 'week-1', weekDate: '2026-11-23', weekCount: 1, version: 2 }]);
  });

  it("packs each agent week for the timeline, codes by their place in the schedule's list", () => {
    const d = db();
    const a = agent('a', 1);
    a.shifts[0]!.activities.push({ startDate: '2026-11-24T16:00:00.000Z', lengthMinutes: 30, activityCodeId: 'break' });
    a.shifts.unshift({
      id: 'early',
      startDate: '2026-11-23T14:00:00.000Z',
      lengthMinutes: 60,
      manuallyEdited: true,
      activities: [],
    });
    createScheduleStore(d).write(snapshot(1, [a, { ...agent('idle', 1), shifts: [] }]));
    expect(
      d.prepare('SELECT activity_codes_json, first_shift_start_ms, last_shift_end_ms FROM schedules').raw().get(),
    ).toEqual(['["on-queue","break"]', Date.parse('2026-11-23T14:00:00.000Z'), Date.parse('2026-11-24T22:00:00.000Z')]);
    // an agent without shifts has no packed week
    const rows = d
      .prepare('SELECT agent_id, first_start_ms, last_end_ms, packed FROM timeline_weeks')
      .raw()
      .all() as Array<[string, number, number, Buffer]>;
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['a', Date.parse('2026-11-23T14:00:00.000Z'), Date.parse('2026-11-24T22:00:00.000Z')],
    ]);
    const shifts: DecodedShift[] = [];
    decodeAgentWeek(rows[0]![3], 'week-1', ['on-queue', 'break'], -Infinity, Infinity, shifts);
    expect(
      shifts.map((s) => [
        s.id,
        s.manuallyEdited,
        s.activities.map((x) => [x.startMs, x.lengthMinutes, x.activityCodeId, x.paid]),
      ]),
    ).toEqual([
      ['early', true, []],
      [
        'shift-a',
        false,
        [
          [Date.parse('2026-11-24T14:00:00.000Z'), 480, 'on-queue', true],
          [Date.parse('2026-11-24T16:00:00.000Z'), 30, 'break', null],
        ],
      ],
    ]);
    // the packed weeks go with the schedule they came from
    createScheduleStore(d).write(snapshot(2, [agent('b', 1)]));
    expect(d.prepare('SELECT agent_id FROM timeline_weeks').pluck().all()).toEqual(['b']);
  });

  it("writes packed weeks in the timeline's order (agent names), so a window reads neighbouring pages", () => {
    const d = db();
    const named = d.prepare(
      "INSERT INTO agents (id, business_unit_id, management_unit_id, name, fetched_at) VALUES (?, 'bu', 'mu', ?, '2026-11-23T06:00:00Z')",
    );
    named.run('z-id', 'Ana');
    named.run('a-id', 'Zoe');
    named.run('m-id', 'bea');
    createScheduleStore(d).write(
      snapshot(1, [agent('a-id', 1), agent('m-id', 1), agent('unnamed', 1), agent('z-id', 1)]),
    );
    expect(d.prepare('SELECT agent_id FROM timeline_weeks ORDER BY rowid').pluck().all()).toEqual([
      'z-id',
      'm-id',
      'a-id',
      'unnamed',
    ]);
  });

  it('leaves the previous copy when a write fails half way', () => {
    const d = db();
    const store = createScheduleStore(d);
    store.write(snapshot(1, [agent('a', 1), agent('b', 1)]));
    const broken = agent('c', 3);
    (broken.shifts[0]!.activities[0] as { activityCodeId: unknown }).activityCodeId = null;
    expect(() => store.write(snapshot(2, [agent('a', 2), broken]))).toThrow(/NOT NULL/);
    expect(d.prepare('SELECT agent_id, version FROM agent_schedules ORDER BY agent_id').raw().all()).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(d.prepare('SELECT version, agent_count FROM schedules').raw().all()).toEqual([[1, 2]]);
    expect(count(d, 'activities')).toBe(2);
  });

  it('confirms an unchanged version by refreshing only the "as of" and status', () => {
    const d = db();
    const store = createScheduleStore(d);
    store.write(snapshot(1, [agent('a', 1)]));
    expect(store.confirm({ ...snapshot(1, []).header, published: true }, '2026-11-23T09:00:00.000Z')).toBe(true);
    expect(store.confirm(snapshot(2, []).header, '2026-11-23T09:00:00.000Z')).toBe(false);
    expect(d.prepare('SELECT published, fetched_at FROM schedules').raw().get()).toEqual([
      1,
      '2026-11-23T09:00:00.000Z',
    ]);
    expect(count(d, 'shifts')).toBe(1);
  });

  it('counts an agent reported twice once', () => {
    const d = db();
    const s = snapshot(1, [agent('a', 1)]);
    s.managementUnits.push({ managementUnitId: 'mu-2', agentSchedules: [agent('a', 1)] });
    expect(createScheduleStore(d).write(s).agentSchedules).toBe(1);
  });
});
