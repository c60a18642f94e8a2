/**
 * The sandbox's `flaky` profile over real HTTP: 5xx, connection resets and
 * hangs. Reads are retried until they succeed; writes are sent exactly once
 * (they may have been applied); a hang longer than the client's timeout is
 * `ambiguous`. Waits go through an injected sleep, so nothing here depends
 * on the wall clock beyond the client's own short timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenesysApi } from '../../main/genesys/client/api';
import { GenesysError } from '../../main/genesys/client/errors';
import { createGenesysHttp } from '../../main/genesys/client/http';
import { deafOperations, type OperationEvents } from '../../main/genesys/client/operation-events';
import type { AuditEntry } from '../../main/genesys/types';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import { clientCredentialsToken } from '../sandbox/harness';

let sandbox: RunningSandbox;
const silentOperations: OperationEvents = deafOperations;
const schedulePath = '/api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}';

function flakyClient(maxReadAttempts: number) {
  const audit: AuditEntry[] = [];
  const sleeps: number[] = [];
  let token: string | null = null;
  const http = createGenesysHttp({
    env: { apiBase: sandbox.baseUrl, loginBase: sandbox.baseUrl },
    tokens: {
      getAccessToken: async () => (token ??= await clientCredentialsToken(sandbox)),
      invalidate: () => (token = null),
    },
    audit: { record: (e) => audit.push(e) },
    profileId: 'flaky',
    // Shorter than the sandbox's hang, so a hang ends as a client timeout.
    timeoutMs: 250,
    maxReadAttempts,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  });
  return { api: createGenesysApi(http, { operations: silentOperations }), audit, sleeps };
}

/** Audit entries of the calls made between two audit lengths, grouped by call (each starts at attempt 1). */
function callsIn(entries: AuditEntry[]): AuditEntry[][] {
  const calls: AuditEntry[][] = [];
  for (const e of entries) {
    if (e.attempt === 1) calls.push([]);
    calls.at(-1)!.push(e);
  }
  return calls;
}

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 31,
    agents: 40,
    weeks: 2,
    faults: ['flaky'],
    faultHangMs: 5_000,
    operationDelayMs: 10,
    rateLimitPerMinute: 100_000,
    now: () => new Date('2026-11-23T12:00:00Z'),
  });
});
afterAll(() => sandbox?.close());

const draft = () => sandbox.runtime.manifest.weeks.find((w) => !w.published)!;

describe('flaky reads', () => {
  it('are retried after 5xx, resets and timeouts until they succeed', async () => {
    const { api, audit, sleeps } = flakyClient(10);
    const w = draft();
    for (let i = 0; i < 40; i++) {
      const schedule = await api.getSchedule(sandbox.businessUnitId, w.weekDate, w.scheduleId);
      expect(schedule.id).toBe(w.scheduleId);
    }
    const calls = callsIn(audit);
    expect(calls).toHaveLength(40);
    expect(calls.every((c) => c.at(-1)!.status === 200)).toBe(true);
    const retried = calls.filter((c) => c.length > 1);
    expect(retried.length).toBeGreaterThan(0);
    const failedKinds = new Set(audit.map((e) => e.errorKind).filter(Boolean));
    expect(failedKinds.has('server')).toBe(true);
    expect(failedKinds.has('ambiguous')).toBe(true);
    // Full jitter with random() = 0.5: half the ceiling, 500 ms · 2^attempt.
    expect(sleeps.length).toBe(audit.length - calls.length);
    expect(sleeps.every((ms) => ms > 0 && ms <= 7_500)).toBe(true);
  });

  it('give up after the per-call budget with the last error', async () => {
    const { api, audit } = flakyClient(1);
    const w = draft();
    let failure: GenesysError | null = null;
    for (let i = 0; i < 200 && !failure; i++) {
      failure = await api.getSchedule(sandbox.businessUnitId, w.weekDate, w.scheduleId).then(
        () => null,
        (e: unknown) => (e instanceof GenesysError ? e : null),
      );
    }
    expect(failure).not.toBeNull();
    expect(callsIn(audit).every((c) => c.length === 1)).toBe(true);
  });
});

describe('flaky writes', () => {
  it('are sent exactly once per call, whatever the answer', async () => {
    const { api, audit } = flakyClient(10);
    const w = draft();
    const outcomes: string[] = [];
    for (let i = 0; i < 25; i++) {
      const current = await api.getSchedule(sandbox.businessUnitId, w.weekDate, w.scheduleId);
      const before = audit.length;
      const result = await api
        .uploadScheduleUpdate(sandbox.businessUnitId, w.weekDate, w.scheduleId, {
          metadata: { version: current.metadata.version },
          agentSchedules: [],
        })
        .then(
          () => 'ok',
          (e: unknown) => (e instanceof GenesysError ? e.kind : 'crash'),
        );
      outcomes.push(result);
      const updates = audit.slice(before).filter((e) => e.pathTemplate === `${schedulePath}/update`);
      if (result === 'ok' || result === 'server' || result === 'ambiguous') expect(updates).toHaveLength(1);
      expect(updates.length).toBeLessThanOrEqual(1);
    }
    expect(outcomes).toContain('ok');
    // Some writes failed (maybe after applying) and still were not retried.
    expect(outcomes.some((o) => o === 'server' || o === 'ambiguous')).toBe(true);
    expect(outcomes).not.toContain('crash');
  });
});

describe('a hang longer than the client timeout', () => {
  it('is ambiguous: no status, and the advice to re-read', async () => {
    const { api, audit } = flakyClient(1);
    const w = draft();
    let hang: GenesysError | null = null;
    for (let i = 0; i < 400 && !hang; i++) {
      const err = await api.getSchedule(sandbox.businessUnitId, w.weekDate, w.scheduleId).then(
        () => null,
        (e: unknown) => (e instanceof GenesysError ? e : null),
      );
      if (err?.kind === 'ambiguous' && err.serverMessage === 'timed out') hang = err;
    }
    expect(hang).not.toBeNull();
    expect(hang!.status).toBeNull();
    expect(hang!.message).toMatch(/No answer came from Genesys Cloud/);
    expect(audit.at(-1)).toMatchObject({ status: null, errorKind: 'ambiguous', contextId: null });
  });
});
