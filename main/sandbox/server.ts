/**
 * The sandbox org: one loopback server for the login paths, the API, the
 * notification WebSockets and the signed storage URLs, like Genesys Cloud's
 * hosts rolled into one. Never imports the app's client code.
 */
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseRequestTarget } from '../../shared/request-target';
import { oauthRoutes } from './auth/oauth-routes';
import { createTokenStore } from './auth/tokens';
import { analyticsRoutes } from './analytics/conversations';
import { createFaultEngine, type FaultEngine } from './faults/engine';
import { ApiError, errorBody } from './http/api-error';
import { createBlobStore } from './http/blobs';
import { parseJsonBody, readBody } from './http/body';
import { createRateLimiter } from './http/rate-limit';
import { createRouter, type Route, type RouteContext, type RouteResult } from './http/route';
import { createScheduler } from './http/scheduler';
import { createNotificationHub } from './notifications/hub';
import { notificationRoutes } from './notifications/routes';
import { generateOrg, sandboxCredentials } from './org/generator';
import { loadState, saveState } from './org/persist';
import { createRng } from './random';
import type { SandboxConfig, SandboxRuntime } from './runtime';
import { wfmRoutes } from './wfm/routes';

export interface SandboxOptions extends Partial<SandboxConfig> {
  port?: number;
  /** Keep the org in this file across restarts (written after every accepted write). */
  stateFile?: string;
}

export interface RunningSandbox {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  businessUnitId: string;
  runtime: SandboxRuntime;
  faults: FaultEngine;
  close(): Promise<void>;
}

export const defaultSandboxConfig: Omit<SandboxConfig, 'now'> = {
  seed: 1,
  agents: 500,
  weeks: 6,
  faults: ['calm'],
  tokenLifetimeSeconds: 86_400,
  rateLimitPerMinute: 300,
  autoApprove: false,
  refreshTokens: false,
  asyncAgentThreshold: 200,
  downloadAgentThreshold: 1000,
  operationDelayMs: 50,
  heartbeatMs: 30_000,
  channelLifetimeMs: 24 * 3_600_000,
  maxBodyBytes: 10 * 1024 * 1024,
  // A 5,000-agent schedule of six weeks inflates to ~210 MB of JSON; anything larger is not a schedule.
  maxInflatedUploadBytes: 256 * 1024 * 1024,
  faultHangMs: 15_000,
};

