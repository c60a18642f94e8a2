/**
 * The transports of one contract, each started the way its shell starts it,
 * behind the same `OpsClient` face the renderer uses: Electron IPC (relayed by
 * main over a MessagePort to the services, as in the desktop app), the
 * MessagePort itself, and the loopback HTTP host of browser mode.
 */
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import WebSocket from 'ws';
import { OpsCallError, unwrapOutcome } from '../../renderer/bridge/call-error';
import { createHostClient } from '../../renderer/bridge/host-client';
import { createIpcClient } from '../../renderer/bridge/ipc-client';
import type { OpsClient } from '../../renderer/bridge/types';
import { registerIpcTransport, sendEvent, type IpcInvokeEventLike } from '../../main/electron/ipc-transport';
import { relayDispatch } from '../../main/electron/services-relay';
import { startHost, type RunningHost } from '../../main/host/server';
import type { Services } from '../../main/services';
import {
  createPortClient,
  fromMessagePortMain,
  PortClosedError,
  servePort,
  type PortClient,
} from '../../main/services/port';
import { tempServices } from '../support/temp-services';
import { ipcChannels, type EventFrame } from '../../shared/transport';
import { fakeMessageChannelMain } from './fake-electron';

export type HarnessName = 'ipc' | 'port' | 'http';

export interface TransportHarness {
  name: HarnessName;
  client: OpsClient;
  services: Services;
  /** A raw call that bypasses the typed client, to send what a hostile caller would. */
  rawCall(method: unknown, args: unknown): Promise<unknown>;
  close(): Promise<void>;
}

function services(name: HarnessName): Promise<Services> {
  return tempServices({ mode: name === 'http' ? 'browser' : 'electron', dataDir: dataDirFor(name) });
}

/** A fresh folder per harness, by harness name; tests read it back through app.info. */
export const dataDirs = new Map<string, string>();
function dataDirFor(name: HarnessName): string {
  const dir = mkdtempSync(path.join(tmpdir(), `pd-${name}-`));
  dataDirs.set(name, dir);
  return dir;
}

/**
 * Electron transport as the desktop app runs it: the IPC handler (through an
 * IpcMainLike fake, trust checks included) relays to the services over a
 * MessagePortMain-shaped port, and events come back the same way to a fake window.
 */
export async function startIpcHarness(): Promise<TransportHarness> {
  const svc = await services('ipc');
  const { port1, port2 } = fakeMessageChannelMain();
  const served = servePort(fromMessagePortMain(port2), svc);
  const portClient = createPortClient(fromMessagePortMain(port1));
  const slot = { client: portClient };
  const pageUrl = 'file:///app/out/renderer/index.html';
  let invoke: ((e: IpcInvokeEventLike, ...a: unknown[]) => Promise<unknown>) | undefined;
  registerIpcTransport(
    { handle: (_c, l) => (invoke = l), removeHandler: () => (invoke = undefined) },
    relayDispatch({ current: async () => slot, peek: () => slot }),
    () => ({ webContentsId: 1, pageUrl }),
  );
  const eventListeners = new Set<(frame: EventFrame) => void>();
  const fakeWindow = {
    isDestroyed: () => false,
    send: (_c: string, f: unknown) => eventListeners.forEach((l) => l(f as EventFrame)),
  };
  portClient.onAny((event, payload) => sendEvent(fakeWindow, event, payload));
  const fromOurFrame: IpcInvokeEventLike = { sender: { id: 1 }, senderFrame: { url: pageUrl, parent: null } };
  const rawCall = (method: unknown, args: unknown) => invoke!(fromOurFrame, method, args);
  const client = createIpcClient({
    invoke: (method, args) => rawCall(method, args),
    on: (event, cb) => {
      const l = (f: EventFrame) => f.event === event && cb(f.payload);
      eventListeners.add(l);
      return () => eventListeners.delete(l);
    },
  });
  void ipcChannels;
  return {
    name: 'ipc',
    client,
    services: svc,
    rawCall,
    close: async () => {
      served.close();
      await svc.close();
    },
  };
}

/** The typed face over a port client, as a caller in another process would hold it. */
export function portOpsClient(port: PortClient): OpsClient {
  return {
    transport: 'port',
    async call(method, args) {
      try {
        return unwrapOutcome(await port.call(method, args));
      } catch (err) {
        if (err instanceof PortClosedError) throw new OpsCallError('transport', err.message);
        throw err;
      }
    },
    on: (event, callback) => port.on(event, callback),
  };
}

/** The MessagePort transport on Node's MessageChannel, standing in for the utility process's port. */
export async function startPortHarness(): Promise<TransportHarness & { port: PortClient }> {
  const svc = await services('port');
  const { port1, port2 } = new MessageChannel();
  servePort(port1, svc);
  const port = createPortClient(port2);
  return {
    name: 'port',
    client: portOpsClient(port),
    services: svc,
    port,
    rawCall: (method, args) => port.call(method, args),
    close: async () => {
      port.close();
      await svc.close();
    },
  };
}

/** A built-renderer stand-in so the host has a page to serve in tests. */
export function fakeRendererDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pd-renderer-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><title>PD</title></head><body></body></html>',
  );
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("app")');
  return dir;
}

/** Browser transport over real HTTP and a real WebSocket on 127.0.0.1. */
export async function startHttpHarness(): Promise<TransportHarness & { host: RunningHost }> {
  const svc = await services('http');
  const host = await startHost({ dispatch: svc.dispatch, events: svc.events, rendererDir: fakeRendererDir() });
  const sockets: WebSocket[] = [];
  // A browser sends its Origin on every WebSocket; Node's ws client must be told to.
  class OriginWebSocket extends WebSocket {
    constructor(url: string) {
      super(url, { origin: host.origin });
      sockets.push(this);
    }
  }
  const client = createHostClient({
    origin: host.origin,
    token: host.token,
    fetchImpl: (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin: host.origin } }),
    WebSocketImpl: OriginWebSocket as unknown as typeof globalThis.WebSocket,
  });
  const rawCall = async (method: unknown, args: unknown) => {
    const res = await fetch(`${host.origin}/ops/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: host.origin, 'x-publish-desk-token': host.token },
      body: JSON.stringify({ method, args }),
    });
    return res.json();
  };
  return {
    name: 'http',
    client,
    services: svc,
    host,
    rawCall,
    close: async () => {
      for (const s of sockets) s.terminate();
      await host.close();
      await svc.close();
    },
  };
}
