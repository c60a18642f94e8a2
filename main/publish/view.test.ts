/** The publish view's agent names: from the mirror, read again once a sync (another connection) renamed someone. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confirming } from '../../test/publish/machine-kit';
import { openDatabase } from '../mirror/database';
import { createPublishJournal } from './journal';
import { publishView } from './view';

const job = { id: 'job-1', profileId: 'p', businessUnitId: 'bu', scheduleId: 'sch', week: '2026-11-23' };
const run = { running: true, heldReady: [] };

describe('the publish view', () => {
  it('names the agents from the mirror, and follows a rename the sync wrote from its own connection', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pd-view-'));
    const { db } = openDatabase(dir);
    const addAgent = db.prepare(
      `INSERT INTO agents (id, business_unit_id, name, fetched_at) VALUES (?, 'bu', ?, '2026-11-23T06:00:00Z')`,
    );
    addAgent.run('ana', 'Ana Flores');
    addAgent.run('ben', 'Ben Okafor');
    const journal = createPublishJournal(db);
    journal.create({ ...job, createdAt: '2026-11-23T06:00:00Z', runJobId: null }, confirming());
    const names = () => publishView(db, journal, journal.job(job.id)!, run).agents.map((a) => [a.agentId, a.agentName]);
    expect(names()).toEqual([
      ['ana', 'Ana Flores'],
      ['ben', 'Ben Okafor'],
    ]);
    expect(names()).toEqual([
      ['ana', 'Ana Flores'],
      ['ben', 'Ben Okafor'],
    ]);
    // The worker's sync writes the mirror on its own connection.
    const worker = openDatabase(dir).db;
    worker.prepare(`UPDATE agents SET name = 'Ana Flores-Ruiz' WHERE id = 'ana'`).run();
    expect(names()).toEqual([
      ['ana', 'Ana Flores-Ruiz'],
      ['ben', 'Ben Okafor'],
    ]);
    worker.close();
    db.close();
  });
});
