/**
 * Bulk edits SIGKILLed mid-apply (a crash, a closed lid that never comes
 * back): after every kill the database passes quick_check, every edit in it
 * is whole (all of its agents' changes) or absent, the change set has no
 * gap, every edit the process reported as kept is there, and the agents'
 * effective weeks are exactly the kept edits applied, in order.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../main/mirror/database';
import { createChangeSetStore } from '../../main/mirror/edits';
import { draftId, mirroredUnit } from '../mirror/edits-fixtures';

const agents = 3_000;

type ChildLine = { ready?: number; kept?: number; midWrite?: number };

/** mulberry32: kill moments drawn from a seed, so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Runs the child; `killAfterMs` after it reported its first kept edit (or on its mid-write line), SIGKILL.
 * Counting from a kept edit makes every round add to the change set whatever the machine's speed, and
 * lands the kill anywhere in the next edit: before its transaction, inside it, or after its commit.
 */
function applyAndKill(
  dataDir: string,
  opts: { killAfterMs?: number; pauseAfterChanges?: number },
): Promise<{ killed: boolean; kept: number[]; midWrite: boolean }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/integration/edits-apply-child.ts',
      dataDir,
      draftId,
      '1000',
      ...(opts.pauseAfterChanges ? [String(opts.pauseAfterChanges)] : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const kept: number[] = [];
  let midWrite = false;
  createInterface({ input: child.stdout! }).on('line', (text) => {
    const line = JSON.parse(text) as ChildLine;
    if (line.kept !== undefined) kept.push(line.kept);
    if (line.midWrite !== undefined) {
      midWrite = true;
      child.kill('SIGKILL');
    }
    if (line.kept !== undefined && kept.length === 1 && opts.killAfterMs !== undefined)
      setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs);
  });
  return new Promise((resolve) =>
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', kept, midWrite })),
  );
}

/** Checks the folder's change set; returns how many edits it holds. */
function checkWholeOrAbsent(dataDir: string, reportedKept: number): number {
  const db = new Database(`${dataDir}/${databaseFileName}`);
  try {
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const edits = db
      .prepare(
        `SELECT e.seq, e.source_json AS source, (SELECT count(*) FROM pending_agent_changes c WHERE c.edit_id = e.id) AS changes
         FROM pending_edits e WHERE e.schedule_id = ? ORDER BY e.seq`,
      )
      .all(draftId) as Array<{ seq: number; source: string; changes: number }>;
    expect(edits.map((e) => e.seq)).toEqual(edits.map((_, i) => i + 1));
    for (const e of edits) {
      expect(e.changes).toBe(agents);
      expect(JSON.parse(e.source)).toEqual({ type: 'bulk', agentCount: agents });
    }
    expect(edits.length).toBeGreaterThanOrEqual(reportedKept);
    // Whole edits, each moving every shift by 15 minutes: the effective week is the mirror's moved by 15 × edits.
    const effective = createChangeSetStore(db).effectiveWeeks(draftId, ['a-1', `a-${agents}`]);
    const expectedStart = new Date(Date.parse('2026-11-24T14:00:00.000Z') + edits.length * 15 * 60_000).toISOString();
    for (const e of effective) {
      expect(e.week.shifts[0]!.startDate).toBe(expectedStart);
      expect(e.week.shifts[0]!.activities[0]!.startDate).toBe(expectedStart);
    }
    expect(effective).toHaveLength(edits.length > 0 ? 2 : 0);
    return edits.length;
  } finally {
    db.close();
  }
}

describe('a bulk edit killed mid-apply', () => {
  it('leaves every edit whole or absent, and each kept edit kept, kill after kill', { timeout: 240_000 }, async () => {
    const { db, dataDir } = mirroredUnit(agents);
    db.close();
    const seed = Number(process.env.EDITS_KILL_SEED ?? 20261123);
    const random = seeded(seed);
    let kept = 0;

    // For certain inside an open transaction: half of the first edit's agents written, then killed.
    const paused = await applyAndKill(dataDir, { pauseAfterChanges: agents / 2 });
    expect(paused).toMatchObject({ killed: true, midWrite: true });
    expect(checkWholeOrAbsent(dataDir, 0)).toBe(0);

    // Then at moments drawn from the seed: before, between and inside later edits.
    for (let round = 0; round < 6; round++) {
      const killAfterMs = Math.floor(random() * 600);
      const run = await applyAndKill(dataDir, { killAfterMs });
      expect(run.killed, `seed ${seed}, round ${round}`).toBe(true);
      const reported = Math.max(kept, ...run.kept);
      expect(reported).toBeGreaterThan(kept);
      kept = checkWholeOrAbsent(dataDir, reported);
    }
    // And a paused kill on top of kept edits: the edit being written is absent, the earlier ones untouched.
    const before = kept;
    expect((await applyAndKill(dataDir, { pauseAfterChanges: 7 })).midWrite).toBe(true);
    expect(checkWholeOrAbsent(dataDir, before)).toBe(before);
  });
});
