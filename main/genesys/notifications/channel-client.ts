/**
 * The notification channel: how schedule updates, imports and large queries
 * tell us they finished, and how we learn that someone else saved the
 * schedule. Sockets drop and channels expire (Genesys: after 24 h without
 * resubscribing), so the client watches the heartbeats, reconnects, creates a
 * new channel when the old one is gone, and always resubscribes.
 */
import WebSocket from 'ws';
import { GenesysError } from '../client/errors';
import {
  scheduleQueriesTopic,
  schedulesTopic,
  type OperationFinished,
  type QueryResultReady,
} from '../client/operation-events';
import type { Channel } from '../client/schemas';
import { readSocketMessage } from './channel-events';
import { channelGone, createChannel, rejectedTopicsOf, replaceSubscriptions } from './channel-rest';
import type {
  ConnectionState,
  NotificationEventMap,
  NotificationsClient,
  NotificationsClientOptions,
} from './channel-types';
import { createListeners } from './listeners';
import { createOperationBuffer } from './operation-buffer';

export type {
  ConnectionState,
  NotificationEventMap,
  NotificationsClient,
  NotificationsClientOptions,
} from './channel-types';
export type { ScheduleSaved } from './channel-events';

const maxClaimed = 1000;

/** Genesys said no to the topic itself (unknown topic, or `Rejected` for a missing permission): asking again will not help. */
const topicRefused = (err: unknown) =>
  err instanceof GenesysError && (err.kind === 'invalid' || err.kind === 'forbidden');