/** Uploads of a 5,000-agent schedule are far larger than API bodies. */
const maxUploadBytes = 200 * 1024 * 1024;

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const { port = 0, stateFile, ...overrides } = options;
  const config: SandboxConfig = { ...defaultSandboxConfig, now: () => new Date(), ...overrides };
  const { org, manifest } =
    (stateFile ? loadState(stateFile) : null) ??
    generateOrg({ seed: config.seed, agents: config.agents, weeks: config.weeks, now: config.now() });
  const persist = () => {
    if (stateFile) saveState(stateFile, org, manifest);
  };
  persist();
  const scheduler = createScheduler();
  let baseUrl = '';
  const blobs = createBlobStore(() => baseUrl, scheduler, config.maxInflatedUploadBytes);
  const faults = createFaultEngine(config.faults, createRng(config.seed).fork('faults'), {
    hangMs: config.faultHangMs,
  });
  const runtime: SandboxRuntime = {
    config,
    org,
    manifest,
    faultRng: createRng(config.seed).fork('fault-draws'),
    idRng: createRng(config.seed).fork('ids'),
    get baseUrl() {
      return baseUrl;
    },
    tokens: createTokenStore({ org, config, now: () => config.now(), rng: createRng(config.seed).fork('tokens') }),
    notifications: createNotificationHub({ runtime: () => runtime }),
    blobs,
    scheduler,
    faults,
    now: () => config.now(),
    persist,
  };
  const routes: Route[] = [
    ...oauthRoutes(runtime),
    ...notificationRoutes(runtime),
    ...analyticsRoutes(runtime),
    ...wfmRoutes(runtime),
    ...blobs.routes,
    { method: 'GET', template: '/sandbox/manifest', auth: 'none', handle: () => ({ status: 200, body: manifest }) },
  ];
  const router = createRouter(routes);
  const limiter = createRateLimiter(config.rateLimitPerMinute);
  const hanging = new Set<ServerResponse>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const contextId = randomUUID();
    res.setHeader('inin-correlation-id', contextId);
    let rawBody: Promise<Buffer> | null = null;
    try {
      const url = parseRequestTarget(req.url, baseUrl);
      if (!url)
        throw new ApiError(
          400,
          'bad.request',
          'The request could not be understood by the server due to malformed syntax.',
        );
      const readRaw = () =>
        (rawBody ??= readBody(
          req,
          url.pathname.startsWith('/sandbox-storage/') ? maxUploadBytes : config.maxBodyBytes,
        ));
      const match = router.match(req.method ?? 'GET', url.pathname);
      if (match === null) throw new ApiError(404, 'not.found', `No resource found at ${url.pathname}`);
      if (match === 'wrongMethod')
        throw new ApiError(405, 'method.not.allowed', `${req.method} is not supported on ${url.pathname}`);
      const { route, params } = match;
      let grant = null;
      if (route.auth === 'bearer') {
        grant = runtime.tokens.verify(req.headers.authorization);
        for (const [k, v] of Object.entries(limiter.take(grant.token, config.now().getTime()))) res.setHeader(k, v);
        if (route.permission && !grant.permissions.includes(route.permission))
          throw missingPermission(route.permission);
        const fault = faults.beforeRequest(route.write === true);
        if (fault instanceof ApiError) throw fault;
        if (fault) return transportFault(req, res, fault);
      }
      const ctx: RouteContext = {
        req,
        url,
        params,
        query: url.searchParams,
        contextId,
        grant,
        runtime,
        readRaw,
        readJson: async () => parseJsonBody(req, await readRaw()),
      };
      const result = await route.handle(ctx);
      if (route.write && result.status < 300) {
        persist();
        const after = faults.afterWrite();
        if (after instanceof ApiError) throw after;
        if (after) return transportFault(req, res, after);
      }
      send(res, result);
    } catch (err) {
      // Drain what is left of the body so the error can be answered on this connection.
      if (!rawBody) req.resume();
      const apiError =
        err instanceof ApiError
          ? err
          : new ApiError(500, 'internal.server.error', 'The server encountered an unexpected error.');
      if (!(err instanceof ApiError)) console.error('sandbox: unexpected error', err);
      send(res, { status: apiError.status, body: errorBody(apiError, contextId), headers: apiError.extra.headers });
    }
  }

  function transportFault(
    req: IncomingMessage,
    res: ServerResponse,
    fault: { kind: 'reset' } | { kind: 'hang'; ms: number },
  ) {
    if (fault.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    hanging.add(res);
    scheduler.later(fault.ms, () => {
      hanging.delete(res);
      req.socket.destroy();
    });
  }

  const server = http.createServer((req, res) => {
    // The last line of defence: whatever a request does, it ends as an answer, never as the process.
    handle(req, res).catch((err: unknown) => {
      console.error('sandbox: request failed outside its handler', err);
      if (!res.headersSent && !res.destroyed)
        send(res, {
          status: 500,
          body: errorBody(
            new ApiError(500, 'internal.server.error', 'The server encountered an unexpected error.'),
            '',
          ),
        });
      else res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    // Node leaves an upgraded socket's errors to us: without a listener a reset ends the process.
    socket.on('error', () => socket.destroy());
    try {
      if (!runtime.notifications.handleUpgrade(req, socket, head)) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      }
    } catch {
      socket.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const credentials = sandboxCredentials(manifest.seed);

  return {
    baseUrl,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    businessUnitId: manifest.businessUnitId,
    runtime,
    faults,
    close: async () => {
      scheduler.close();
      runtime.notifications.close();
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function missingPermission(permission: string): ApiError {
  return new ApiError(
    403,
    'missing.permissions',
    `Unable to perform the requested action. You are missing the following permission(s): [${permission}]`,
    {
      messageWithParams:
        'Unable to perform the requested action. You are missing the following permission(s): {permissions}',
      messageParams: { permissions: `[${permission}]` },
    },
  );
}

function send(res: ServerResponse, result: RouteResult): void {
  if (res.headersSent || res.destroyed) return;
  for (const [k, v] of Object.entries(result.headers ?? {})) res.setHeader(k, v);
  if (result.raw !== undefined) {
    res.writeHead(result.status, { 'content-type': result.contentType ?? 'text/html; charset=utf-8' });
    res.end(result.raw);
    return;
  }
  if (result.body === undefined) {
    res.writeHead(result.status);
    res.end();
    return;
  }
  res.writeHead(result.status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(result.body));
}
