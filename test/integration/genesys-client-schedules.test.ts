/**
 * The typed API against the sandbox org: directory and WFM reads, the three
 * ways agent schedules come back (inline, by notification, by download), the
 * update/publish and import flows, and waiting for an operation whose
 * notification is lost (`slow-async`), which falls back to re-reading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeScriptAgents, createGenesysApi, type GenesysApi } from '../../main/genesys/client/api';
import { createGenesysHttp } from '../../main/genesys/client/http';
import { createNotificationsClient, type NotificationsClient } from '../../main/genesys/notifications/channel-client';
import type { AuditEntry } from '../../main/genesys/types';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../main/sandbox/server';
import { clientCredentialsToken } from '../sandbox/harness';

const now = new Date('2026-11-23T12:00:00Z');

interface Rig {
  sandbox: RunningSandbox;
  api: GenesysApi;
  notifications: NotificationsClient;
  audit: AuditEntry[];
  close(): Promise<void>;
}

async function rig(options: SandboxOptions): Promise<Rig> {
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
      getAccessToken: async () => (token ??= await clientCredentialsToken(sandbox)),
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

describe('agent schedules: three ways of answering', () => {
  async function unitsBySize() {
    const mus = await calm.api.getManagementUnits(bu());
    const members = await calm.api.getBusinessUnitUsers(bu());
    const size = (id: string) => members.find((m) => m.managementUnit.id === id)!.users.length;
    const sorted = [...mus].sort((a, b) => size(a.id) - size(b.id));
    return { small: sorted[0]!, large: sorted.at(-1)!, size };
  }

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

  it('by notification for a large one (and with forceAsync), then by its download URL', async () => {
    const { small, large, size } = await unitsBySize();
    const w = draft(calm);
    const heard: string[] = [];
    const stop = calm.notifications.on('operationFinished', (e) => heard.push(e.eventType));
    const byNotification = await calm.api.queryAgentSchedules(bu(), w.weekDate, w.scheduleId, {
      managementUnitId: large.id,
    });
    expect(byNotification.agentSchedules).toHaveLength(size(large.id));
    const forced = await calm.api.queryAgentSchedules(bu(), w.weekDate, w.scheduleId, {
      managementUnitId: small.id,
      forceAsync: true,
    });
    expect(forced.agentSchedules).toHaveLength(size(small.id));
    stop();
    expect(heard).toEqual(['AgentSchedulesQuery', 'AgentSchedulesQuery']);
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
});

describe('writes', () => {
  it('update + publish: upload, process, and the notification confirms the new version', async () => {
    const w = draft(calm);
    const before = await calm.api.getSchedule(bu(), w.weekDate, w.scheduleId);
    const started = await calm.api.uploadScheduleUpdate(bu(), w.weekDate, w.scheduleId, {
      metadata: { version: before.metadata.version },
      published: true,
      agentSchedules: [],
    });
    expect(started.status).toBe('Processing');
    const outcome = await calm.api.awaitScheduleOperation(bu(), w.weekDate, w.scheduleId, started.operationId!, {
      expectedVersionAbove: before.metadata.version,
      timeoutMs: 5_000,
    });
    expect(outcome).toEqual({
      outcome: 'completed',
      via: 'notification',
      status: 'Complete',
      version: before.metadata.version + 1,
    });
    expect((await calm.api.getSchedule(bu(), w.weekDate, w.scheduleId)).published).toBe(true);
    // The body went to the signed URL (the Activity log names it by role, never by its secret URL).
    expect(calm.audit.some((e) => e.pathTemplate === '{signedUploadUrl}' && e.status === 200)).toBe(true);
  });

  it('import creates a new schedule, named by its notification', async () => {
    const w = calm.sandbox.runtime.manifest.weeks[0]!;
    const description = 'Imported by the client test';
    const started = await calm.api.importSchedule(bu(), w.weekDate, { description, weekCount: 1, agentSchedules: [] });
    const outcome = await calm.api.awaitImportOperation(bu(), w.weekDate, started.operationId!, {
      timeoutMs: 5_000,
      description,
    });
    expect(outcome.outcome).toBe('completed');
    const listed = await calm.api.listSchedules(bu(), w.weekDate);
    expect(listed.find((s) => s.id === outcome.scheduleId)?.description).toBe(description);
  });
});

describe('slow-async: the notification is late or lost', () => {
  let slow: Rig;
  beforeAll(async () => {
    slow = await rig({ seed: 43, faults: ['slow-async'], operationDelayMs: 50 });
  });
  afterAll(() => slow?.close());

  it('falls back to re-reading the schedule: completed when its version moved, unknown when not', async () => {
    const w = draft(slow);
    const id = slow.sandbox.businessUnitId;
    const before = await slow.api.getSchedule(id, w.weekDate, w.scheduleId);
    const started = await slow.api.uploadScheduleUpdate(id, w.weekDate, w.scheduleId, {
      metadata: { version: before.metadata.version },
      agentSchedules: [],
    });
    // slow-async takes 1–1.5 s (or never): 100 ms is not enough, so the version decides.
    const outcome = await slow.api.awaitScheduleOperation(id, w.weekDate, w.scheduleId, started.operationId!, {
      expectedVersionAbove: before.metadata.version,
      timeoutMs: 100,
    });
    expect(outcome).toEqual({ outcome: 'completed', via: 'reread', version: before.metadata.version + 1 });

    const nothing = await slow.api.awaitScheduleOperation(
      id,
      w.weekDate,
      w.scheduleId,
      'an-operation-that-never-ends',
      { expectedVersionAbove: before.metadata.version + 1, timeoutMs: 50 },
    );
    expect(nothing).toEqual({ outcome: 'unknown', via: 'reread', version: before.metadata.version + 1 });
  });

  it('an import without a notification is unknown, with the candidates to reconcile against', async () => {
    const w = slow.sandbox.runtime.manifest.weeks[0]!;
    const id = slow.sandbox.businessUnitId;
    const description = 'Slow import';
    const started = await slow.api.importSchedule(id, w.weekDate, { description, weekCount: 1, agentSchedules: [] });
    const outcome = await slow.api.awaitImportOperation(id, w.weekDate, started.operationId!, {
      timeoutMs: 100,
      description,
    });
    expect(outcome.outcome).toBe('unknown');
    expect(outcome.candidates?.map((c) => c.description)).toEqual([description]);
  });
});
