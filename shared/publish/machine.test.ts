/** The publish machine, one transition of the conflict taxonomy at a time. */
import { describe, expect, it } from 'vitest';
import { OpsError } from '../ops-error';
import { parsePublishState, uploadFor } from './machine';
import type { HttpOutcome } from './machine-events';
import type { PublishState } from './machine-state';
import {
  t0,
  day,
  shift,
  week,
  ok,
  anaBase,
  benBase,
  clock,
  step,
  calls,
  only,
  read,
  confirming,
  sent,
} from '../../test/publish/machine-kit';

describe('the calm path', () => {
  it('publishes in the minimum requests, each journaled before it is made', () => {
    const t = sent(confirming());
    expect(only(t)).toEqual({
      type: 'sendUpdate',
      attempt: 1,
      uploadKey: 'k1',
      version: 10,
      agentIds: ['ana', 'ben'],
      published: true,
    });
    const i = t.effects.findIndex((e) => e.type === 'sendUpdate');
    expect(t.effects[i - 1]).toMatchObject({ type: 'journal', step: { call: 'sendUpdate', attempt: 1 } });
    const upload = uploadFor(t.state);
    expect(upload).toMatchObject({ metadata: { version: 10 }, published: true });
    expect(upload.agentSchedules!.map((a) => [a.userId, a.metadata?.version])).toEqual([
      ['ana', 3],
      ['ben', 5],
    ]);
    let n = step(t.state, { type: 'updateAnswered', outcome: ok, operationId: 'op-1', status: 'Processing' });
    expect(only(n)).toMatchObject({ type: 'awaitOperation', operationId: 'op-1', version: 10 });
    n = step(n.state, { type: 'operationEnded', result: 'applied' });
    expect(n.state.phase).toBe('verifying');
    expect(only(n)).toMatchObject({ type: 'reread', withHistory: false });
    const landed = week(shift('a1', 0, 16), shift('a2', 1, 14));
    n = step(n.state, {
      type: 'reread',
      outcome: ok,
      schedule: { version: 11, published: true },
      agents: [read('ana', landed, 4), read('ben', week(shift('b1', 0, 14)), 6)],
    });
    expect(n.state.phase).toBe('done');
    expect(calls(n.effects)).toEqual([]);
    expect(Object.values(n.state.agents).map((a) => a.status)).toEqual(['applied', 'applied']);
    expect(n.state.log.map((c) => c.call)).toEqual([
      'reread',
      'checkScriptSessions',
      'requestUploadUrl',
      'putUpload',
      'sendUpdate',
      'awaitOperation',
      'reread',
    ]);
  });
});

