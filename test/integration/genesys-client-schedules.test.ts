/**
 * The typed API against the sandbox org: directory and WFM reads, and the
 * ways agent schedules come back (inline, by download, and for a unit too
 * large to answer inline: in inline batches with client credentials, or by
 * the user topic's notification for a supervisor). The update, publish and
 * import flows and their outcomes are in genesys-client-operations.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeScriptAgents, createGenesysApi, type GenesysApi } from '../../main/genesys/client/api';
import { createGenesysHttp } from '../../main/genesys/client/http';
import { createNotificationsClient, type NotificationsClient } from '../../main/genesys/notifications/channel-client';
import type { AuditEntry } from '../../main/genesys/types';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../main/sandbox/server';
import { supervisorToken } from '../mirror/genesys-client';
import { clientCredentialsToken } from '../sandbox/harness';

const now = new Date('2026-11-23T12:00:00Z');

interface Rig {
  sandbox: RunningSandbox;
  api: GenesysApi;
  notifications: NotificationsClient;
  audit: AuditEntry[];
  close(): Promise<void>;
}

async function rig(
  options: SandboxOptions,
  grant: 'client_credentials' | 'authorization_code' = 'client_credentials',
): Promise<Rig> {
  const sandbox = await startSandbox({
    agents: 120,
    weeks: 2,
    operationDelayMs: 10,
    rateLimitPerMinute: 10_000,
    now: () => now,
    ...options,
  });
  const audit: AuditEntry[] = [];
  let token: string | null = null;
  const http = createGenesysHttp({
    env: { apiBase: sandbox.baseUrl, loginBase: sandbox.baseUrl },
    tokens: {
      getAccessToken: async () =>
        (token ??=
          grant === 'authorization_code' ? supervisorToken(sandbox).token : await clientCredentialsToken(sandbox)),
      invalidate: () => (token = null),
    },
    audit: { record: (e) => audit.push(e) },
    profileId: 'sandbox',
    sleep: async () => {},
  });
  const notifications = createNotificationsClient({ http, heartbeatTimeoutMs: 60_000, reconnectDelayMs: 50 });
  const api = createGenesysApi(http, { operations: notifications, queryTimeoutMs: 5_000 });
  return {
    sandbox,
    api,
    notifications,
    audit,
    close: async () => {
      notifications.close();
      await sandbox.close();
    },
  };
}

let calm: Rig;
beforeAll(async () => {
  // MUs above 30 agents answer asynchronously; the Phoenix MU (24 of 120) inline.
  calm = await rig({ seed: 41, asyncAgentThreshold: 30 });
});
afterAll(() => calm?.close());

const bu = () => calm.sandbox.businessUnitId;
const draft = (r: Rig) => r.sandbox.runtime.manifest.weeks.find((w) => !w.published)!;

describe('reads', () => {
  it('business unit, management units, activity codes, users and names', async () => {
    const { api } = calm;
    expect((await api.getOrganization()).id).toBe(calm.sandbox.runtime.org.id);
    expect((await api.getBusinessUnits()).map((u) => u.id)).toEqual([bu()]);
    const unit = await api.getBusinessUnit(bu(), { expandSettings: true });
    expect(unit.settings).toMatchObject({ timeZone: 'America/Chicago', startDayOfWeek: 'Monday' });
    const mus = await api.getManagementUnits(bu());
    expect(mus.map((m) => m.timeZone).sort()).toEqual(['America/Chicago', 'America/Chicago', 'America/Phoenix']);
    expect((await api.getActivityCodes(bu())).some((c) => c.category === 'TimeOff')).toBe(true);

    const members = await api.getBusinessUnitUsers(bu());
    const ids = members.flatMap((m) => m.users.map((u) => u.id));
    expect(ids).toHaveLength(120);
    const onlyPhoenix = await api.getBusinessUnitUsers(bu(), [mus.find((m) => m.timeZone === 'America/Phoenix')!.id]);
    expect(onlyPhoenix).toHaveLength(1);

    const before = calm.audit.length;
    const users = await api.getUsers([...ids, ids[0]!]);
    expect(new Set(users.map((u) => u.id))).toEqual(new Set(ids));
    expect(users.every((u) => typeof u.name === 'string' && u.name.length > 0)).toBe(true);
    // 120 ids, at most 100 per request.
    expect(calm.audit.slice(before).filter((e) => e.pathTemplate === '/api/v2/users')).toHaveLength(2);
  });

  it('schedules of a week, one schedule, time off, and active script sessions', async () => {
    const { api } = calm;
    const w = draft(calm);
    expect((await api.listSchedules(bu(), w.weekDate)).map((s) => s.id)).toContain(w.scheduleId);
    const schedule = await api.getSchedule(bu(), w.weekDate, w.scheduleId);
    expect(schedule.metadata.version).toBeGreaterThan(0);
    expect(schedule.published).toBe(false);
    const mu = (await api.getManagementUnits(bu()))[0]!;
    const timeOff = await api.queryTimeOffRequests(mu.id, { statuses: ['APPROVED', 'PENDING'] });
    expect(timeOff.every((r) => r.metadata.version >= 1)).toBe(true);

    const conversations = await api.queryConversationDetails({
      interval: `${new Date(now.getTime() - 8 * 3_600_000).toISOString()}/${now.toISOString()}`,
    });
    const planted = calm.sandbox.runtime.manifest.planted
      .filter((p) => p.kind === 'scriptSession')
      .map((p) => p.userId);
    const active = activeScriptAgents(conversations).map((a) => a.userId);
    expect(planted.length).toBeGreaterThan(0);
    for (const userId of planted) expect(active).toContain(userId);
  });
});

describe('agent schedules: the ways of answering', () => {
  const subscriptions = '/api/v2/notifications/channels/{channelId}/subscriptions';

  async function unitsBySize() {
    const mus = await calm.api.getManagementUnits(bu());
    const members = await calm.api.getBusinessUnitUsers(bu());
    const size = (id: string) => members.find((m) => m.managementUnit.id === id)!.users.length;
    const sorted = [...mus].sort((a, b) => size(a.id) - size(b.id));
    return { small: sorted[0]!, large: sorted.at(-1)!, size };
  }
  /** The draft's agents of a unit, as the schedule lists them (expand=managementUnits.agents). */
  async function scheduleAgents(r: Rig, managementUnitId: string) {
    const w = draft(r);
    const header = await r.api.getSchedule(bu(), w.weekDate, w.scheduleId, { expandAgents: true });
    return header.managementUnits.find((m) => m.managementUnit.id === managementUnitId)!.agents!.map((a) => a.id);
  }
  const requestsSince = (r: Rig, from: number, template: string) =>
    r.audit.slice(from).filter((e) => e.pathTemplate === template).length;

  it('inline for a small management unit', async () => {
    const { small, size } = await unitsBySize();
    const w = draft(calm);
    const downloadsBefore = calm.audit.filter((e) => e.pathTemplate === '{signedDownloadUrl}').length;
    const result = await calm.api.queryAgentSchedules(bu(), w.weekDate, w.scheduleId, { managementUnitId: small.id });
    expect(calm.audit.filter((e) => e.pathTemplate === '{signedDownloadUrl}')).toHaveLength(downloadsBefore);
    expect(result.agentSchedules).toHaveLength(size(small.id));
    expect(result.businessUnitTimeZone).toBe('America/Chicago');
    expect(result.agentSchedules.every((a) => a.metadata.version >= 1)).toBe(true);
  });

  it('client credentials, a unit too large to answer inline: never a wait, never a user topic, every agent', async () => {
    const { large, size } = await unitsBySize();
    const w = draft(calm);
    const userIds = await scheduleAgents(calm, large.id);
    expect(userIds.length).toBeGreaterThan(30);
    const from = calm.audit.length;
    const started = Date.now();
    // However the sandbox answers a token without a user (inline batches, or a download URL at once).
    const result = await calm.api.queryAgentSchedules(bu(), w.weekDate, w.scheduleId, {
      managementUnitId: large.id,
      userIds,
    });
    expect(result.agentSchedules.map((a) => a.user.id).sort()).toEqual([...userIds].sort());
    expect(result.agentSchedules).toHaveLength(size(large.id));
    expect(requestsSince(calm, from, subscriptions)).toBe(0);
    // Nothing waited for a notification (the query timeout is 5 s).
    expect(Date.now() - started).toBeLessThan(2_000);
    // Without the ids too (when Genesys would not answer inline, the client reads the schedule's agents itself).
    const whole = await calm.api.queryAgentSchedules(bu(), w.weekDate, w.scheduleId, { managementUnitId: large.id });
    expect(whole.agentSchedules).toHaveLength(size(large.id));
    expect(requestsSince(calm, from, subscriptions)).toBe(0);
  });

  it('client credentials and forceAsync: every agent, or an error that says why, and never a hang', async () => {
    const { small } = await unitsBySize();
    const w = draft(calm);
    const userIds = (await scheduleAgents(calm, small.id)).slice(0, 4);
    const started = Date.now();
    const answer = await calm.api
      .queryAgentSchedules(bu(), w.weekDate, w.scheduleId, { managementUnitId: small.id, userIds, forceAsync: true })
      .catch((e: unknown) => e as Error);
    expect(Date.now() - started).toBeLessThan(2_000);
    if (answer instanceof Error) expect(answer.message).toMatch(/only by notification/);
    else expect(answer.agentSchedules.map((a) => a.user.id).sort()).toEqual([...userIds].sort());
  });

  it('by download URL (forceDownloadService), fetched without the bearer token', async () => {
    const { large, size } = await unitsBySize();
    const w = draft(calm);
    const userIds = (await calm.api.getBusinessUnitUsers(bu(), [large.id]))[0]!.users.slice(0, 5).map((u) => u.id);
    const subset = await calm.api.queryAgentSchedules(bu(), w.weekDate, w.scheduleId, {
      managementUnitId: large.id,
      userIds,
      forceDownloadService: true,
    });
    expect(subset.agentSchedules.map((a) => a.user.id).sort()).toEqual([...userIds].sort());
    const all = await calm.api.queryAgentSchedules(bu(), w.weekDate, w.scheduleId, {
      managementUnitId: large.id,
      forceDownloadService: true,
    });
    expect(all.agentSchedules).toHaveLength(size(large.id));
  });

  describe('signed in as a supervisor', () => {
    let supervisor: Rig;
    beforeAll(async () => {
      supervisor = await rig({ seed: 41, asyncAgentThreshold: 30 }, 'authorization_code');
    });
    afterAll(() => supervisor?.close());

    it('knows whose token it is (/users/me, once) and reads a large unit whole, however the answer comes', async () => {
      const mus = await supervisor.api.getManagementUnits(supervisor.sandbox.businessUnitId);
      const w = draft(supervisor);
      const heard: string[] = [];
      supervisor.notifications.on('queryResult', (e) => heard.push(e.operationId));
      for (const mu of mus) {
        const userIds = await scheduleAgents(supervisor, mu.id);
        const result = await supervisor.api.queryAgentSchedules(
          supervisor.sandbox.businessUnitId,
          w.weekDate,
          w.scheduleId,
          {
            managementUnitId: mu.id,
            userIds,
          },
        );
        expect(result.agentSchedules.map((a) => a.user.id).sort()).toEqual([...userIds].sort());
      }
      expect(supervisor.audit.filter((e) => e.pathTemplate === '/api/v2/users/me')).toHaveLength(1);
      // It subscribed to the user's query topic before the first query, and the units above 30 agents came by it.
      expect(supervisor.audit.filter((e) => e.pathTemplate === subscriptions).length).toBeGreaterThanOrEqual(1);
      expect(heard.length).toBeGreaterThanOrEqual(1);
    });
  });
});
