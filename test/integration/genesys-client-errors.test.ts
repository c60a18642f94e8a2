/**
 * Every GenesysError kind, from real answers of the sandbox org over HTTP:
 * version conflicts (409 and the 400 variant), 429 with Retry-After, 401,
 * 403, 404 and 400 with details. And the Activity log never holds a token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenesysApi, type GenesysApi } from '../../main/genesys/client/api';
import { createGenesysHttp, type GenesysHttpOptions, type WaitNotice } from '../../main/genesys/client/http';
import { deafOperations, type OperationEvents } from '../../main/genesys/client/operation-events';
import { buScheduleListing } from '../../main/genesys/client/schemas';
import type { AuditEntry } from '../../main/genesys/types';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import { caught, sandboxTokens } from './genesys-client-helpers';

let clockMs = Date.parse('2026-11-23T12:00:00Z');
let sandbox: RunningSandbox;

/** Operations are not awaited in this file: nothing waits, nothing is heard. */
const silentOperations: OperationEvents = deafOperations;

function client(overrides: Partial<GenesysHttpOptions> & { tokens?: ReturnType<typeof sandboxTokens> } = {}) {
  const audit: AuditEntry[] = [];
  const sleeps: number[] = [];
  const waits: WaitNotice[] = [];
  const tokens = overrides.tokens ?? sandboxTokens(sandbox);
  const http = createGenesysHttp({
    env: { apiBase: sandbox.baseUrl, loginBase: sandbox.baseUrl },
    tokens,
    audit: { record: (e) => audit.push(e) },
    profileId: 'sandbox',
    now: () => clockMs,
    // The sandbox clock moves only when the client waits: waits are exact and instant.
    sleep: async (ms) => {
      sleeps.push(ms);
      clockMs += ms;
    },
    onWait: (w) => waits.push(w),
    random: () => 0.5,
    ...overrides,
  });
  const api: GenesysApi = createGenesysApi(http, { operations: silentOperations });
  return { http, api, audit, sleeps, waits, tokens };
}

const week = () => sandbox.runtime.manifest.weeks.find((w) => !w.published)!;

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 21,
    agents: 60,
    weeks: 2,
    operationDelayMs: 10,
    tokenLifetimeSeconds: 3600,
    rateLimitPerMinute: 5_000,
    now: () => new Date(clockMs),
  });
});
afterAll(() => sandbox?.close());

describe('version conflicts', () => {
  it('reports a stale update as versionConflict, whether Genesys says 409 or 400 "does not match"', async () => {
    const { api, audit } = client();
    const w = week();
    const current = await api.getSchedule(sandbox.businessUnitId, w.weekDate, w.scheduleId);
    const statuses = new Set<number | null>();
    for (let i = 0; i < 40 && statuses.size < 2; i++) {
      const err = await caught(
        api.uploadScheduleUpdate(sandbox.businessUnitId, w.weekDate, w.scheduleId, {
          metadata: { version: current.metadata.version + 7 },
          agentSchedules: [],
        }),
      );
      expect(err.kind).toBe('versionConflict');
      expect(err.message).toMatch(/nothing was written/i);
      expect(err.contextId).toMatch(/^[0-9a-f-]{36}$/);
      expect(err.message).toContain(err.contextId!);
      statuses.add(err.status);
    }
    expect([...statuses].sort()).toEqual([400, 409]);
    // A refused write was sent once per call: never retried.
    const updates = audit.filter((e) => e.pathTemplate.endsWith('/update'));
    expect(updates.every((e) => e.attempt === 1 && e.errorKind === 'versionConflict')).toBe(true);
  });
});

describe('rate limits', () => {
  it('waits exactly Retry-After on a 429 for a read, then succeeds', async () => {
    const limited = await startSandbox({
      seed: 22,
      agents: 30,
      weeks: 1,
      rateLimitPerMinute: 5,
      now: () => new Date(clockMs),
    });
    try {
      const tokens = sandboxTokens(limited);
      const token = await tokens.getAccessToken();
      // Another window of the app spends the token's budget first.
      for (let i = 0; i < 5; i++)
        await fetch(`${limited.baseUrl}/api/v2/organizations/me`, { headers: { authorization: `Bearer ${token}` } });
      const { api, audit, sleeps, waits } = client({
        env: { apiBase: limited.baseUrl, loginBase: limited.baseUrl },
        tokens,
      });
      const units = await api.getBusinessUnits();
      expect(units.map((u) => u.id)).toContain(limited.businessUnitId);
      expect(audit.map((e) => [e.status, e.attempt, e.errorKind])).toEqual([
        [429, 1, 'rateLimited'],
        [200, 2, null],
      ]);
      const rateWait = waits.find((w) => w.reason === 'rateLimited')!;
      expect(rateWait.waitMs).toBe(60_000);
      expect(sleeps).toContain(60_000);

      // A write is never retried, even on a 429: the error says how long to wait.
      for (let i = 0; i < 6; i++)
        await fetch(`${limited.baseUrl}/api/v2/organizations/me`, { headers: { authorization: `Bearer ${token}` } });
      const w = limited.runtime.manifest.weeks[0]!;
      const writeAudit = client({ env: { apiBase: limited.baseUrl, loginBase: limited.baseUrl }, tokens });
      const err = await caught(
        writeAudit.http.request({
          method: 'POST',
          pathTemplate:
            '/api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}/update',
          params: { businessUnitId: limited.businessUnitId, weekId: w.weekDate, scheduleId: w.scheduleId },
          body: { uploadKey: 'k' },
          schema: buScheduleListing,
        }),
      );
      expect(err.kind).toBe('rateLimited');
      expect(err.retryAfterMs).toBe(60_000);
      expect(err.message).toMatch(/Wait 60 s/);
      expect(writeAudit.audit).toHaveLength(1);
      expect(writeAudit.sleeps).toEqual([]);
    } finally {
      await limited.close();
    }
  });
});

