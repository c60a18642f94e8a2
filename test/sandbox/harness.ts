/**
 * Test helpers that talk to the sandbox the way any client would: over HTTP
 * with a client-credentials token, and over its notification WebSocket.
 * Deliberately not the app's client, so the sandbox is checked on its own.
 */
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import WebSocket from 'ws';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../main/sandbox/server';

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface SandboxSession {
  sandbox: RunningSandbox;
  token: string;
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiAnswer<T>>;
  close(): Promise<void>;
}

export async function clientCredentialsToken(
  sandbox: RunningSandbox,
  clientId = sandbox.clientId,
  secret = sandbox.clientSecret,
): Promise<string> {
  const res = await fetch(`${sandbox.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/**
 * A supervisor's token from the real PKCE sign-in over HTTP (the sandbox must run with `autoApprove`).
 * `clientId` picks a sign-in client; by default the org's own, which acts as its first supervisor.
 */
export async function supervisorToken(sandbox: RunningSandbox, clientId?: string): Promise<string> {
  const client = [...sandbox.runtime.org.clients.values()].find((c) =>
    clientId ? c.clientId === clientId : c.grantTypes.includes('authorization_code'),
  );
  if (!client) throw new Error('no supervisor sign-in client');
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = 'http://127.0.0.1:53682/callback';
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: redirectUri,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: 'test',
  });
  const authorize = await fetch(`${sandbox.baseUrl}/oauth/authorize?${query}`, { redirect: 'manual' });
  const code = new URL(authorize.headers.get('location') ?? 'http://x/').searchParams.get('code');
  if (!code) throw new Error(`sign-in gave no code (${authorize.status}); is autoApprove on?`);
  const res = await fetch(`${sandbox.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: client.clientId,
      redirect_uri: redirectUri,
    }).toString(),
  });
  if (res.status !== 200) throw new Error(`code exchange failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export async function openSandbox(options: SandboxOptions = {}): Promise<SandboxSession> {
  const sandbox = await startSandbox({ now: () => new Date('2026-11-23T12:00:00Z'), ...options });
  const token = await clientCredentialsToken(sandbox);
  return {
    sandbox,
    token,
    async api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const res = await fetch(`${sandbox.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON: the test sees the text.
      }
      return { status: res.status, body: parsed as T, headers: res.headers };
    },
    close: () => sandbox.close(),
  };
}

/** Upload a body to a signed URL the way the real storage expects: gzipped JSON. */
/** A declared upload size (`contentLengthBytes`) big enough for any small test payload: the sandbox refuses bodies past it. */
export const roomyUploadBytes = 1_000_000;

export async function putUpload(
  url: string,
  headers: Record<string, string>,
  payload: unknown,
  gzip = true,
): Promise<number> {
  const json = Buffer.from(JSON.stringify(payload));
  const res = await fetch(url, {
    method: 'PUT',
    headers: gzip ? headers : { 'Content-Type': 'application/json' },
    body: gzip ? gzipSync(json) : json,
  });
  return res.status;
}

export interface NotificationListener {
  events: Array<{ topicName: string; eventBody: Record<string, unknown> }>;
  next(
    predicate: (e: { topicName: string; eventBody: Record<string, unknown> }) => boolean,
    timeoutMs?: number,
  ): Promise<{ topicName: string; eventBody: Record<string, unknown> }>;
  close(): void;
}

/** Creates a channel, subscribes to the topics, and collects what arrives; `token` listens as another token. */
export async function listen(session: SandboxSession, topics: string[], token?: string): Promise<NotificationListener> {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const channel = await session.api<{ id: string; connectUri: string }>(
    'POST',
    '/api/v2/notifications/channels',
    undefined,
    auth,
  );
  if (channel.status !== 200) throw new Error(`channel create failed: ${channel.status}`);
  const sub = await session.api(
    'PUT',
    `/api/v2/notifications/channels/${channel.body.id}/subscriptions`,
    topics.map((id) => ({ id })),
    auth,
  );
  const refused = (sub.body as { entities?: Array<{ state?: string }> }).entities?.some((t) => t.state !== 'Permitted');
  if (sub.status !== 200 || refused) throw new Error(`subscribe failed: ${sub.status} ${JSON.stringify(sub.body)}`);
  const ws = new WebSocket(channel.body.connectUri);
  const events: NotificationListener['events'] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data) => {
    events.push(JSON.parse(String(data)));
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    events,
    async next(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(predicate);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(
            `no matching notification within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.topicName))}`,
          );
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => ws.terminate(),
  };
}
