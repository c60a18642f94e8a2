/** The journal's state: written per agent, read back as written, and the same to a journal opened afresh. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PublishState } from '../../shared/publish/machine-state';
import { confirming, sent, step, ok, read, anaMine, benBase } from '../../test/publish/machine-kit';
import { openDatabase } from '../mirror/database';
import { createPublishJournal } from './journal';

const job = { id: 'job-1', profileId: 'p', businessUnitId: 'bu', scheduleId: 'sch', week: '2026-11-23' };
const created = { ...job, createdAt: '2026-11-23T12:00:00Z', runJobId: null };
/** What a journal opened afresh on the same folder (the next start of the app) reads. */
const afresh = (dir: string) => createPublishJournal(openDatabase(dir).db).state(job.id);
const asText = (s: PublishState) => JSON.parse(JSON.stringify(s)) as unknown;

/** Sent, refused as stale, and re-read: ana and ben both moved. */
function rebased(state: PublishState): PublishState {
  const t = step(state, { type: 'updateAnswered', outcome: { status: 409, contextId: 'c' } });
  return step(t.state, {
    type: 'reread',
    outcome: ok,
    schedule: { version: 11, published: false },
    agents: [read('ana', anaMine, 4), read('ben', benBase, 6)],
  }).state;
}

describe('the journaled state', () => {
  it('reads back what was committed, here and in a journal opened afresh, as the agents change', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pd-journal-'));
    const journal = createPublishJournal(openDatabase(dir).db);
    const first = confirming();
    journal.create(created, first);
    expect(afresh(dir)).toEqual(asText(first));
    const next = sent(first).state;
    journal.commit(job.id, next, '2026-11-23T12:00:01Z', [], []);
    expect(journal.state(job.id)).toBe(next);
    expect(afresh(dir)).toEqual(asText(next));
    // A re-read replaces the agents: their rows follow.
    const after = rebased(next);
    expect(after.agents).not.toBe(next.agents);
    journal.commit(job.id, after, '2026-11-23T12:00:02Z', [], []);
    expect(afresh(dir)).toEqual(asText(after));
    expect(afresh(dir).agents.ana!.base.version).toBe(4);
    expect(Object.keys(afresh(dir).agents)).toEqual(['ana', 'ben']);
  });

  it('leaves the state before a commit that fails, here and on disk', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pd-journal-'));
    const journal = createPublishJournal(openDatabase(dir).db);
    const first = sent(confirming()).state;
    journal.create(created, first);
    // A step SQLite refuses (no request) rolls the whole commit back, the agents' rows with it.
    const broken = rebased(first);
    expect(() => journal.commit(job.id, broken, '2026-11-23T12:00:02Z', [{ kind: 'reread' } as never], [])).toThrow();
    expect(journal.state(job.id)).toBe(first);
    expect(afresh(dir)).toEqual(asText(first));
    // The next commit still writes every agent that changed since what is on disk.
    journal.commit(job.id, broken, '2026-11-23T12:00:03Z', [], []);
    expect(afresh(dir)).toEqual(asText(broken));
  });

  it('reads a journal written with the agents in the state (before migration 008), and moves them on commit', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pd-journal-'));
    const { db } = openDatabase(dir);
    const first = sent(confirming()).state;
    createPublishJournal(db).create(created, first);
    db.prepare('DELETE FROM publish_job_agents').run();
    db.prepare('UPDATE publish_jobs SET state_json = ?').run(JSON.stringify(first));
    const journal = createPublishJournal(db);
    expect(journal.state(job.id)).toEqual(asText(first));
    const after = rebased(journal.state(job.id));
    journal.commit(job.id, after, '2026-11-23T12:00:02Z', [], []);
    expect(afresh(dir)).toEqual(asText(after));
    expect(db.prepare('SELECT count(*) FROM publish_job_agents').pluck().get()).toBe(2);
  });

  it('reads again what another connection committed (the CLI publishing in another process)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pd-journal-'));
    const here = createPublishJournal(openDatabase(dir).db);
    const there = createPublishJournal(openDatabase(dir).db);
    const first = confirming();
    there.create(created, first);
    expect(here.state(job.id)).toEqual(asText(first));
    const next = sent(first).state;
    there.commit(job.id, next, '2026-11-23T12:00:01Z', [], []);
    expect(here.state(job.id)).toEqual(asText(next));
    // And a commit here after theirs writes every agent row anew, so a journal opened afresh reads this one.
    const after = rebased(next);
    here.commit(job.id, after, '2026-11-23T12:00:02Z', [], []);
    expect(afresh(dir)).toEqual(asText(after));
  });
});