describe('the throttle', () => {
  it('slows bulk reads down near the budget instead of running into 429', async () => {
    const tight = await startSandbox({
      seed: 24,
      agents: 30,
      weeks: 1,
      rateLimitPerMinute: 20,
      now: () => new Date(clockMs),
    });
    try {
      const { api, audit, waits } = client({
        env: { apiBase: tight.baseUrl, loginBase: tight.baseUrl },
        tokens: sandboxTokens(tight),
      });
      for (let i = 0; i < 45; i++) await api.getOrganization();
      expect(audit.filter((e) => e.status === 429)).toEqual([]);
      expect(audit).toHaveLength(45);
      const throttled = waits.filter((w) => w.reason === 'throttle');
      expect(throttled.length).toBeGreaterThan(0);
      // Never more than the window: waits spread the last 10% of the budget over what is left of the minute.
      expect(throttled.every((w) => w.waitMs > 0 && w.waitMs <= 60_000)).toBe(true);
    } finally {
      await tight.close();
    }
  });
});

describe('refusals', () => {
  it('401: an expired token is invalidated and reported as unauthorized', async () => {
    const short = await startSandbox({
      seed: 23,
      agents: 30,
      weeks: 1,
      tokenLifetimeSeconds: 60,
      now: () => new Date(clockMs),
    });
    try {
      const tokens = sandboxTokens(short);
      const { api, audit } = client({ env: { apiBase: short.baseUrl, loginBase: short.baseUrl }, tokens });
      await api.getOrganization();
      clockMs += 61_000;
      const err = await caught(api.getOrganization());
      expect(err.kind).toBe('unauthorized');
      expect(err.status).toBe(401);
      expect(err.message).toMatch(/Sign in again/);
      expect(tokens.invalidations).toBe(1);
      expect(audit.at(-1)).toMatchObject({ status: 401, errorKind: 'unauthorized', attempt: 1 });
      // The next call fetches a fresh token and works again.
      await api.getOrganization();
      expect(tokens.issued).toHaveLength(2);
    } finally {
      await short.close();
    }
  });

  it('403: names the missing permission', async () => {
    const restricted = {
      clientId: 'test-view-only',
      clientSecret: 's3cret',
      name: 'View only',
      permissions: ['wfm:businessUnit:view', 'wfm:schedule:view'],
      grantTypes: ['client_credentials' as const],
    };
    sandbox.runtime.org.clients.set(restricted.clientId, restricted);
    const { api } = client({ tokens: sandboxTokens(sandbox, restricted.clientId, restricted.clientSecret) });
    const err = await caught(api.getActivityCodes(sandbox.businessUnitId));
    expect(err.kind).toBe('forbidden');
    expect(err.missingPermission).toBe('wfm:activityCode:view');
    expect(err.message).toContain('wfm:activityCode:view');
    const w = week();
    const edit = await caught(
      api.uploadScheduleUpdate(sandbox.businessUnitId, w.weekDate, w.scheduleId, { metadata: { version: 1 } }),
    );
    expect(edit.missingPermission).toBe('wfm:schedule:edit');
  });

  it('404: an unknown schedule is notFound', async () => {
    const { api } = client();
    const err = await caught(
      api.getSchedule(sandbox.businessUnitId, week().weekDate, '00000000-0000-4000-8000-000000000000'),
    );
    expect(err.kind).toBe('notFound');
    expect(err.status).toBe(404);
    expect(err.message).toMatch(/Refresh the list/);
  });

  it('400: an invalid query is invalid, with the details Genesys gave', async () => {
    const { api, audit } = client();
    const err = await caught(api.queryConversationDetails({ interval: 'since yesterday' }));
    expect(err.kind).toBe('invalid');
    expect(err.details).toEqual([expect.objectContaining({ errorCode: 'invalid.interval', fieldName: 'interval' })]);
    expect(err.message).toContain('interval invalid.interval');
    // A 400 is not retried, even for a query.
    expect(audit).toHaveLength(1);
    const me = await caught(api.getUserMe());
    expect(me.kind).toBe('invalid');
    expect(me.message).toMatch(/user context/);
  });
});

describe('the Activity log', () => {
  it('records every attempt by path template, and never a token', async () => {
    const tokens = sandboxTokens(sandbox);
    const { api, audit } = client({ tokens });
    const w = week();
    await api.getBusinessUnit(sandbox.businessUnitId, { expandSettings: true });
    await api.getSchedule(sandbox.businessUnitId, w.weekDate, w.scheduleId);
    const errors: string[] = [];
    await api
      .getSchedule(sandbox.businessUnitId, w.weekDate, 'missing')
      .catch((e: Error) => errors.push(e.message, JSON.stringify(e)));
    expect(audit.map((e) => e.pathTemplate)).toEqual([
      '/api/v2/workforcemanagement/businessunits/{businessUnitId}',
      '/api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}',
      '/api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}',
    ]);
    for (const e of audit)
      expect(Object.keys(e).sort()).toEqual([
        'at',
        'attempt',
        'contextId',
        'durationMs',
        'errorKind',
        'method',
        'pathTemplate',
        'profileId',
        'status',
      ]);
    const text = JSON.stringify(audit) + errors.join(' ');
    expect(tokens.issued).toHaveLength(1);
    expect(text).not.toContain(tokens.issued[0]!);
    expect(text).not.toMatch(/bearer/i);
  });
});
