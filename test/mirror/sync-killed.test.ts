/**
 * A sync killed with SIGKILL (a crash, a closed laptop lid that never comes
 * back) in the middle of writing: the database is intact, every schedule is
 * either absent, as before, or whole and new, and the next sync completes it.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileName, openDatabase } from '../../main/mirror/database';
import { lastSyncRun } from '../../main/mirror/mirror-reads';
import { syncBusinessUnit, type SyncProgressEvent } from '../../main/mirror/sync/sync-business-unit';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import { genesysClient } from './genesys-client';
import { sandboxNow, tempDataDir } from './mirror-rig';
import { incompleteSchedules, mirrorScheduleRows, orgScheduleRows, orgSchedulesIn } from './org-rows';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 54,
    agents: 400,
    weeks: 4,
    operationDelayMs: 5,
    rateLimitPerMinute: 100_000,
    now: () => sandboxNow,
  });
});
afterAll(() => sandbox?.close());

type ChildLine = Partial<SyncProgressEvent> & { midWrite?: number };

/** Runs the child sync and SIGKILLs it on the first line `killWhen` picks; resolves with whether the kill happened. */
function syncAndKill(
  dataDir: string,
  killWhen: (line: ChildLine) => boolean,
  pauseAfterActivities?: number,
): Promise<{ killed: boolean }> {
  const args = [
    dataDir,
    sandbox.baseUrl,
    sandbox.clientId,
    sandbox.clientSecret,
    sandbox.businessUnitId,
    sandboxNow.toISOString(),
  ];
  // Node itself with tsx as a loader: the tsx command would run the script in a grandchild that SIGKILL never reaches.
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/mirror/sync-child.ts',
      ...args,
      ...(pauseAfterActivities ? [String(pauseAfterActivities)] : []),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  createInterface({ input: child.stdout! }).on('line', (text) => {
    if (killWhen(JSON.parse(text) as ChildLine)) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL' })));
}

/** Checks the folder's database and returns how many schedules it holds. */
function checkConsistent(dataDir: string): number {
  const db = new Database(`${dataDir}/${databaseFileName}`);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(incompleteSchedules(db)).toEqual([]);
    // Every schedule present is exactly the sandbox's (it did not change): absent or whole, never partial.
    const mirrored = mirrorScheduleRows(db, sandbox.businessUnitId);
    const ids = new Set(mirrored.schedules.map((s) => (s as string[])[0]));
    const truth = orgScheduleRows(sandbox.runtime.org, sandbox.businessUnitId, [
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
    ]);
    const only = (rows: unknown[]) => rows.filter((r) => ids.has((r as string[])[0]!));
    expect(mirrored).toEqual({
      schedules: only(truth.schedules),
      agentSchedules: only(truth.agentSchedules),
      shifts: only(truth.shifts),
      activities: only(truth.activities),
      fullDayTimeOff: only(truth.fullDayTimeOff),
    });
    return ids.size;
  } finally {
    db.close();
  }
}

describe('a sync killed mid-write', () => {
  it(
    'leaves a consistent database: the schedule being written is absent, those before it whole',
    { timeout: 120_000 },
    async () => {
      const dataDir = tempDataDir();
      // Held inside the second schedule's transaction (100 activity rows past the first schedule's), then killed.
      // The first schedule the sync writes: the current week's first listed (by creation), drafts beside it included.
      const firstWeek = [...sandbox.runtime.org.businessUnits.get(sandbox.businessUnitId)!.schedules.values()]
        .filter((s) => s.weekDate === '2026-11-23')
        .sort((a, b) => a.dateCreated.localeCompare(b.dateCreated))[0]!;
      const firstActivities = [...firstWeek.agentSchedules.values()].reduce(
        (n, a) => n + a.shifts.reduce((m, s) => m + s.activities.length, 0),
        0,
      );
      const first = await syncAndKill(dataDir, (line) => line.midWrite !== undefined, firstActivities + 100);
      expect(first.killed).toBe(true);
      expect(checkConsistent(dataDir)).toBe(1);

      // Another moment: right after the first schedule was saved, while the next one is being fetched.
      const otherDir = tempDataDir();
      expect((await syncAndKill(otherDir, (line) => line.item?.endsWith(': saved') === true)).killed).toBe(true);
      expect(checkConsistent(otherDir)).toBeGreaterThanOrEqual(1);

      // The next sync in the first folder notes the interrupted run and completes the mirror.
      const { db } = openDatabase(dataDir);
      const client = genesysClient(sandbox);
      try {
        const result = await syncBusinessUnit({
          db,
          api: client.api,
          profileId: 'sandbox',
          businessUnitId: sandbox.businessUnitId,
          now: () => sandboxNow,
          onProgress: () => {},
        });
        const total = orgSchedulesIn(sandbox.runtime.org, sandbox.businessUnitId, result.weeks).length;
        expect(result).toMatchObject({ status: 'ok', schedulesFetched: total - 1, schedulesUnchanged: 1 });
        expect(db.prepare('SELECT status, error FROM sync_runs WHERE id < ? ORDER BY id').all(result.id)).toEqual([
          { status: 'failed', error: expect.stringMatching(/^Interrupted/) },
        ]);
        expect(lastSyncRun(db, 'sandbox', sandbox.businessUnitId)?.status).toBe('ok');
        expect(mirrorScheduleRows(db, sandbox.businessUnitId)).toEqual(
          orgScheduleRows(sandbox.runtime.org, sandbox.businessUnitId, result.weeks),
        );
      } finally {
        client.close();
        db.close();
      }
    },
  );
});
