/**
 * The notifications client against the sandbox's channels and WebSockets:
 * operation events, someone else's saves, the short buffer for events that
 * beat the wait, and recovery when sockets drop, heartbeats stop or the
 * channel expires (reconnect, new channel if needed, resubscribe).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGenesysApi } from '../../main/genesys/client/api';
import { createGenesysHttp } from '../../main/genesys/client/http';
import { deafOperations, type OperationEvents } from '../../main/genesys/client/operation-events';
import {
  createNotificationsClient,
  type ConnectionState,
  type NotificationsClient,
  type NotificationsClientOptions,
  type ScheduleSaved,
} from '../../main/genesys/notifications/channel-client';
import type { AuditEntry } from '../../main/genesys/types';
import { channelHubOf } from '../../main/sandbox/notifications/hub';
import { startSandbox, type SandboxOptions } from '../../main/sandbox/server';
import { clientCredentialsToken } from '../sandbox/harness';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const subscriptionsPath = '/api/v2/notifications/channels/{channelId}/subscriptions';

async function rig(sandboxOptions: SandboxOptions, clientOptions: Partial<NotificationsClientOptions> = {}) {
  const sandbox = await startSandbox({
    seed: 51,
    agents: 40,
    weeks: 1,
    operationDelayMs: 10,
    now: () => new Date('2026-11-23T12:00:00Z'),
    ...sandboxOptions,
  });
  cleanups.push(() => sandbox.close());
  const audit: AuditEntry[] = [];
  const httpFor = (clientTag: string) => {
    let token: string | null = null;
    return createGenesysHttp({
      env: { apiBase: sandbox.baseUrl, loginBase: sandbox.baseUrl },
      tokens: {
        getAccessToken: async () => (token ??= await clientCredentialsToken(sandbox)),
        invalidate: () => (token = null),
      },
      audit: { record: (e) => audit.push(e) },
      profileId: clientTag,
      sleep: async () => {},
    });
  };
  const http = httpFor('ours');
  const notifications = createNotificationsClient({
    http,
    heartbeatTimeoutMs: 10_000,
    reconnectDelayMs: 20,
    ownershipGraceMs: 100,
    ...clientOptions,
  });
  cleanups.push(() => notifications.close());
  const api = createGenesysApi(http, { operations: notifications, queryTimeoutMs: 5_000 });
  // Another supervisor's app: same org, its own operations, which ours never claims.
  const nobody: OperationEvents = deafOperations;
  const otherApi = createGenesysApi(httpFor('other'), { operations: nobody });
  const w = sandbox.runtime.manifest.weeks[0]!;
  const buId = sandbox.businessUnitId;
  /** Saves the schedule unchanged, bumping its version; resolves with the operation id. */
  const save = async (by: typeof api) => {
    const current = await by.getSchedule(buId, w.weekDate, w.scheduleId);
    const started = await by.uploadScheduleUpdate(buId, w.weekDate, w.scheduleId, {
      metadata: { version: current.metadata.version },
      agentSchedules: [],
    });
    return started.operationId!;
  };
  return { sandbox, notifications, api, otherApi, audit, buId, save };
}

/** Resolves when the client next reaches `state` (on a channel `accept` likes). */
function reaches(
  client: NotificationsClient,
  state: ConnectionState,
  accept: (channelId: string | null) => boolean = () => true,
) {
  return new Promise<string | null>((resolve) => {
    const stop = client.on('connection', (e) => {
      if (e.state === state && accept(e.channelId)) {
        stop();
        resolve(e.channelId);
      }
    });
  });
}

describe('events', () => {
  it('delivers our operation to its waiter, and reports only someone else’s save as scheduleSaved', async () => {
    const r = await rig({});
    const saves: ScheduleSaved[] = [];
    r.notifications.on('scheduleSaved', (e) => saves.push(e));
    await r.notifications.watchBusinessUnit(r.buId);
    expect(r.notifications.state).toBe('open');

    const ours = await r.save(r.api);
    const event = await r.notifications.waitForOperation(r.buId, ours, 5_000);
    expect(event).toMatchObject({ businessUnitId: r.buId, operationId: ours, status: 'Complete', eventType: 'Update' });

    const theirs = await r.save(r.otherApi);
    const theirEvent = await r.notifications.waitForOperation(r.buId, theirs, 5_000);
    // Waiting claimed it, so wait for the next foreign save instead.
    expect(theirEvent?.operationId).toBe(theirs);
    const foreign = new Promise<ScheduleSaved>((resolve) => r.notifications.on('scheduleSaved', resolve));
    const third = await r.save(r.otherApi);
    const saved = await foreign;
    expect(saved).toMatchObject({
      businessUnitId: r.buId,
      operationId: third,
      scheduleId: r.sandbox.runtime.manifest.weeks[0]!.scheduleId,
    });
    expect(saves.map((s) => s.operationId)).toEqual([third]);
  });

  it('keeps a short buffer: an event that arrived before the wait still resolves it', async () => {
    const r = await rig({});
    await r.notifications.watchBusinessUnit(r.buId);
    const heard = new Promise<string>((resolve) =>
      r.notifications.on('operationFinished', (e) => resolve(e.operationId)),
    );
    const op = await r.save(r.otherApi);
    expect(await heard).toBe(op);
    const event = await r.notifications.waitForOperation(r.buId, op, 1);
    expect(event?.operationId).toBe(op);
    expect(await r.notifications.waitForOperation(r.buId, 'never-happened', 1)).toBeNull();
  });
});