export function createNotificationsClient(options: NotificationsClientOptions): NotificationsClient {
  const { http } = options;
  const WebSocketImpl = options.WebSocketImpl ?? WebSocket;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 90_000;
  const baseDelay = options.reconnectDelayMs ?? 1_000;
  const maxDelay = options.maxReconnectDelayMs ?? 30_000;
  const graceMs = options.ownershipGraceMs ?? 2_000;
  const log = options.log ?? (() => {});
  const topics = new Set<string>();
  const subscribed = new Set<string>();
  const claimed = new Set<string>();
  const graceTimers = new Set<NodeJS.Timeout>();
  const buffer = createOperationBuffer<OperationFinished>();
  const queryResults = createOperationBuffer<QueryResultReady>();
  const listeners = createListeners<NotificationEventMap>((name, err) =>
    log({ level: 'warn', message: `notification listener for ${String(name)} failed: ${String(err)}` }),
  );
  const emit = listeners.emit;
  let channel: Channel | null = null;
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'idle';
  let connecting: Promise<void> | null = null;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let heartbeatTimer: NodeJS.Timeout | null = null;
  let failures = 0;
  let closed = false;

  function setState(next: ConnectionState): void {
    if (state === next) return;
    state = next;
    emit('connection', { state, channelId: channel?.id ?? null });
  }

  function claim(operationId: string): void {
    claimed.add(operationId);
    if (claimed.size > maxClaimed) claimed.delete(claimed.values().next().value!);
  }

  /** Re-armed by every message; a silent socket is ended, and its 'close' brings the reconnect. */
  function watchHeartbeat(ws: WebSocket): void {
    if (heartbeatTimer) clearTimeout(heartbeatTimer);
    heartbeatTimer = setTimeout(() => {
      log({ level: 'warn', message: `no notification heartbeat for ${heartbeatTimeoutMs} ms; reconnecting` });
      ws.terminate();
    }, heartbeatTimeoutMs);
    heartbeatTimer.unref();
  }

  function onMessage(ws: WebSocket, text: string): void {
    watchHeartbeat(ws);
    const message = readSocketMessage(text);
    if (message.kind === 'closing') log({ level: 'info', message: 'Genesys is closing the notification socket' });
    if (message.kind === 'queryResult') {
      queryResults.deliver(message.event);
      emit('queryResult', message.event);
      return;
    }
    if (message.kind !== 'operationFinished') return;
    buffer.deliver(message.event);
    emit('operationFinished', message.event);
    const saved = message.saved;
    if (!saved || claimed.has(saved.operationId)) return;
    // Our own write's answer may still be on its way: only an operation nobody claims is someone else's save.
    const timer = setTimeout(() => {
      graceTimers.delete(timer);
      if (!claimed.has(saved.operationId) && !closed) emit('scheduleSaved', saved);
    }, graceMs);
    timer.unref();
    graceTimers.add(timer);
  }

  function openSocket(uri: string): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocketImpl(uri);
      ws.once('error', reject);
      ws.once('open', () => {
        ws.off('error', reject);
        resolve(ws);
      });
    });
  }

  function adopt(ws: WebSocket): void {
    socket = ws;
    ws.on('message', (data) => onMessage(ws, String(data)));
    // An 'error' is always followed by 'close', which is where we reconnect.
    ws.on('error', (err) => log({ level: 'warn', message: `notification socket error: ${err.message}` }));
    ws.on('close', () => {
      if (socket !== ws) return;
      dropSocket();
      subscribed.clear();
      if (!closed) scheduleReconnect();
    });
    watchHeartbeat(ws);
  }

  function dropSocket(): void {
    const ws = socket;
    socket = null;
    if (heartbeatTimer) clearTimeout(heartbeatTimer);
    ws?.terminate();
  }

  async function newChannel(): Promise<Channel> {
    channel = await createChannel(http);
    log({ level: 'info', message: `notification channel ${channel.id} created` });
    return channel;
  }

  async function subscribe(): Promise<void> {
    if (!channel || topics.size === 0) return;
    try {
      for (const topic of await replaceSubscriptions(http, channel.id, [...topics])) subscribed.add(topic);
    } catch (err) {
      // A rejected topic is dropped, so reconnects do not keep asking for it.
      for (const topic of rejectedTopicsOf(err)) topics.delete(topic);
      throw err;
    }
  }

  async function connect(): Promise<void> {
    setState(state === 'idle' ? 'connecting' : 'reconnecting');
    // Two rounds: the second one starts from a fresh channel when the old one has expired.
    for (let round = 1; ; round++) {
      const current = channel ?? (await newChannel());
      try {
        const ws = await openSocket(current.connectUri);
        if (closed) {
          ws.terminate();
          return;
        }
        adopt(ws);
        await subscribe();
        setState('open');
        return;
      } catch (err) {
        // Half-open is no good: the socket is only kept once subscribed.
        dropSocket();
        if (round >= 2 || !channelGone(err)) throw err;
        log({ level: 'info', message: `notification channel ${current.id} is gone; creating a new one` });
        channel = null;
      }
    }
  }

  function ensureConnected(): Promise<void> {
    if (closed) return Promise.reject(new Error('The notifications client is closed.'));
    if (socket && state === 'open') return Promise.resolve();
    if (!connecting) {
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      connecting = connect()
        .then(
          () => {
            failures = 0;
          },
          (err: unknown) => {
            failures += 1;
            if (!closed && topics.size > 0) scheduleReconnect();
            throw err;
          },
        )
        .finally(() => {
          connecting = null;
        });
    }
    return connecting;
  }

  /** Adds a topic and makes sure it is subscribed; a topic Genesys refuses is dropped again (and the error thrown). */
  async function watch(topic: string): Promise<void> {
    const isNew = !topics.has(topic);
    topics.add(topic);
    try {
      await ensureConnected();
      if (!subscribed.has(topic)) await subscribe();
    } catch (err) {
      if (isNew && topicRefused(err)) {
        topics.delete(topic);
        // A list with one refused topic may have been refused whole: put the others back.
        if (socket && state === 'open' && topics.size > 0) await subscribe().catch(() => {});
      }
      throw err;
    }
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    setState('reconnecting');
    const delay = Math.min(maxDelay, baseDelay * 2 ** failures);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      ensureConnected().catch((err: unknown) =>
        log({
          level: 'warn',
          message: `notification reconnect failed: ${err instanceof Error ? err.message : String(err)}`,
        }),
      );
    }, delay);
    reconnectTimer.unref();
  }

  const client: NotificationsClient = {
    get state() {
      return state;
    },
    get channelId() {
      return channel?.id ?? null;
    },
    on: listeners.on,
    watchBusinessUnit: (businessUnitId) => watch(schedulesTopic(businessUnitId)),
    watchScheduleQueries: (userId) => watch(scheduleQueriesTopic(userId)),
    claimOperation: claim,
    waitForOperation(businessUnitId, operationId, timeoutMs) {
      claim(operationId);
      return buffer.wait(operationId, timeoutMs, (e) => e.businessUnitId === businessUnitId);
    },
    waitFor: (businessUnitId, operationId, timeoutMs) =>
      client.waitForOperation(businessUnitId, operationId, timeoutMs),
    waitForQueryResult: (operationId, timeoutMs) => queryResults.wait(operationId, timeoutMs),
    close() {
      if (closed) return;
      closed = true;
      for (const t of [reconnectTimer, ...graceTimers]) if (t) clearTimeout(t);
      graceTimers.clear();
      dropSocket();
      buffer.cancelAll();
      queryResults.cancelAll();
      setState('closed');
    },
  };
  return client;
}
