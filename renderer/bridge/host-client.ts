/**
 * Browser transport: calls are POSTs carrying the per-launch token the host
 * put in the page; events arrive on one WebSocket that reconnects by itself.
 * Job events go through the job feed, so a dropped socket or a reload loses
 * none of them and repeats none.
 */
import type { JobEvent, OpsArgs, OpsMethodName, OpsResult } from '../../shared/contract';
import { hostProtocol, type EventFrame } from '../../shared/transport';
import { OpsCallError, unwrapOutcome } from './call-error';
import { createJobFeed, sessionSeqStore, type SeqStore } from './job-feed';
import type { OpsClient } from './types';

export interface HostClientOptions {
  origin: string;
  token: string;
  fetchImpl?: typeof fetch;
  WebSocketImpl?: typeof WebSocket;
  /** Where the last seen seq of each job is kept (sessionStorage in the page). */
  seqStore?: SeqStore;
  /** First wait before reconnecting the events socket; doubles up to 10 s. */
  reconnectMs?: number;
}

export function createHostClient(opts: HostClientOptions): OpsClient {
  const fetchImpl = opts.fetchImpl ?? fetch.bind(globalThis);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const firstRetryMs = opts.reconnectMs ?? 500;
  let socket: WebSocket | null = null;
  let retryMs = firstRetryMs;

  const emitLocal = (event: string, payload: unknown) => {
    for (const cb of listeners.get(event) ?? []) cb(payload);
  };

  async function call<M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>> {
    let response: Response;
    try {
      response = await fetchImpl(`${opts.origin}${hostProtocol.callPath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [hostProtocol.tokenHeader]: opts.token },
        body: JSON.stringify({ method, args }),
      });
    } catch {
      throw new OpsCallError('transport', 'The console service is not reachable. Is `npm start` still running?');
    }
    if (response.status === 403) {
      throw new OpsCallError(
        'forbidden',
        'This page is no longer authorised. Open the new link printed by `npm start`.',
      );
    }
    return unwrapOutcome(await response.json().catch(() => null));
  }

  const feed = createJobFeed(
    { call },
    (event) => emitLocal('job.event', event),
    opts.seqStore ?? sessionSeqStore(null),
  );

  function connectEvents(): void {
    const WS = opts.WebSocketImpl ?? WebSocket;
    const wsOrigin = opts.origin.replace(/^http/, 'ws');
    const url = `${wsOrigin}${hostProtocol.eventsPath}?${hostProtocol.tokenQuery}=${encodeURIComponent(opts.token)}`;
    const ws = new WS(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = firstRetryMs;
      // Whatever happened while the socket was down (or before this page loaded) comes first.
      void feed.resync();
    };
    ws.onmessage = (msg) => {
      let frame: EventFrame;
      try {
        frame = JSON.parse(String(msg.data)) as EventFrame;
      } catch {
        return;
      }
      if (frame.event === 'job.event') feed.live(frame.payload as JobEvent);
      else emitLocal(frame.event, frame.payload);
    };
    ws.onclose = () => {
      socket = null;
      if (listeners.size === 0) return;
      // Keep events flowing across host restarts without hammering it.
      setTimeout(connectEvents, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    };
  }

  return {
    transport: 'http',
    call,
    on(event, callback) {
      const set = listeners.get(event) ?? new Set();
      set.add(callback as (payload: unknown) => void);
      listeners.set(event, set);
      if (!socket) connectEvents();
      return () => {
        set.delete(callback as (payload: unknown) => void);
        if (set.size === 0) listeners.delete(event);
      };
    },
  };
}
