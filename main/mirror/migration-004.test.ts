/** Migration 004 on a mirror written before it: the packed agent weeks are rebuilt from the shift and activity rows, nothing is lost. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { migrations } from './migrations';
import { decodeAgentWeek, type DecodedShift } from './timeline/packed-week';

const at = (iso: string) => Date.parse(iso);

function mirrorBefore004(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.slice(0, 3));
  db.exec(`
    INSERT INTO schedules (id, business_unit_id, week_date, week_count, published, version, agent_count, max_shift_minutes, activity_codes_json, fetched_at)
      VALUES ('week-1', 'bu', '2026-11-23', 1, 0, 3, 2, 480, '["on-queue"]', '2026-11-23T06:00:00Z'),
             ('empty', 'bu', '2026-11-30', 1, 0, 1, 0, 0, '[]', '2026-11-23T06:00:00Z');
    INSERT INTO agent_schedules (schedule_id, agent_id, management_unit_id, version, fetched_at)
      VALUES ('week-1', 'ana', 'mu', 1, '2026-11-23T06:00:00Z'), ('week-1', 'bea', 'mu', 1, '2026-11-23T06:00:00Z');
    INSERT INTO shifts (key, id, schedule_id, agent_id, start_ms, end_ms, start_date, length_minutes, manually_edited, activities_json) VALUES
      (2, 'tue', 'week-1', 'ana', ${at('2026-11-24T14:00:00Z')}, ${at('2026-11-24T22:00:00Z')}, '2026-11-24T14:00:00Z', 480, 0, '[]'),
      (1, 'mon', 'week-1', 'ana', ${at('2026-11-23T14:00:00Z')}, ${at('2026-11-23T15:00:00Z')}, '2026-11-23T14:00:00Z', 60, 1, '[]');
    INSERT INTO activities (shift_key, seq, start_ms, length_minutes, activity_code_id, paid) VALUES
      (2, 0, ${at('2026-11-24T14:00:00Z')}, 120, 'on-queue', 1),
      (2, 1, ${at('2026-11-24T16:00:00Z')}, 30, 'break', NULL);
  `);
  return db;
}

describe('migration 004 (packed agent weeks)', () => {
  it('packs every mirrored agent week from its rows and drops what the old shift scan needed', () => {
    const db = mirrorBefore004();
    expect(migrate(db, migrations).applied).toEqual(migrations.slice(3).map((m) => m.id)); // 004 and any after it

    expect(
      db
        .prepare('SELECT id, first_shift_start_ms, last_shift_end_ms, activity_codes_json FROM schedules ORDER BY id')
        .raw()
        .all(),
    ).toEqual([
      ['empty', null, null, '[]'],
      // 'break' was missing from the list: added, not lost
      ['week-1', at('2026-11-23T14:00:00Z'), at('2026-11-24T22:00:00Z'), '["on-queue","break"]'],
    ]);
    const rows = db
      .prepare('SELECT schedule_id, agent_id, first_start_ms, last_end_ms, packed FROM timeline_weeks')
      .raw()
      .all() as Array<[string, string, number, number, Buffer]>;
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['week-1', 'ana', at('2026-11-23T14:00:00Z'), at('2026-11-24T22:00:00Z')],
    ]);
    const shifts: DecodedShift[] = [];
    decodeAgentWeek(rows[0]![4], 'week-1', ['on-queue', 'break'], -Infinity, Infinity, shifts);
    expect(shifts).toEqual([
      {
        key: 1,
        id: 'mon',
        scheduleId: 'week-1',
        startMs: at('2026-11-23T14:00:00Z'),
        endMs: at('2026-11-23T15:00:00Z'),
        manuallyEdited: true,
        activities: [],
      },
      {
        key: 2,
        id: 'tue',
        scheduleId: 'week-1',
        startMs: at('2026-11-24T14:00:00Z'),
        endMs: at('2026-11-24T22:00:00Z'),
        manuallyEdited: false,
        activities: [
          { startMs: at('2026-11-24T14:00:00Z'), lengthMinutes: 120, activityCodeId: 'on-queue', paid: true },
          { startMs: at('2026-11-24T16:00:00Z'), lengthMinutes: 30, activityCodeId: 'break', paid: null },
        ],
      },
    ]);
    const columns = (table: string) =>
      (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns('shifts')).not.toContain('activities_json');
    expect(columns('schedules')).not.toContain('max_shift_minutes');
    expect(db.prepare('SELECT count(*) FROM activities').pluck().get()).toBe(2);
  });

  it('removes a packed week with its schedule', () => {
    const db = mirrorBefore004();
    migrate(db, migrations);
    db.prepare("DELETE FROM schedules WHERE id = 'week-1'").run();
    expect(db.prepare('SELECT count(*) FROM timeline_weeks').pluck().get()).toBe(0);
  });
});
