/**
 * Bulk edits in their own process, for the killed-apply test: applies, one
 * after another, an edit moving every shift of every agent of the draft by
 * 15 minutes (a whole week per agent before and after: a big write), and
 * prints one JSON line after each edit is committed, so the parent knows
 * what must survive a SIGKILL.
 *   node --import tsx test/integration/edits-apply-child.ts <dataDir> <scheduleId> <edits> [pauseAfterChanges]
 * With pauseAfterChanges, the child stops dead inside the first edit's
 * transaction after that many agent changes and says so ({"midWrite": n}):
 * a kill then lands in an open transaction for certain, not by timing luck.
 */
import { writeSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../main/mirror/database';
import { createChangeSetStore, readAgentWeeks } from '../../main/mirror/edits';
import type { AgentChange } from '../../shared/edits/types';
import type { AgentWeek } from '../../shared/publish/agent-week';

const [dataDir, scheduleId, editsArg, pauseArg] = process.argv.slice(2);
if (!editsArg) {
  console.error('usage: edits-apply-child.ts <dataDir> <scheduleId> <edits> [pauseAfterChanges]');
  process.exit(2);
}

const say = (line: object) => writeSync(1, `${JSON.stringify(line)}\n`);

/** The database, with agent-change inserts counted; at the threshold the process blocks inside the transaction. */
function pausingMidWrite(db: Database.Database, after: number): Database.Database {
  let inserted = 0;
  const prepare = (sql: string) => {
    const statement = db.prepare(sql);
    if (!sql.includes('INSERT INTO pending_agent_changes')) return statement;
    return new Proxy(statement, {
      get: (target, prop) =>
        prop === 'run'
          ? (...args: unknown[]) => {
              if (++inserted === after) {
                say({ midWrite: inserted });
                Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
              }
              return target.run(...args);
            }
          : Reflect.get(target, prop, target),
    });
  };
  return new Proxy(db, { get: (target, prop) => (prop === 'prepare' ? prepare : Reflect.get(target, prop, target)) });
}

const later = (iso: string) => new Date(Date.parse(iso) + 15 * 60_000).toISOString();
const moved = (w: AgentWeek): AgentWeek => ({
  ...w,
  shifts: w.shifts.map((s) => ({
    ...s,
    startDate: later(s.startDate),
    activities: s.activities.map((a) => ({ ...a, startDate: later(a.startDate) })),
  })),
});

const opened = openDatabase(dataDir!).db;
const db = pauseArg ? pausingMidWrite(opened, Number(pauseArg)) : opened;
const store = createChangeSetStore(db);
const { businessUnitId, version } = opened
  .prepare('SELECT business_unit_id AS businessUnitId, version FROM schedules WHERE id = ?')
  .get(scheduleId) as { businessUnitId: string; version: number };
const agentIds = opened
  .prepare('SELECT agent_id FROM agent_schedules WHERE schedule_id = ? ORDER BY agent_id')
  .pluck()
  .all(scheduleId) as string[];
const mirror = readAgentWeeks(opened, scheduleId!, agentIds);
say({ ready: agentIds.length });

for (let i = 0; i < Number(editsArg); i++) {
  const effective = new Map(store.effectiveWeeks(scheduleId!).map((e) => [e.agentId, e]));
  const changes: AgentChange[] = agentIds.map((agentId) => {
    const e = effective.get(agentId);
    const before = e ? e.week : mirror.get(agentId)!.week;
    const base = e ? e.baseAgentVersion : mirror.get(agentId)!.version;
    return { agentId, baseAgentVersion: base, before, after: moved(before) };
  });
  const kept = store.apply({
    businessUnitId,
    scheduleId: scheduleId!,
    label: `Move every shift by 15 min for ${agentIds.length} agents`,
    source: { type: 'bulk', agentCount: agentIds.length },
    intent: { kind: 'moveShift', shiftId: 'every', byMinutes: 15 },
    baseScheduleVersion: version,
    changes,
    createdAt: new Date().toISOString(),
  });
  say({ kept: kept.seq });
}
opened.close();