describe('the user topic of agent-schedule query results', () => {
  it('a refused user topic is dropped again, and the business unit topic keeps delivering', async () => {
    const r = await rig({});
    await r.notifications.watchBusinessUnit(r.buId);
    // A client-credentials token has no user: another user's topic (or one of no user) is refused.
    const someone = [...r.sandbox.runtime.org.users.keys()][0]!;
    await expect(r.notifications.watchScheduleQueries(someone)).rejects.toThrow();
    await expect(r.notifications.watchScheduleQueries('no-such-user')).rejects.toThrow();
    const op = await r.save(r.api);
    expect((await r.notifications.waitForOperation(r.buId, op, 5_000))?.status).toBe('Complete');
    // Refused topics are not asked for again when the socket comes back.
    const back = reaches(r.notifications, 'open');
    channelHubOf(r.sandbox.runtime.notifications).dropAllSockets();
    await back;
    const resubscribed = r.audit.filter((e) => e.pathTemplate === subscriptionsPath).at(-1)!;
    expect(resubscribed.status).toBe(200);
    const again = await r.save(r.api);
    expect((await r.notifications.waitForOperation(r.buId, again, 5_000))?.status).toBe('Complete');
  });
});

describe('recovery', () => {
  it('reconnects and resubscribes after the sandbox drops every socket, and still delivers', async () => {
    const r = await rig({ heartbeatMs: 200 });
    await r.notifications.watchBusinessUnit(r.buId);
    const channelId = r.notifications.channelId;
    const back = reaches(r.notifications, 'open');
    channelHubOf(r.sandbox.runtime.notifications).dropAllSockets();
    expect(await back).toBe(channelId);
    expect(r.audit.filter((e) => e.pathTemplate === subscriptionsPath && e.status === 200)).toHaveLength(2);

    const op = await r.save(r.api);
    expect((await r.notifications.waitForOperation(r.buId, op, 5_000))?.status).toBe('Complete');
  });

  it('treats silence as a dead socket: no heartbeat within the timeout means reconnect', async () => {
    // The sandbox sends heartbeats only every minute; the client gives up after 150 ms of silence.
    const r = await rig({ heartbeatMs: 60_000 }, { heartbeatTimeoutMs: 150 });
    await r.notifications.watchBusinessUnit(r.buId);
    const log: ConnectionState[] = [];
    r.notifications.on('connection', (e) => log.push(e.state));
    await reaches(r.notifications, 'open');
    expect(log).toEqual(['reconnecting', 'open']);
  });

  it('creates a new channel when the old one expired, resubscribes, and still delivers', async () => {
    const r = await rig({ channelLifetimeMs: 1_500, heartbeatMs: 100 });
    await r.notifications.watchBusinessUnit(r.buId);
    const first = r.notifications.channelId;
    const second = await reaches(r.notifications, 'open', (id) => id !== first);
    expect(second).not.toBeNull();
    expect(
      r.audit.filter((e) => e.pathTemplate === '/api/v2/notifications/channels' && e.method === 'POST'),
    ).toHaveLength(2);
    const op = await r.save(r.api);
    expect((await r.notifications.waitForOperation(r.buId, op, 5_000))?.operationId).toBe(op);
  });

  it('close() ends pending waits and stops reconnecting', async () => {
    const r = await rig({});
    await r.notifications.watchBusinessUnit(r.buId);
    const pending = r.notifications.waitForOperation(r.buId, 'pending', 60_000);
    r.notifications.close();
    expect(await pending).toBeNull();
    expect(r.notifications.state).toBe('closed');
    await expect(r.notifications.watchBusinessUnit(r.buId)).rejects.toThrow(/closed/);
  });
});
