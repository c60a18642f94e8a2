/**
 * Large agent-schedule query results arrive on the token user's own topic,
 * `v2.workforcemanagement.users.{userId}.schedules.query`, never on the BU's
 * schedules topic; a client-credentials token, which has no user, gets a
 * download URL instead.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, openSandbox, supervisorToken, type SandboxSession } from './harness';
import { scheduleHelpers } from './schedule-helpers';

let s: SandboxSession;
let h: ReturnType<typeof scheduleHelpers>;
let supervisor: { token: string; userId: string };

beforeAll(async () => {
  s = await openSandbox({ seed: 17, agents: 300, asyncAgentThreshold: 50, operationDelayMs: 10, autoApprove: true });
  h = scheduleHelpers(s);
  const client = [...s.sandbox.runtime.org.clients.values()].find((c) => c.grantTypes.includes('authorization_code'))!;
  supervisor = { token: await supervisorToken(s.sandbox), userId: client.userId! };
});
afterAll(() => s.close());

const queryTopic = (userId: string) => `v2.workforcemanagement.users.${userId}.schedules.query`;
const week = () => s.sandbox.runtime.manifest.weeks[0]!;

/** The BU's largest MU: more agents than the async threshold, fewer than the download one. */
function largeUnit() {
  const counts = h
    .bu()
    .managementUnits.map((mu) => ({
      mu,
      n: [...h.bu().schedules.get(week().scheduleId)!.agentSchedules.values()].filter(
        (a) => a.managementUnitId === mu.id,
      ).length,
    }))
    .sort((a, b) => b.n - a.n);
  const { mu, n } = counts[0]!;
  expect(n).toBeGreaterThan(s.sandbox.runtime.config.asyncAgentThreshold);
  expect(n).toBeLessThanOrEqual(s.sandbox.runtime.config.downloadAgentThreshold);
  return { mu, n };
}

const query = (headers: Record<string, string>, body: unknown, flags = '') =>
  s.api<Models.BuAsyncAgentSchedulesQueryResponse>(
    'POST',
    `${h.path(week())}/agentschedules/query${flags}`,
    body,
    headers,
  );

describe('a large query with a supervisor’s token', () => {
  it('answers Processing, then tells {operationId, businessUnitId, downloadUrl} on the user’s topic only', async () => {
    const { mu, n } = largeUnit();
    const mine = await listen(s, [queryTopic(supervisor.userId)], supervisor.token);
    const bu = await listen(s, [h.schedulesTopic], supervisor.token);
    const res = await query({ authorization: `Bearer ${supervisor.token}` }, { managementUnitId: mu.id });
    expect(res.body).toEqual({ status: 'Processing', operationId: expect.any(String) });
    const event = await mine.next((e) => e.eventBody.operationId === res.body.operationId);
    expect(event.topicName).toBe(queryTopic(supervisor.userId));
    expect(event.eventBody).toEqual({
      operationId: res.body.operationId,
      businessUnitId: h.buId,
      downloadUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/sandbox-storage\/downloads\//),
    });
    const result = (await (
      await fetch(String(event.eventBody.downloadUrl))
    ).json()) as Models.BuAgentSchedulesQueryResponse;
    expect(result.agentSchedules).toHaveLength(n);
    await new Promise((r) => setTimeout(r, 100));
    expect(bu.events.filter((e) => e.topicName === h.schedulesTopic)).toEqual([]);
    mine.close();
    bu.close();
  });

  it('lets a token subscribe to its own user’s query topic only', async () => {
    const other = [...s.sandbox.runtime.org.users.values()].find((u) => u.id !== supervisor.userId)!;
    const auth = { authorization: `Bearer ${supervisor.token}` };
    const channel = await s.api<{ id: string }>('POST', '/api/v2/notifications/channels', undefined, auth);
    const put = await s.api<Models.ChannelTopicEntityListing>(
      'PUT',
      `/api/v2/notifications/channels/${channel.body.id}/subscriptions`,
      [{ id: queryTopic(supervisor.userId) }, { id: queryTopic(other.id) }],
      auth,
    );
    expect(put.body.entities!.map((t) => [t.id, t.state])).toEqual([
      [queryTopic(supervisor.userId), 'Permitted'],
      [queryTopic(other.id), 'Rejected'],
    ]);
    const unknown = await s.api(
      'PUT',
      `/api/v2/notifications/channels/${channel.body.id}/subscriptions`,
      [{ id: queryTopic('no-such-user') }],
      auth,
    );
    expect(unknown.status).toBe(400);
  });
});

describe('a large query with a client-credentials token', () => {
  it('answers with a download URL at once, also when asked to answer asynchronously', async () => {
    const { mu, n } = largeUnit();
    for (const flags of ['', '?forceAsync=true']) {
      const res = await query({}, { managementUnitId: mu.id }, flags);
      expect(res.body).toEqual({ status: 'Complete', downloadUrl: expect.any(String) });
      const result = (await (await fetch(res.body.downloadUrl!)).json()) as Models.BuAgentSchedulesQueryResponse;
      expect(result.agentSchedules).toHaveLength(n);
    }
  });

  it('has no user topic to subscribe to', async () => {
    const channel = await s.api<{ id: string }>('POST', '/api/v2/notifications/channels');
    const put = await s.api<Models.ChannelTopicEntityListing>(
      'PUT',
      `/api/v2/notifications/channels/${channel.body.id}/subscriptions`,
      [{ id: queryTopic(supervisor.userId) }],
    );
    expect(put.body.entities).toEqual([expect.objectContaining({ state: 'Rejected' })]);
  });
});
