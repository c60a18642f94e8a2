/**
 * Live script sessions through the contract against the sandbox org: a watch
 * reads them again on the cadence, a session that starts or ends in the org
 * shows on the next read with a `scriptSessions.changed`, the reads keep to
 * 2 % of the budget the answers announce, and they stop when the lease lapses
 * or Genesys Cloud cannot be reached (the mirror's sessions and "as of" stay).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import type { Services } from '../../main/services';
import type { OpsArgs, OpsEvents, OpsMethodName, OpsResult } from '../../shared/contract';
import { tempServices } from '../support/temp-services';
import { handClock } from './script-sessions-live-clock';

type Changed = OpsEvents['scriptSessions.changed'];

const clock = handClock('2026-11-23T12:00:00Z');
/** 60 requests a minute: 2 % is 1.2 a minute, so one page at most every 50 s. */
const budgetPerMinute = 60;
const analyticsPath = '/api/v2/analytics/conversations/details/query';
let services: Services;
let org: RunningSandbox;
let profileId: string;
let businessUnitId: string;
const announced: Changed[] = [];
let waiters: Array<(e: Changed) => void> = [];

async function call<M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>> {
  const outcome = await services.dispatch(method, args, { transport: 'http' });
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { category: outcome.error.category });
  return outcome.result as OpsResult<M>;
}

/** Runs the watcher's next turn and waits for what it announces. */
async function nextRead(): Promise<{ moved: number; event: Changed }> {
  const event = new Promise<Changed>((resolve) => waiters.push(resolve));
  const moved = clock.runNext();
  return { moved, event: await event };
}

