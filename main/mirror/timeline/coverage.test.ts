import { describe, expect, it } from 'vitest';
import { agent, local, mirror, zone } from './coverage-fixture';
import { readCoverage } from './coverage-count';
import { createCoverageCache } from './coverage-cache';
import Database from 'better-sqlite3';

const index = (startMs: number, localIso: string) => (local(localIso) - startMs) / 900_000;

describe('readCoverage', () => {
  it("counts the roster's agents on queue in the schedule's week, from BU-local midnight", () => {
    const { db, write } = mirror();
    write('s1', '2026-10-26', 2, [
      agent('ana', [
        [
          ['2026-10-27T08:00', 120, 'queue'],
          ['2026-10-27T10:00', 15, 'break'],
          ['2026-10-27T10:15', 50, 'chat'],
        ],
        // Saturday night into the fall-back Sunday: 01:00-02:00 happens twice.
        [['2026-10-31T23:00', 240, 'queue']],
        // The second week of the schedule.
        [['2026-11-03T08:00', 60, 'queue']],
      ]),
      agent('bea', [
        [
          ['2026-10-27T08:05', 60, 'meeting'],
          ['2026-10-27T09:05', 30, 'queue'],
        ],
      ]),
      // Not in the unit's roster (moved away): the timeline does not show them, coverage does not count them.
      agent('gone', [[['2026-10-27T08:00', 480, 'queue']]]),
    ]);
    const coverage = readCoverage(db, { businessUnitId: 'bu', scheduleId: 's1', week: '2026-10-26' });
    expect(coverage).toMatchObject({
      businessUnitId: 'bu',
      scheduleId: 's1',
      week: '2026-10-26',
      timeZone: zone,
      startMs: Date.parse('2026-10-26T05:00:00Z'),
      intervalMinutes: 15,
      required: null,
    });
    expect(coverage.onQueue).toHaveLength(676);
    const i = index(coverage.startMs, '2026-10-27T08:00');
    // Ana 08:00-10:00 and 10:15-11:05; Bea 09:05-09:35.
    expect(coverage.onQueue.slice(i, i + 13)).toEqual([1, 1, 1, 1, 5 / 3, 2, 20 / 15, 1, 0, 1, 1, 1, 5 / 15]);
    // 23:00 CDT Saturday + 4 h ends at 02:00 CST Sunday: 16 quarter hours of one agent.
    const night = index(coverage.startMs, '2026-10-31T23:00');
    expect(coverage.onQueue.slice(night - 1, night + 17)).toEqual([0, ...Array<number>(16).fill(1), 0]);
    expect(coverage.onQueue.reduce((a, b) => a + b, 0) * 15).toBeCloseTo(120 + 50 + 30 + 240, 9);

    const second = readCoverage(db, { businessUnitId: 'bu', scheduleId: 's1', week: '2026-11-02' });
    expect(second.onQueue).toHaveLength(672);
    expect(second.onQueue.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('counts nothing where the unit lists no on-queue code, and refuses what it cannot answer', () => {
    const { db, write } = mirror();
    write('s1', '2026-11-23', 1, [agent('ana', [[['2026-11-24T08:00', 60, 'unlisted']]])]);
    const coverage = readCoverage(db, { businessUnitId: 'bu', scheduleId: 's1', week: '2026-11-23' });
    expect(coverage.onQueue.every((n) => n === 0)).toBe(true);
    expect(() => readCoverage(db, { businessUnitId: 'bu', scheduleId: 's1', week: '2026-11-30' })).toThrow(
      /does not cover the week of 2026-11-30; it covers 2026-11-23/,
    );
    expect(() => readCoverage(db, { businessUnitId: 'bu', scheduleId: 'nope', week: '2026-11-23' })).toThrow(
      /not mirrored/,
    );
    expect(() => readCoverage(db, { businessUnitId: 'other', scheduleId: 's1', week: '2026-11-23' })).toThrow(
      /not been synced/,
    );
  });
});

describe('the coverage cache', () => {
  it('answers from memory until this or another connection writes the mirror', () => {
    const { db, write } = mirror();
    write('s1', '2026-11-23', 1, [agent('ana', [[['2026-11-24T08:00', 60, 'queue']]])]);
    const cache = createCoverageCache(db);
    const q = { businessUnitId: 'bu', scheduleId: 's1', week: '2026-11-23' };
    const first = cache.read(q);
    expect(cache.read(q)).toBe(first);
    const sum = (c: { onQueue: number[] }) => c.onQueue.reduce((a, b) => a + b, 0);
    expect(sum(first)).toBe(4);

    // The sync worker writes on its own connection: data_version moves on ours.
    const other = new Database(db.name);
    other.prepare("UPDATE activity_codes SET category = 'Break' WHERE business_unit_id = 'bu' AND id = 'queue'").run();
    other.close();
    const afterWorker = cache.read(q);
    expect(afterWorker).not.toBe(first);
    expect(sum(afterWorker)).toBe(0);

    // A write on this connection counts too.
    write('s1', '2026-11-23', 1, [agent('ana', [[['2026-11-24T08:00', 120, 'chat']]])]);
    expect(sum(cache.read(q))).toBe(8);
  });
});
