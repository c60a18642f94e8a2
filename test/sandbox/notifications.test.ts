/**
 * The sandbox notification service over real HTTP and WebSocket: channels,
 * subscriptions and their refusals, delivery, heartbeats, expiry, and
 * reconnecting after every socket drops.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ChannelHub } from '../../main/sandbox/notifications/hub';
import { clientCredentialsToken, openSandbox, type SandboxSession } from './harness';

interface Message {
  topicName: string;
  version?: string;
  eventBody: Record<string, unknown>;
  metadata?: { CorrelationId?: string };
}

/** A socket that keeps everything it receives and can wait for one message. */
async function connect(uri: string) {
  const ws = new WebSocket(uri);
  const received: Message[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    received.push(JSON.parse(String(data)) as Message);
    for (const w of waiters) w();
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const next = (match: (m: Message) => boolean) =>
    new Promise<Message>((resolve) => {
      const check = () => {
        const found = received.find(match);
        if (found) {
          waiters.delete(check);
          resolve(found);
        }
      };
      waiters.add(check);
      check();
    });
  return { ws, received, next, closed };
}

/** The HTTP status of a refused WebSocket handshake. */
function handshakeStatus(uri: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(uri);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => undefined);
    ws.on('open', () => {
      resolve(101);
      ws.terminate();
    });
  });
}

let s: SandboxSession;
let shortLived: SandboxSession;
let topic: string;

beforeAll(async () => {
  s = await openSandbox({ agents: 40, weeks: 1, heartbeatMs: 50 });
  shortLived = await openSandbox({ agents: 40, weeks: 1, channelLifetimeMs: 300 });
  topic = `v2.workforcemanagement.businessunits.${s.sandbox.businessUnitId}.schedules`;
});

afterAll(async () => {
  await s?.close();
  await shortLived?.close();
});

const createChannel = async (session: SandboxSession) => {
  const res = await session.api<{ id: string; connectUri: string; expires: string }>(
    'POST',
    '/api/v2/notifications/channels',
  );
  expect(res.status).toBe(200);
  return res.body;
};
const subs = (id: string) => `/api/v2/notifications/channels/${id}/subscriptions`;

