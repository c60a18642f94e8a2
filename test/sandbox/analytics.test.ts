/**
 * Conversation details over real HTTP: active script sessions (no
 * `conversationEnd`, agent session with `scriptId`) versus ended ones,
 * filters, paging and refusals; and how sessions move on over time.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceScriptSessions } from '../../main/sandbox/analytics/conversations';
import type { OrgState, ScriptSessionState } from '../../main/sandbox/org/model';
import { createRng } from '../../main/sandbox/random';
import { clientCredentialsToken, openSandbox, type SandboxSession } from './harness';

const path = '/api/v2/analytics/conversations/details/query';
const now = Date.parse('2026-11-23T12:00:00Z');
const iso = (minutesFromNow: number) => new Date(now + minutesFromNow * 60_000).toISOString();
const lastHours = (h: number) => `${iso(-h * 60)}/${iso(0)}`;

let s: SandboxSession;
beforeAll(async () => {
  s = await openSandbox({ agents: 60, weeks: 2 });
});
afterAll(async () => {
  await s?.close();
});

const query = (body: unknown) =>
  s.api<Models.AnalyticsConversationQueryResponse & Models.ErrorBody>('POST', path, body);
const agentOf = (c: Models.AnalyticsConversationWithoutAttributes) =>
  c.participants!.find((p) => p.purpose === 'agent')!;

describe('conversation details query', () => {
  it('shows planted script sessions as active and the rest as ended', async () => {
    const res = await query({ interval: lastHours(9), paging: { pageSize: 100, pageNumber: 1 } });
    expect(res.status).toBe(200);
    const conversations = res.body.conversations!;
    expect(res.body.totalHits).toBe(s.sandbox.runtime.org.scriptSessions.length);
    const plantedUsers = s.sandbox.runtime.manifest.planted
      .filter((p) => p.kind === 'scriptSession')
      .map((p) => p.userId);
    expect(plantedUsers.length).toBeGreaterThan(0);
    for (const c of conversations) {
      const agent = agentOf(c);
      const session = agent.sessions![0]!;
      expect(session).toMatchObject({
        mediaType: 'voice',
        scriptId: expect.any(String),
        sessionId: expect.any(String),
      });
      expect(agent.participantName).toBe(s.sandbox.runtime.org.users.get(agent.userId!)!.name);
      expect(c.participants!.find((p) => p.purpose === 'customer')).toBeDefined();
      const active = plantedUsers.includes(agent.userId);
      expect(c.conversationEnd === undefined).toBe(active);
      expect(session.segments![0]!.segmentEnd === undefined).toBe(active);
    }
  });

  it('treats a session ending after now as still active, and ignores sessions not yet started', async () => {
    const org = s.sandbox.runtime.org;
    const agents = [...org.users.values()].filter((u) => u.managementUnitId);
    const mine: ScriptSessionState[] = [
      {
        conversationId: 'c-ended',
        userId: agents[0]!.id,
        scriptId: 'script-1',
        queueId: 'q',
        start: '2026-11-22T01:00:00.000Z',
        end: '2026-11-22T01:20:00.000Z',
      },
      {
        conversationId: 'c-running',
        userId: agents[1]!.id,
        scriptId: 'script-1',
        queueId: 'q',
        start: '2026-11-22T02:00:00.000Z',
        end: iso(30),
      },
      {
        conversationId: 'c-open',
        userId: agents[2]!.id,
        scriptId: 'script-2',
        queueId: 'q',
        start: '2026-11-22T03:00:00.000Z',
        end: null,
      },
    ];
    org.scriptSessions.push(...mine, { ...mine[2]!, conversationId: 'c-future', start: iso(10) });
    const interval = '2026-11-22T00:00:00Z/2026-11-22T04:00:00Z';
    const all = await query({ interval });
    expect(all.body.conversations!.map((c) => c.conversationId)).toEqual(['c-ended', 'c-running', 'c-open']);
    expect(all.body.conversations![0]!.conversationEnd).toBe('2026-11-22T01:20:00.000Z');
    expect(all.body.conversations![1]!.conversationEnd).toBeUndefined();

    const active = await query({
      interval,
      conversationFilters: [
        { type: 'and', predicates: [{ type: 'dimension', dimension: 'conversationEnd', operator: 'notExists' }] },
      ],
    });
    expect(active.body.conversations!.map((c) => c.conversationId)).toEqual(['c-running', 'c-open']);

    const oneAgent = await query({
      interval,
      segmentFilters: [{ type: 'or', predicates: [{ dimension: 'userId', value: agents[2]!.id }] }],
    });
    expect(oneAgent.body).toMatchObject({ totalHits: 1, conversations: [{ conversationId: 'c-open' }] });
    expect(agentOf(oneAgent.body.conversations![0]!).sessions![0]!.scriptId).toBe('script-2');

    const paged = await query({ interval, paging: { pageSize: 2, pageNumber: 2 }, order: 'desc' });
    expect(paged.body).toMatchObject({ totalHits: 3, conversations: [{ conversationId: 'c-ended' }] });
  });

  it('leaves conversations out when nothing matches', async () => {
    const res = await query({ interval: '2020-01-01T00:00:00Z/2020-01-02T00:00:00Z' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ totalHits: 0 });
  });

  it('refuses a bad interval, paging or filter with an ErrorBody', async () => {
    for (const body of [
      {},
      { interval: 'yesterday' },
      { interval: `${iso(0)}/${iso(-60)}` },
      { interval: '2026-11-22T00:00:00/2026-11-22T04:00:00' },
      { interval: lastHours(1), paging: { pageSize: 101, pageNumber: 1 } },
      { interval: lastHours(1), conversationFilters: [{ type: 'xor', predicates: [] }] },
    ]) {
      const res = await query(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ status: 400, code: 'bad.request', contextId: expect.any(String) });
    }
  });

  it('needs analytics:conversationDetail:view', async () => {
    const restricted = {
      clientId: 'test-no-analytics',
      clientSecret: 's3cret',
      name: 'No analytics',
      permissions: ['wfm:schedule:view'],
      grantTypes: ['client_credentials' as const],
    };
    s.sandbox.runtime.org.clients.set(restricted.clientId, restricted);
    const token = await clientCredentialsToken(s.sandbox, restricted.clientId, restricted.clientSecret);
    const res = await s.api<Models.ErrorBody>(
      'POST',
      path,
      { interval: lastHours(1) },
      { authorization: `Bearer ${token}` },
    );
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('analytics:conversationDetail:view');
  });
});

describe('advanceScriptSessions', () => {
  function smallOrg(): OrgState {
    const users = new Map(
      Array.from({ length: 8 }, (_, i) => [
        `u${i}`,
        { id: `u${i}`, name: `Agent ${i}`, email: `a${i}@x`, managementUnitId: 'mu', businessUnitId: 'bu' },
      ]),
    );
    const session = (userId: string, startMin: number): ScriptSessionState => ({
      conversationId: `c-${userId}`,
      userId,
      scriptId: 'sc',
      queueId: 'q',
      start: iso(startMin),
      end: null,
    });
    return {
      id: 'org',
      name: 'Org',
      thirdPartyOrgName: 'org',
      businessUnits: new Map(),
      users,
      clients: new Map(),
      scriptSessions: [session('u0', -120), session('u1', -90), session('u2', -60), session('u3', -10)],
    };
  }

  it('ends only old unplanted sessions and starts new ones for free agents', () => {
    const org = smallOrg();
    const planted = [{ kind: 'scriptSession' as const, businessUnitId: 'bu', userId: 'u0', detail: '' }];
    let endedTotal = 0;
    for (let round = 0; round < 5; round++)
      endedTotal += advanceScriptSessions(org, new Date(now), createRng(round), planted).ended;
    const byUser = (id: string) => org.scriptSessions.filter((x) => x.userId === id);
    expect(byUser('u0')[0]!.end).toBeNull();
    expect(byUser('u3')[0]!.end).toBeNull();
    expect(endedTotal).toBeGreaterThan(0);
    expect(org.scriptSessions.filter((x) => x.end !== null).every((x) => ['u1', 'u2'].includes(x.userId))).toBe(true);
    // No agent is ever in two active sessions at once.
    const activeUsers = org.scriptSessions.filter((x) => x.end === null).map((x) => x.userId);
    expect(new Set(activeUsers).size).toBe(activeUsers.length);
    expect(org.scriptSessions.length).toBeGreaterThan(4);
  });
});