describe('stale version', () => {
  for (const outcome of [
    { status: 409, contextId: 'ctx-409' },
    { status: 400, error: { message: 'The schedule version (10) does not match the current version (11)' } },
  ] as HttpOutcome[]) {
    it(`on ${outcome.status}: re-reads, rebases on the other editor's change, backs off, resends at the new version`, () => {
      let t = step(sent(confirming()).state, { type: 'updateAnswered', outcome });
      expect(t.state.phase).toBe('rebasing');
      expect(only(t)).toEqual({ type: 'reread', agentIds: ['ana', 'ben'], withHistory: true });
      const theirs = week(shift('a1', 0, 14), shift('a2', 1, 14, 'training'));
      const history = [{ modifiedBy: 'sup-lee', modifiedAt: '2026-11-23T11:59:00Z' }];
      t = step(t.state, {
        type: 'reread',
        outcome: ok,
        schedule: { version: 11, published: false },
        agents: [{ ...read('ana', theirs, 4), history }, read('ben', benBase, 5)],
      });
      expect(only(t)).toEqual({ type: 'analyse', agentIds: ['ana'] });
      expect(t.state.agents.ana!.changedBy).toEqual(history);
      t = step(t.state, { type: 'analysed', findings: [] });
      const wait = only(t);
      expect(wait).toMatchObject({ type: 'wait', reason: 'backoff' });
      expect(wait.type === 'wait' && wait.ms).toBeLessThan(1000);
      t = step(t.state, { type: 'waited' });
      expect(only(t)).toEqual({ type: 'requestUploadUrl', attempt: 2 });
      const ana = uploadFor(t.state).agentSchedules!.find((a) => a.userId === 'ana')!;
      expect(ana.metadata).toEqual({ version: 4 });
      expect(ana.shifts!.find((s) => s.id === 'a2')!.activities![0]!.activityCodeId).toBe('training');
      expect(uploadFor(t.state).metadata).toEqual({ version: 11 });
    });
  }

  it('stops at the cap with a report instead of looping', () => {
    const c = confirming();
    let s: PublishState = { ...c, tuning: { ...c.tuning, maxRetries: { ...c.tuning.maxRetries, staleVersion: 0 } } };
    let t = step(sent(s).state, { type: 'updateAnswered', outcome: { status: 409 } });
    t = step(t.state, {
      type: 'reread',
      outcome: ok,
      schedule: { version: 11, published: false },
      agents: [read('ana', anaBase, 3), read('ben', benBase, 5)],
    });
    s = t.state;
    expect(s.phase).toBe('failed');
    expect(s.outcome).toMatch(/Gave up after 1 tries/);
    expect(Object.values(s.agents).every((a) => a.status === 'failed')).toBe(true);
    expect(calls(t.effects)).toEqual([]);
  });

  it('stops for a decision on a true conflict, and the chosen merge is what goes out', () => {
    let t = step(sent(confirming()).state, { type: 'updateAnswered', outcome: { status: 409 } });
    const theirs = week(shift('a1', 0, 12), shift('a2', 1, 14, 'training'));
    t = step(t.state, {
      type: 'reread',
      outcome: ok,
      schedule: { version: 11, published: false },
      agents: [read('ana', theirs, 4), read('ben', benBase, 5)],
    });
    expect(t.state.phase).toBe('conflict');
    expect(t.state.agents.ana!.status).toBe('conflict');
    expect(t.effects).toContainEqual({
      type: 'emit',
      notice: { kind: 'decisionNeeded', conflictAgentIds: ['ana'], findings: [] },
    });
    t = step(t.state, { type: 'resolve', agentId: 'ana', choice: 'merge' });
    expect(only(t).type).toBe('requestUploadUrl');
    const ana = uploadFor(t.state).agentSchedules!.find((a) => a.userId === 'ana')!;
    expect(ana.shifts!.find((s) => s.id === 'a1')!.startDate).toBe(day(0, 16));
    expect(ana.shifts!.find((s) => s.id === 'a2')!.activities![0]!.activityCodeId).toBe('training');
    expect(t.state.agents.ana!.resolution).toBe('merge');
  });
});

describe('rate limited', () => {
  it('waits exactly Retry-After, in seconds or as an HTTP date, with a countdown, then starts the chain over', () => {
    for (const retryAfter of ['7', new Date(t0 + 60_000).toUTCString()]) {
      const t = step(sent(confirming()).state, { type: 'updateAnswered', outcome: { status: 429, retryAfter } });
      expect(t.state.phase).toBe('rateLimited');
      const wait = only(t);
      const expected = retryAfter === '7' ? 7000 : t0 + 60_000 - clock;
      expect(wait).toEqual({ type: 'wait', ms: expected, untilMs: clock + expected, reason: 'retryAfter' });
      expect(t.state.waiting?.untilMs).toBe(clock + expected);
      expect(only(step(t.state, { type: 'waited' }))).toEqual({ type: 'requestUploadUrl', attempt: 2 });
    }
  });

  it('caps 429s in a row, not over the whole publish: scattered ones between answers never end it', () => {
    let t = step(sent(confirming()).state, { type: 'updateAnswered', outcome: { status: 429, retryAfter: '1' } });
    for (let i = 0; i < 15; i++) {
      expect(t.state.phase).toBe('rateLimited');
      t = step(t.state, { type: 'waited' });
      t = step(t.state, { type: 'uploadUrl', outcome: ok, uploadKey: `k${i}`, url: 'https://u' });
      t = step(t.state, { type: 'uploadPut', outcome: ok });
      t = step(t.state, { type: 'updateAnswered', outcome: { status: 429, retryAfter: '1' } });
    }
    expect(t.state.phase).toBe('rateLimited');
    // Eleven in a row with nothing going through in between is the cap.
    for (let i = 0; i < 11 && t.state.phase === 'rateLimited'; i++) {
      t = step(t.state, { type: 'waited' });
      t = step(t.state, { type: 'uploadUrl', outcome: { status: 429, retryAfter: '1' } });
    }
    expect(t.state.phase).toBe('failed');
    expect(t.state.outcome).toMatch(/Gave up after 11 tries/);
  });

  it('paces by the budget: with the window spent, the next call waits for its reset', () => {
    const s = confirming();
    const t = step(s, { type: 'confirm' });
    const spent = step(t.state, {
      type: 'uploadUrl',
      outcome: { ...ok, rateLimit: { allowed: '300', count: '300', reset: '12' } },
      uploadKey: 'k',
      url: 'https://u',
    });
    const kinds = spent.effects.filter((e) => e.type !== 'emit');
    expect(kinds[0]).toEqual({ type: 'wait', ms: 12_000, untilMs: clock + 12_000, reason: 'pacing' });
    expect(kinds.slice(1).map((e) => e.type)).toEqual(['journal', 'putUpload']);
  });
});

