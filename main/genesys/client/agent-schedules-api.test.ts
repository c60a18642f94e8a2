/**
 * The agent-schedules query against a fake Genesys (answers chosen per test)
 * and a fake notification source, for what the sandbox cannot show yet: the
 * result of a large query arriving on the user's own topic
 * (`v2.workforcemanagement.users.{userId}.schedules.query`). Also how the
 * client asks when no notification can reach it: inline batches, halved
 * when still answered `Processing`.
 */
import { describe, expect, it } from 'vitest';
import { createAgentSchedulesApi, inlineBatchSize } from './agent-schedules-api';
import { GenesysError } from './errors';
import type { GenesysHttp, RequestSpec } from './http';
import type { OperationEvents, QueryResultReady } from './operation-events';
import type { BuAgentSchedulesQueryResponse } from './schemas';

const agent = (id: string) => ({ user: { id }, shifts: [], fullDayTimeOffMarkers: [], metadata: { version: 1 } });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `agent-${i}`);
const resultFor = (userIds: readonly string[]): BuAgentSchedulesQueryResponse => ({
  agentSchedules: userIds.map(agent),
  businessUnitTimeZone: 'America/Chicago',
});

interface Asked {
  userIds: string[] | undefined;
}

/**
 * Genesys as a function of the request: `answer(userIds)` says how it
 * answers. Downloads serve what was stored under their URL.
 */
function fakeGenesys(answer: (userIds: string[] | undefined, n: number) => 'inline' | 'processing' | 'download') {
  const asked: Asked[] = [];
  const downloads = new Map<string, BuAgentSchedulesQueryResponse>();
  const all = ids(250);
  let op = 0;
  const http: GenesysHttp = {
    async request<S extends import('zod').ZodType>(spec: RequestSpec<S>) {
      const body = spec.body as { managementUnitId: string; userIds?: string[] };
      asked.push({ userIds: body.userIds });
      const wanted = body.userIds ?? all;
      const how = answer(body.userIds, wanted.length);
      const value =
        how === 'inline'
          ? { status: 'Complete', result: resultFor(wanted) }
          : how === 'download'
            ? { status: 'Complete', downloadUrl: store(resultFor(wanted)) }
            : { status: 'Processing', operationId: `op-${++op}`, wanted };
      return spec.schema.parse(value);
    },
    async signedDownload(url, schema) {
      return schema.parse(downloads.get(url));
    },
    async signedUpload() {},
  };
  function store(result: BuAgentSchedulesQueryResponse): string {
    const url = `https://download.example/${downloads.size + 1}`;
    downloads.set(url, result);
    return url;
  }
  return { http, asked, all, store };
}

/** A notification source: the user topic either delivers every query's result, or stays silent. */
function fakeEvents(opts: { refuse?: boolean; deliver?: (operationId: string) => QueryResultReady | null }) {
  const watched: string[] = [];
  const events: OperationEvents = {
    watchBusinessUnit: async () => {},
    async watchScheduleQueries(userId) {
      watched.push(userId);
      if (opts.refuse)
        throw new GenesysError({
          kind: 'invalid',
          status: 400,
          contextId: null,
          code: 'invalid.topic',
          method: 'PUT',
          pathTemplate: '/api/v2/notifications/channels/{channelId}/subscriptions',
          isWrite: false,
        });
    },
    claimOperation: () => {},
    waitFor: async () => null,
    waitForQueryResult: async (operationId) => opts.deliver?.(operationId) ?? null,
  };
  return { events, watched };
}

const query = (api: ReturnType<typeof createAgentSchedulesApi>, userIds?: readonly string[]) =>
  api.queryAgentSchedules('bu-1', '2026-11-23', 's-1', { managementUnitId: 'mu-1', ...(userIds ? { userIds } : {}) });
const returned = (r: BuAgentSchedulesQueryResponse) => r.agentSchedules.map((a) => a.user.id);

describe('signed in as a user: the result comes on the user topic', () => {
  it('subscribes before asking, asks once for the whole unit, and downloads what the notification names', async () => {
    const g = fakeGenesys(() => 'processing');
    const ready = new Map<string, string>();
    const { events, watched } = fakeEvents({
      deliver: (operationId) => ({ operationId, businessUnitId: 'bu-1', downloadUrl: ready.get(operationId)! }),
    });
    // The notification's download holds the whole unit.
    const http: GenesysHttp = {
      ...g.http,
      request: async (spec) => {
        const answer = (await g.http.request(spec)) as { operationId?: string };
        if (answer.operationId) ready.set(answer.operationId, g.store(resultFor(g.all)));
        return answer as never;
      },
    };
    const api = createAgentSchedulesApi(http, events, {
      defaultTimeoutMs: 1_000,
      tokenUser: async () => 'supervisor-1',
      agentsOf: async () => g.all,
    });
    const result = await query(api, g.all);
    expect(watched).toEqual(['supervisor-1']);
    expect(g.asked.map((a) => a.userIds?.length)).toEqual([250]);
    expect(returned(result)).toEqual(g.all);
    // Subscribed once per session, not per query.
    await query(api, g.all);
    expect(watched).toEqual(['supervisor-1']);
  });

  it('when the notification does not come, asks again in inline batches (a query is a read)', async () => {
    const g = fakeGenesys((_, n) => (n > 150 ? 'processing' : 'inline'));
    const { events } = fakeEvents({ deliver: () => null });
    const api = createAgentSchedulesApi(g.http, events, {
      defaultTimeoutMs: 10,
      tokenUser: async () => 'supervisor-1',
      agentsOf: async () => g.all,
    });
    const result = await query(api);
    expect(g.asked.map((a) => a.userIds?.length)).toEqual([undefined, 100, 100, 50]);
    expect(returned(result)).toEqual(g.all);
  });

  it('takes a download URL or an inline result at once', async () => {
    for (const how of ['download', 'inline'] as const) {
      const g = fakeGenesys(() => how);
      const { events } = fakeEvents({});
      const api = createAgentSchedulesApi(g.http, events, {
        defaultTimeoutMs: 10,
        tokenUser: async () => 'supervisor-1',
        agentsOf: async () => g.all,
      });
      expect(returned(await query(api, g.all))).toEqual(g.all);
      expect(g.asked).toHaveLength(1);
    }
  });

  it('a refused user topic means no notification can come: batches, and the topic is not asked for again', async () => {
    const g = fakeGenesys(() => 'inline');
    const { events, watched } = fakeEvents({ refuse: true });
    const api = createAgentSchedulesApi(g.http, events, {
      defaultTimeoutMs: 10,
      tokenUser: async () => 'supervisor-1',
      agentsOf: async () => g.all,
    });
    expect(returned(await query(api, g.all))).toEqual(g.all);
    expect(returned(await query(api, g.all))).toEqual(g.all);
    expect(watched).toEqual(['supervisor-1']);
    expect(g.asked.map((a) => a.userIds?.length)).toEqual([100, 100, 50, 100, 100, 50]);
  });
});

