/**
 * The notification service: channels (created over REST), their WebSockets,
 * heartbeats, expiry and event delivery. This is how schedule update and
 * import completions reach the console, so it behaves like Genesys Cloud's:
 * sockets can drop while the channel lives on, and channels expire.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Models } from 'purecloud-platform-client-v2';
import { WebSocket, WebSocketServer } from 'ws';
import { decodeComponent, parseRequestTarget } from '../../../shared/request-target';
import { notFound } from '../http/api-error';
import type { NotificationHub, SandboxRuntime, TokenGrant } from '../runtime';

/** Genesys: "a limit of 20 channels per user/app combination". */
export const maxChannelsPerUserApp = 20;

export interface ChannelRecord {
  id: string;
  ownerToken: string;
  /** clientId + userId: the "user/app combination" the channel limit counts by. */
  userApp: string;
  connectUri: string;
  expires: string;
  /** Permitted subscriptions by topic name. */
  topics: Map<string, Models.ChannelTopic>;
  sockets: Set<WebSocket>;
  lastUsed: number;
  timer: NodeJS.Timeout | undefined;
}

export interface ChannelHub extends NotificationHub {
  createChannel(grant: TokenGrant): ChannelRecord;
  /** The caller's channel; 404 if unknown, expired or another token's. */
  channelFor(grant: TokenGrant, channelId: string): ChannelRecord;
  channelsOf(grant: TokenGrant, scope: 'token' | 'oauthclient'): ChannelRecord[];
  /** Resubscribing keeps a channel alive for another lifetime, as in Genesys. */
  renew(channel: ChannelRecord): void;
  /** Test hook: every socket drops, channels live on; clients must reconnect and resubscribe. */
  dropAllSockets(): void;
}

export function channelMessage(channel: ChannelRecord): Models.Channel {
  return { id: channel.id, connectUri: channel.connectUri, expires: channel.expires };
}

/** The routes reach the channel registry through `runtime.notifications`. */
export function channelHubOf(hub: NotificationHub): ChannelHub {
  if (!('createChannel' in hub)) throw new Error('sandbox: runtime.notifications is not the channel hub');
  return hub as ChannelHub;
}

const userAppOf = (grant: TokenGrant) => `${grant.clientId}/${grant.userId ?? ''}`;

export function createNotificationHub(deps: { runtime: () => SandboxRuntime }): ChannelHub {
  const wss = new WebSocketServer({ noServer: true });
  const channels = new Map<string, ChannelRecord>();
  const heartbeats = new Map<WebSocket, NodeJS.Timeout>();
  let closed = false;

  const send = (ws: WebSocket, message: unknown) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  };

  function expire(channel: ChannelRecord): void {
    clearTimeout(channel.timer);
    channels.delete(channel.id);
    for (const ws of channel.sockets) {
      send(ws, { topicName: 'v2.system.socket_closing', eventBody: { message: 'Socket closing' } });
      ws.close(1000, 'Channel expired');
    }
  }

  function startLifetime(channel: ChannelRecord): NodeJS.Timeout {
    const { config, now } = deps.runtime();
    channel.expires = new Date(now().getTime() + config.channelLifetimeMs).toISOString();
    const timer = setTimeout(() => expire(channel), config.channelLifetimeMs);
    timer.unref();
    return timer;
  }

  // Over the limit Genesys drops the least recently used channel, unconnected ones first.
  function evictForRoom(userApp: string): void {
    const mine = [...channels.values()].filter((c) => c.userApp === userApp);
    if (mine.length < maxChannelsPerUserApp) return;
    mine.sort((a, b) => Number(a.sockets.size > 0) - Number(b.sockets.size > 0) || a.lastUsed - b.lastUsed);
    expire(mine[0]!);
  }

  function attach(channel: ChannelRecord, ws: WebSocket): void {
    if (!channels.has(channel.id) || closed) {
      ws.terminate();
      return;
    }
    channel.sockets.add(ws);
    channel.lastUsed = Date.now();
    const beat = setInterval(
      () => send(ws, { topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } }),
      deps.runtime().config.heartbeatMs,
    );
    beat.unref();
    heartbeats.set(ws, beat);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      try {
        const parsed = JSON.parse(data.toString()) as { message?: unknown };
        if (parsed.message === 'ping') send(ws, { topicName: 'channel.metadata', eventBody: { message: 'pong' } });
      } catch {
        // Genesys ignores anything it does not understand on the socket.
      }
    });
    ws.on('close', () => {
      clearInterval(beat);
      heartbeats.delete(ws);
      channel.sockets.delete(ws);
    });
    ws.on('error', () => ws.terminate());
  }

  function allSockets(): WebSocket[] {
    return [...channels.values()].flatMap((c) => [...c.sockets]);
  }

  return {
    createChannel(grant) {
      const userApp = userAppOf(grant);
      evictForRoom(userApp);
      // Channel ids come from the OS, not idRng: the WFM id stream stays reproducible by seed.
      const id = randomUUID();
      const base = new URL(deps.runtime().baseUrl);
      const channel: ChannelRecord = {
        id,
        ownerToken: grant.token,
        userApp,
        connectUri: `ws://${base.host}/channels/${id}`,
        expires: '',
        topics: new Map(),
        sockets: new Set(),
        lastUsed: Date.now(),
        timer: undefined,
      };
      channel.timer = startLifetime(channel);
      channels.set(id, channel);
      return channel;
    },

    channelFor(grant, channelId) {
      const channel = channels.get(channelId);
      if (!channel || channel.ownerToken !== grant.token) throw notFound('channel', channelId);
      channel.lastUsed = Date.now();
      return channel;
    },

    channelsOf(grant, scope) {
      const userApp = userAppOf(grant);
      return [...channels.values()].filter((c) =>
        scope === 'token' ? c.ownerToken === grant.token : c.userApp === userApp,
      );
    },

    renew(channel) {
      clearTimeout(channel.timer);
      channel.timer = startLifetime(channel);
    },

    publish(topicName, eventBody) {
      const message = { topicName, version: '2', eventBody, metadata: { CorrelationId: randomUUID() } };
      for (const channel of channels.values()) {
        if (channel.topics.get(topicName)?.state !== 'Permitted') continue;
        for (const ws of channel.sockets) send(ws, message);
      }
    },

    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      const m = /^\/channels\/([^/]+)$/.exec(parseRequestTarget(req.url, 'http://sandbox')?.pathname ?? '');
      if (!m) return false;
      const id = decodeComponent(m[1]!);
      const channel = id === null ? undefined : channels.get(id);
      if (!channel || closed) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n', () => socket.destroy());
        return true;
      }
      wss.handleUpgrade(req, socket, head, (ws) => attach(channel, ws));
      return true;
    },

    dropAllSockets() {
      for (const ws of allSockets()) ws.terminate();
    },

    close() {
      closed = true;
      for (const channel of channels.values()) clearTimeout(channel.timer);
      for (const beat of heartbeats.values()) clearInterval(beat);
      heartbeats.clear();
      for (const ws of allSockets()) ws.terminate();
      channels.clear();
      wss.close();
    },
  };
}
