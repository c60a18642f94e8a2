/**
 * The two transports of one contract, each started the way its shell starts
 * it, behind the same `OpsClient` face the renderer uses.
 */
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { createHostClient } from '../../renderer/bridge/host-client';
import { createIpcClient } from '../../renderer/bridge/ipc-client';
import type { OpsClient } from '../../renderer/bridge/types';
import { registerIpcTransport, sendEvent, type IpcInvokeEventLike } from '../../main/electron/ipc-transport';
import { startHost, type RunningHost } from '../../main/host/server';
import type { Services } from '../../main/services';
import { tempServices } from '../support/temp-services';
import { ipcChannels, type EventFrame } from '../../shared/transport';

export interface TransportHarness {
  name: 'ipc' | 'http';
  client: OpsClient;
  services: Services;
  /** A raw call that bypasses the typed client, to send what a hostile caller would. */
  rawCall(method: unknown, args: unknown): Promise<unknown>;
  close(): Promise<void>;
}

function services(mode: 'electron' | 'browser'): Promise<Services> {
  return tempServices({ mode, dataDir: dataDirFor(mode) });
}

/** A fresh folder per harness; tests read it back through app.info. */
export const dataDirs = new Map<string, string>();
function dataDirFor(mode: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `pd-${mode}-`));
  dataDirs.set(mode, dir);
  return dir;
}

/** Electron transport through an IpcMainLike fake, with a fake window for events. */
export async function startIpcHarness(): Promise<TransportHarness> {
  const svc = await services('electron');
  const pageUrl = 'file:///app/out/renderer/index.html';
  let invoke: ((e: IpcInvokeEventLike, ...a: unknown[]) => Promise<unknown>) | undefined;
  registerIpcTransport(
    { handle: (_c, l) => (invoke = l), removeHandler: () => (invoke = undefined) },
    svc.dispatch,
    () => ({ webContentsId: 1, pageUrl }),
  );
  const eventListeners = new Set<(frame: EventFrame) => void>();
  const fakeWindow = { isDestroyed: () => false, send: (_c: string, f: unknown) => eventListeners.forEach((l) => l(f as EventFrame)) };
  svc.events.attach((event, payload) => sendEvent(fakeWindow, event, payload));
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
  return { name: 'ipc', client, services: svc, rawCall, close: () => svc.close() };
}

/** A built-renderer stand-in so the host has a page to serve in tests. */
export function fakeRendererDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pd-renderer-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>PD</title></head><body></body></html>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("app")');
  return dir;
}

/** Browser transport over real HTTP and a real WebSocket on 127.0.0.1. */
export async function startHttpHarness(): Promise<TransportHarness & { host: RunningHost }> {
  const svc = await services('browser');
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