describe('client credentials: no user, so nothing can be notified', () => {
  const noUser = async () => null;

  it(`asks in batches of ${inlineBatchSize}, never waits, and never subscribes`, async () => {
    const g = fakeGenesys(() => 'inline');
    const { events, watched } = fakeEvents({ deliver: () => expect.unreachable() as never });
    const api = createAgentSchedulesApi(g.http, events, {
      defaultTimeoutMs: 60_000,
      tokenUser: noUser,
      agentsOf: async () => [],
    });
    const result = await query(api, [...g.all, 'agent-0']);
    expect(watched).toEqual([]);
    expect(g.asked.map((a) => a.userIds?.length)).toEqual([100, 100, 50]);
    expect(returned(result)).toEqual(g.all);
    expect(result.businessUnitTimeZone).toBe('America/Chicago');
  });

  it('halves a batch Genesys still answers Processing, and keeps the smaller size for the session', async () => {
    const g = fakeGenesys((_, n) => (n > 30 ? 'processing' : 'inline'));
    const { events } = fakeEvents({});
    const api = createAgentSchedulesApi(g.http, events, {
      defaultTimeoutMs: 10,
      tokenUser: noUser,
      agentsOf: async () => [],
    });
    const result = await query(api, g.all.slice(0, 60));
    expect(g.asked.map((a) => a.userIds?.length)).toEqual([60, 30, 30]);
    expect(returned(result)).toEqual(g.all.slice(0, 60));
    g.asked.length = 0;
    await query(api, g.all.slice(0, 45));
    expect(g.asked.map((a) => a.userIds?.length)).toEqual([30, 15]);
  });

  it('without agent ids: the whole unit once, then the schedule’s agents of the unit in batches', async () => {
    const g = fakeGenesys((ids) => (ids === undefined ? 'processing' : 'inline'));
    const { events } = fakeEvents({});
    const asked: string[] = [];
    const api = createAgentSchedulesApi(g.http, events, {
      defaultTimeoutMs: 10,
      tokenUser: noUser,
      agentsOf: async (bu, week, schedule, mu) => {
        asked.push([bu, week, schedule, mu].join(' '));
        return g.all;
      },
    });
    expect(returned(await query(api))).toEqual(g.all);
    expect(asked).toEqual(['bu-1 2026-11-23 s-1 mu-1']);
    expect(g.asked.map((a) => a.userIds?.length)).toEqual([undefined, 100, 100, 50]);
  });

  it('an empty agent list asks nothing; one agent still answered Processing is an error that says why', async () => {
    const g = fakeGenesys(() => 'processing');
    const { events } = fakeEvents({});
    const api = createAgentSchedulesApi(g.http, events, {
      defaultTimeoutMs: 10,
      tokenUser: noUser,
      agentsOf: async () => [],
    });
    expect(await query(api, [])).toEqual({ agentSchedules: [] });
    expect(g.asked).toEqual([]);
    const err = await query(api, ['agent-1', 'agent-2']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GenesysError);
    expect((err as GenesysError).message).toMatch(/only by notification/);
    expect(g.asked.map((a) => a.userIds?.length)).toEqual([2, 1]);
  });

  it('a token whose user cannot be told now (network) is asked about again at the next query', async () => {
    const g = fakeGenesys(() => 'inline');
    const { events, watched } = fakeEvents({});
    let calls = 0;
    const tokenUser = async () => {
      calls += 1;
      if (calls === 1)
        throw new GenesysError({
          kind: 'ambiguous',
          status: null,
          contextId: null,
          code: null,
          method: 'GET',
          pathTemplate: '/api/v2/users/me',
          isWrite: false,
        });
      return 'supervisor-1';
    };
    const api = createAgentSchedulesApi(g.http, events, { defaultTimeoutMs: 10, tokenUser, agentsOf: async () => [] });
    await query(api, g.all);
    expect(watched).toEqual([]);
    await query(api, g.all);
    expect(watched).toEqual(['supervisor-1']);
  });
});