describe('unknown outcome', () => {
  it('reconciles by re-reading and never sends again what landed', () => {
    let t = step(sent(confirming()).state, { type: 'updateAnswered', outcome: { status: 504 } });
    expect(only(t)).toMatchObject({ type: 'wait', reason: 'backoff' });
    t = step(t.state, { type: 'waited' });
    expect(t.state.phase).toBe('reconciling');
    expect(only(t).type).toBe('reread');
    t = step(t.state, {
      type: 'reread',
      outcome: ok,
      schedule: { version: 11, published: true },
      agents: [read('ana', week(shift('a1', 0, 16), shift('a2', 1, 14)), 4), read('ben', week(shift('b1', 0, 14)), 6)],
    });
    expect(t.state.phase).toBe('done');
    expect(t.state.log.filter((c) => c.call === 'sendUpdate')).toHaveLength(1);
  });

  it('after a restart with the update in flight, re-reads first instead of sending it again', () => {
    const inFlight = sent(confirming()).state;
    const journaled = parsePublishState(JSON.parse(JSON.stringify(inFlight)));
    expect(journaled).toEqual(inFlight);
    const t = step(journaled, { type: 'resume' });
    expect(only(t)).toMatchObject({ type: 'reread' });
    expect(t.state.phase).toBe('reconciling');
  });
});

describe('failed operation', () => {
  it('with nothing written re-runs the analysis on what Genesys has and reports it, without retrying', () => {
    let t = step(sent(confirming()).state, { type: 'updateAnswered', outcome: ok, operationId: 'op-1' });
    t = step(t.state, { type: 'operationEnded', result: 'failed' });
    t = step(t.state, {
      type: 'reread',
      outcome: ok,
      schedule: { version: 10, published: false },
      agents: [read('ana', anaBase, 3), read('ben', benBase, 5)],
    });
    expect(only(t)).toEqual({ type: 'analyse', agentIds: ['ana', 'ben'] });
    const finding = { id: 'f1', agentId: 'ana', kind: 'shiftOverlap', severity: 'error' as const, message: 'overlap' };
    t = step(t.state, { type: 'analysed', findings: [finding] });
    expect(t.state.phase).toBe('failed');
    expect(t.state.outcome).toMatch(/nothing was written.*shiftOverlap/);
    expect(calls(t.effects)).toEqual([]);
    // One click: re-read, rebase, resubmit.
    expect(only(step(t.state, { type: 'retry' }))).toMatchObject({ type: 'reread', agentIds: ['ana', 'ben'] });
  });
});

describe('resume', () => {
  it('refuses a damaged journal with a storage error that says where', () => {
    const damaged = { ...JSON.parse(JSON.stringify(confirming())), attempt: -1 };
    expect(() => parsePublishState(damaged)).toThrow(OpsError);
    try {
      parsePublishState(damaged);
    } catch (e) {
      expect((e as OpsError).category).toBe('storage');
      expect((e as OpsError).message).toMatch(/attempt/);
    }
  });
});