/** Runs a turn that must not read: it stops (or waits) without a request. */
async function quietTurn(): Promise<void> {
  clock.runNext();
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

async function analyticsReads(): Promise<number> {
  return (await call('activity.list', { profileId, search: analyticsPath, limit: 1, offset: 0 })).total;
}

/** The org's agents of the unit in a session with no end now, as the sandbox holds them. */
function activeInOrg(): string[] {
  const nowMs = clock.now().getTime();
  const bu = org.runtime.org.businessUnits.get(businessUnitId)!;
  const agents = new Set(
    bu.managementUnits.flatMap((mu) =>
      [...org.runtime.org.users.values()].filter((u) => u.managementUnitId === mu.id).map((u) => u.id),
    ),
  );
  return org.runtime.org.scriptSessions
    .filter(
      (s) => agents.has(s.userId) && (s.end === null || Date.parse(s.end) > nowMs) && Date.parse(s.start) <= nowMs,
    )
    .map((s) => s.conversationId)
    .sort();
}

beforeAll(async () => {
  org = await startSandbox({
    seed: 23,
    agents: 40,
    weeks: 2,
    now: clock.now,
    rateLimitPerMinute: budgetPerMinute,
    operationDelayMs: 5,
  });
  businessUnitId = org.businessUnitId;
  services = await tempServices({ now: clock.now, timers: clock.timers });
  services.events.attach((name, payload) => {
    if (name !== 'scriptSessions.changed') return;
    announced.push(payload as Changed);
    const ready = waiters;
    waiters = [];
    for (const w of ready) w(payload as Changed);
  });
  const saved = await call('connections.save', {
    name: 'Chicago',
    kind: 'custom',
    baseUrl: org.baseUrl,
    grantType: 'client_credentials',
    clientId: org.clientId,
    clientSecret: org.clientSecret,
  });
  profileId = saved.id;
  await call('connections.signIn', { id: profileId });
  await call('schedules.discover', { profileId });
  const job = await call('sync.start', { profileId, businessUnitId, weekCount: 1 });
  const ended = await services.jobs.settled(job.jobId);
  expect(ended.state).toBe('succeeded');
});
afterAll(async () => {
  await services?.close();
  await org?.close().catch(() => {});
});

describe('live script sessions', () => {
  let leaseId: string;

  it('shows what the sync saw until a screen watches, then reads again at once', async () => {
    const before = await call('scriptSessions.active', { profileId, businessUnitId });
    expect(before).toMatchObject({ state: 'idle', reason: null, asOf: clock.now().toISOString() });
    expect(before.sessions.map((s) => s.conversationId).sort()).toEqual(activeInOrg());
    expect(before.sessions.length).toBeGreaterThan(0);

    const reads = await analyticsReads();
    const lease = await call('scriptSessions.watch', { profileId, businessUnitId });
    leaseId = lease.leaseId;
    // No answer has named the budget to the watcher yet: Genesys' typical 300 a minute gives the 30 s default.
    expect(lease).toMatchObject({ state: 'live', intervalMs: 30_000 });
    const { moved, event } = await nextRead();
    expect(moved).toBe(0);
    expect(event).toMatchObject({ profileId, state: 'live', asOf: clock.now().toISOString(), changed: false });
    expect(await analyticsReads()).toBe(reads + 1);
  });

  it('records a session that starts and one that ends in the org on the next read, and says so', async () => {
    const sessions = org.runtime.org.scriptSessions;
    const ending = sessions.find((s) => s.end === null && activeInOrg().includes(s.conversationId))!;
    const busy = new Set(sessions.filter((s) => s.end === null).map((s) => s.userId));
    const free = [...org.runtime.org.users.values()].find((u) => u.managementUnitId && !busy.has(u.id))!;
    ending.end = clock.now().toISOString();
    const startedAt = new Date(clock.now().getTime() - 60_000).toISOString();
    sessions.push({
      conversationId: '5e551011-0000-4000-8000-000000000001',
      userId: free.id,
      scriptId: ending.scriptId,
      queueId: ending.queueId,
      start: startedAt,
      end: null,
    });
    // The renewal learns the cadence the first answer's budget allows: 1 page of 2 % of 60 a minute.
    const renewed = await call('scriptSessions.watch', { profileId, businessUnitId, leaseId });
    expect(renewed).toMatchObject({ leaseId, intervalMs: 50_000, state: 'live' });

    const { moved, event } = await nextRead();
    expect(moved).toBe(50_000);
    expect(event).toMatchObject({ state: 'live', changed: true, asOf: clock.now().toISOString() });
    const now = await call('scriptSessions.active', { profileId, businessUnitId });
    expect(now.asOf).toBe(event.asOf);
    expect(now.sessions.map((s) => s.conversationId).sort()).toEqual(activeInOrg());
    expect(now.sessions).toContainEqual({
      agentId: free.id,
      conversationId: '5e551011-0000-4000-8000-000000000001',
      scriptId: ending.scriptId,
      start: startedAt,
    });
    expect(now.sessions.map((s) => s.conversationId)).not.toContain(ending.conversationId);
  });

  it('keeps its reads within 2 % of the budget while the screen stays open', async () => {
    const reads = await analyticsReads();
    const startedMs = clock.now().getTime();
    for (let turn = 0; turn < 6; turn++) {
      await call('scriptSessions.watch', { profileId, businessUnitId, leaseId });
      const { moved, event } = await nextRead();
      expect(moved).toBe(50_000);
      expect(event.changed).toBe(false);
    }
    const made = (await analyticsReads()) - reads;
    const minutes = (clock.now().getTime() - startedMs) / 60_000;
    expect(made).toBe(6);
    expect(made / minutes).toBeLessThanOrEqual(0.02 * budgetPerMinute);
  });

  it('stops when the lease lapses without renewal, and when the screen lets go', async () => {
    const reads = await analyticsReads();
    // A last renewal; then nobody renews. The read an interval later is within the lease, the next is not.
    await call('scriptSessions.watch', { profileId, businessUnitId, leaseId });
    await nextRead();
    await quietTurn();
    expect(clock.pending()).toEqual([]);
    expect(await analyticsReads()).toBe(reads + 1);
    expect((await call('scriptSessions.active', { profileId, businessUnitId })).state).toBe('idle');

    // A screen opens again: its lease is new, so the read happens once the cadence allows (now).
    const lease = await call('scriptSessions.watch', { profileId, businessUnitId, leaseId });
    expect(lease.leaseId).not.toBe(leaseId);
    await nextRead();
    expect(await call('scriptSessions.unwatch', { leaseId: lease.leaseId })).toBe(true);
    await quietTurn();
    expect(clock.pending()).toEqual([]);
    expect(await analyticsReads()).toBe(reads + 2);
    expect(await call('scriptSessions.unwatch', { leaseId: lease.leaseId })).toBe(false);
  });

  it('stops while Genesys Cloud cannot be reached, keeping the mirrored sessions and their "as of"', async () => {
    const lease = await call('scriptSessions.watch', { profileId, businessUnitId });
    await nextRead();
    const kept = await call('scriptSessions.active', { profileId, businessUnitId });
    await org.close();
    await call('scriptSessions.watch', { profileId, businessUnitId, leaseId: lease.leaseId });
    const reads = await analyticsReads();
    const { event } = await nextRead();
    expect(event).toMatchObject({
      state: 'offline',
      reason: expect.stringMatching(/could not be reached/),
      asOf: kept.asOf,
    });
    expect(clock.pending()).toEqual([]);
    // Renewing keeps the lease but does not retry: the re-reads wait for a sign-in, a sync or a new screen.
    const renewed = await call('scriptSessions.watch', { profileId, businessUnitId, leaseId: lease.leaseId });
    expect(renewed).toMatchObject({ leaseId: lease.leaseId, state: 'offline', asOf: kept.asOf });
    expect(clock.pending()).toEqual([]);
    const offline = await call('scriptSessions.active', { profileId, businessUnitId });
    expect(offline).toMatchObject({ state: 'offline', asOf: kept.asOf, sessions: kept.sessions });
    // The failed attempts are in the Activity log; nothing was tried after them.
    const attempts = (await analyticsReads()) - reads;
    expect(attempts).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(await analyticsReads()).toBe(reads + attempts);
  });
});