describe('notification channels', () => {
  it('creates a channel with a loopback WebSocket URI and lists it', async () => {
    const channel = await createChannel(s);
    expect(channel.connectUri).toBe(`${s.sandbox.baseUrl.replace('http:', 'ws:')}/channels/${channel.id}`);
    expect(Date.parse(channel.expires)).toBeGreaterThan(s.sandbox.runtime.now().getTime());
    const list = await s.api<{ entities: Array<{ id: string }> }>('GET', '/api/v2/notifications/channels');
    expect(list.body.entities.map((c) => c.id)).toContain(channel.id);
  });

  it('subscribes, delivers events, beats the heart and answers ping', async () => {
    const channel = await createChannel(s);
    const put = await s.api<{ entities: Array<{ id: string; state: string }> }>('PUT', subs(channel.id), [
      { id: topic },
    ]);
    expect(put.status).toBe(200);
    expect(put.body.entities).toEqual([{ id: topic, state: 'Permitted' }]);
    expect((await s.api<{ entities: unknown[] }>('GET', subs(channel.id))).body.entities).toHaveLength(1);

    const socket = await connect(channel.connectUri);
    const beat = await socket.next(
      (m) => m.topicName === 'channel.metadata' && m.eventBody.message === 'WebSocket Heartbeat',
    );
    expect(beat.eventBody).toEqual({ message: 'WebSocket Heartbeat' });
    socket.ws.send(JSON.stringify({ message: 'ping' }));
    await socket.next((m) => m.eventBody.message === 'pong');

    s.sandbox.runtime.notifications.publish(topic, { operationId: 'op-1', status: 'Complete' });
    const event = await socket.next((m) => m.topicName === topic);
    expect(event).toMatchObject({ version: '2', eventBody: { operationId: 'op-1', status: 'Complete' } });
    expect(event.metadata?.CorrelationId).toBeTruthy();

    expect((await s.api('DELETE', subs(channel.id))).status).toBe(204);
    expect((await s.api<{ entities: unknown[] }>('GET', subs(channel.id))).body.entities).toEqual([]);
    socket.ws.terminate();
  });

  it('refuses unknown topics and business units, and hides other tokens’ channels', async () => {
    const channel = await createChannel(s);
    const bad = await s.api<{ message: string; code: string }>('PUT', subs(channel.id), [
      { id: 'v2.users.abc.presence' },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('v2.users.abc.presence');
    const unknownBu = await s.api('PUT', subs(channel.id), [
      { id: 'v2.workforcemanagement.businessunits.nope.schedules' },
    ]);
    expect(unknownBu.status).toBe(400);
    expect((await s.api('PUT', subs(channel.id), { id: topic })).status).toBe(400);

    const otherToken = await clientCredentialsToken(s.sandbox);
    const stranger = await s.api('GET', subs(channel.id), undefined, { authorization: `Bearer ${otherToken}` });
    expect(stranger.status).toBe(404);
    expect((await s.api('GET', subs('no-such-channel'))).status).toBe(404);
  });

  it('rejects a topic the token lacks the permission for', async () => {
    const restricted = {
      clientId: 'test-no-schedules',
      clientSecret: 's3cret',
      name: 'No schedules',
      permissions: ['directory:user:view'],
      grantTypes: ['client_credentials' as const],
    };
    s.sandbox.runtime.org.clients.set(restricted.clientId, restricted);
    const token = await clientCredentialsToken(s.sandbox, restricted.clientId, restricted.clientSecret);
    const auth = { authorization: `Bearer ${token}` };
    const channel = await s.api<{ id: string }>('POST', '/api/v2/notifications/channels', undefined, auth);
    const put = await s.api<{ entities: unknown[] }>('PUT', subs(channel.body.id), [{ id: topic }], auth);
    expect(put.status).toBe(200);
    expect(put.body.entities).toEqual([
      {
        id: topic,
        state: 'Rejected',
        rejectionReason: 'Missing permissions',
        missingPermissions: ['wfm:schedule:view'],
      },
    ]);
    expect((await s.api<{ entities: unknown[] }>('GET', subs(channel.body.id), undefined, auth)).body.entities).toEqual(
      [],
    );
  });

  it('lets a client reconnect to a live channel after every socket drops', async () => {
    const channel = await createChannel(s);
    await s.api('PUT', subs(channel.id), [{ id: topic }]);
    const first = await connect(channel.connectUri);
    (s.sandbox.runtime.notifications as ChannelHub).dropAllSockets();
    expect(await first.closed).toBe(1006);

    const second = await connect(channel.connectUri);
    expect((await s.api('PUT', subs(channel.id), [{ id: topic }])).status).toBe(200);
    s.sandbox.runtime.notifications.publish(topic, { operationId: 'op-2' });
    expect((await second.next((m) => m.topicName === topic)).eventBody).toEqual({ operationId: 'op-2' });
    second.ws.terminate();
  });

  it('keeps at most 20 channels per user and app, dropping the oldest', async () => {
    // Its own app, so channels other tests left behind do not count against the limit.
    const app = {
      clientId: 'test-channel-limit',
      clientSecret: 's3cret',
      name: 'Channel limit',
      permissions: ['wfm:schedule:view'],
      grantTypes: ['client_credentials' as const],
    };
    s.sandbox.runtime.org.clients.set(app.clientId, app);
    const token = await clientCredentialsToken(s.sandbox, app.clientId, app.clientSecret);
    const auth = { authorization: `Bearer ${token}` };
    const ids: string[] = [];
    for (let i = 0; i < 21; i++)
      ids.push((await s.api<{ id: string }>('POST', '/api/v2/notifications/channels', undefined, auth)).body.id);
    const listed = await s.api<{ entities: Array<{ id?: string }> }>(
      'GET',
      '/api/v2/notifications/channels',
      undefined,
      auth,
    );
    expect(listed.body.entities.map((c) => c.id)).toEqual(ids.slice(1));
    expect((await s.api('GET', subs(ids[0]!), undefined, auth)).status).toBe(404);
  });
});

describe('channel expiry', () => {
  it('warns, closes the socket, then forgets the channel', async () => {
    const channel = await createChannel(shortLived);
    await shortLived.api('PUT', subs(channel.id), [
      { id: `v2.workforcemanagement.businessunits.${shortLived.sandbox.businessUnitId}.schedules` },
    ]);
    const socket = await connect(channel.connectUri);
    await socket.next((m) => m.topicName === 'v2.system.socket_closing');
    expect(await socket.closed).toBe(1000);
    expect((await shortLived.api('GET', subs(channel.id))).status).toBe(404);
    expect(await handshakeStatus(channel.connectUri)).toBe(404);
  });
});
