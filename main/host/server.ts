/**
 * The browser transport: the same contract as Electron IPC, over HTTP (calls)
 * and a WebSocket (events), bound to 127.0.0.1 only, plus the built renderer.
 */
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { parseRequestTarget } from '../../shared/request-target';
import { hostProtocol } from '../../shared/transport';
import type { Dispatch, EventHub } from '../services';
import { httpStatusFor } from '../services/failure-category';
import {
  apiRequestAllowed,
  eventsUpgradeAllowed,
  launchKeyOffered,
  pageRequestAllowed,
  type GuardConfig,
} from './guard';
import { injectLaunchToken, readStatic } from './static-files';

export interface HostOptions {
  dispatch: Dispatch;
  events: EventHub;
  /** Folder holding the built renderer (index.html + assets). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a fresh random one per launch otherwise. */
  token?: string;
}

export interface RunningHost {
  /** The address the socket is bound to (always loopback). */
  address: string;
  port: number;
  origin: string;
  /** The one URL that opens the console: carries the per-launch token. */
  launchUrl: string;
  token: string;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const rendererDir = path.resolve(opts.rendererDir);
  const sockets = new Set<WebSocket>();
  let cfg: GuardConfig = { token, port: 0 };

  const server = http.createServer((req, res) => {
    handleRequest(req, res).catch(() => send(res, 500, 'text/plain', 'Internal error'));
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = parseRequestTarget(req.url, 'http://127.0.0.1');
    if (!url) return send(res, 400, 'text/plain', 'Bad request');
    if (url.pathname === hostProtocol.callPath) return handleCall(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    if (!pageRequestAllowed(req, url, cfg)) return refusePage(res);
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    const file = await readStatic(rendererDir, isPage ? '/index.html' : url.pathname);
    if (!file) return send(res, 404, 'text/plain', 'Not found');
    const headers: Record<string, string> = securityHeaders(cfg.port);
    if (isPage) {
      headers['cache-control'] = 'no-store';
      // Only the launch link puts the key in the page; a reload finds it in the page's sessionStorage.
      const html = launchKeyOffered(url, cfg) ? injectLaunchToken(file.body.toString('utf8'), token) : file.body;
      return send(res, 200, file.contentType, html, headers);
    }
    send(res, 200, file.contentType, file.body, headers);
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!apiRequestAllowed(req, cfg))
      return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Forbidden' } });
    if (req.method !== 'POST')
      return sendJson(res, 405, { ok: false, error: { code: 'badArguments', message: 'Use POST' } });
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (err) {
      const message = err instanceof Error && err.message === 'too large' ? 'Request too large' : 'Body is not JSON';
      return sendJson(res, 400, { ok: false, error: { code: 'badArguments', message } });
    }
    const { method, args } = (body ?? {}) as { method?: unknown; args?: unknown };
    const outcome = await opts.dispatch(method, args, { transport: 'http' });
    const status = outcome.ok
      ? 200
      : outcome.error.code === 'unknownMethod'
        ? 404
        : httpStatusFor(outcome.error.category);
    sendJson(res, status, outcome);
  }

  server.on('upgrade', (req, socket, head) => {
    // Node leaves an upgraded socket's errors to us: without a listener a reset ends the process.
    socket.on('error', () => socket.destroy());
    try {
      const url = parseRequestTarget(req.url, 'http://127.0.0.1');
      if (!url || url.pathname !== hostProtocol.eventsPath || !eventsUpgradeAllowed(req, url, cfg)) {
        refuseUpgrade(socket, url ? '403 Forbidden' : '400 Bad Request');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.add(ws);
        ws.on('close', () => sockets.delete(ws));
        // A protocol error (oversized frame, invalid UTF-8, unmasked frame) ends this socket only.
        ws.on('error', () => ws.terminate());
        // The events socket is one-way; anything the page sends is ignored.
      });
    } catch {
      socket.destroy();
    }
  });

  const detach = opts.events.attach((event, payload) => {
    const frame = JSON.stringify({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  cfg = { token, port };
  const origin = `http://127.0.0.1:${port}`;

  return {
    address,
    port,
    origin,
    token,
    launchUrl: `${origin}/?${hostProtocol.tokenQuery}=${encodeURIComponent(token)}`,
    close: async () => {
      detach();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function securityHeaders(port: number): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    // With the opener policy, the page is cross-origin isolated: nothing from another origin can be
    // embedded in it (it embeds nothing), and its clock is precise to microseconds, not 0.1 ms.
    'cross-origin-embedder-policy': 'require-corp',
  };
}

function refusePage(res: ServerResponse): void {
  send(
    res,
    403,
    'text/plain; charset=utf-8',
    'Publish Desk refused this request: the link is from an earlier launch, or the page was not ours. Open the console with the link printed by `npm start` (it carries a per-launch key).',
  );
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep draining so the refusal can still be answered, but hold nothing past the limit.
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () =>
      size > maxBodyBytes ? reject(new Error('too large')) : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': contentType, ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), { 'cache-control': 'no-store' });
}
