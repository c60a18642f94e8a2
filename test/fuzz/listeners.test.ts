/**
 * No input ends a process. Every listener of browser mode (the host's calls
 * and events, the sandbox's API, notification sockets and storage URLs, and
 * the sign-in callback) runs in one child process, as in `npm start`; each
 * gets malformed request lines, targets, headers, bodies and WebSocket
 * frames, and afterwards the process must still be alive and answering.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange, hostileFrames, openThenSend, upgradeRequest } from './raw-wire';
import { malformedRequests, malformedUpgrades } from './malformed-requests';

interface Ports {
  host: { port: number; origin: string; token: string };
  sandbox: { baseUrl: string; clientId: string; clientSecret: string };
  signIn: { redirectUri: string; authorizeUrl: string };
}

let child: ChildProcess;
let info: Ports;
let stderr = '';
const later: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'test/fuzz/listeners-child.ts'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const lines = createInterface({ input: child.stdout! });
  info = await new Promise<Ports>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`listeners child exited (${code}): ${stderr}`)));
    lines.on('line', (line) => {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      if ('host' in parsed) resolve(parsed as unknown as Ports);
      else later.push(parsed);
    });
  });
}, 60_000);

afterAll(() => {
  child.stdin?.end();
  child.kill();
});

/** Runs the cases a few at a time: each waits for its answer or a silent close, and 25 at once keep the suite short. */
async function each<T>(cases: T[], run: (c: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < cases.length; i += 25) await Promise.all(cases.slice(i, i + 25).map(run));
}

const portOf = (url: string) => Number(new URL(url).port);
const hostHeader = (port: number) => `127.0.0.1:${port}`;

async function sandboxToken(): Promise<string> {
  const res = await fetch(`${info.sandbox.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${info.sandbox.clientId}:${info.sandbox.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The process is alive, said nothing about an uncaught error, and each listener answers a good request. */
async function expectAllAnswering(): Promise<void> {
  expect(child.exitCode, stderr).toBeNull();
  // Nothing but the sign-in at the end of this suite may finish the sign-in.
  expect(later.filter((l) => l.signedIn === false)).toEqual([]);
  expect(stderr).not.toMatch(/Uncaught|Unhandled|TypeError|URIError/);
  const call = await fetch(`${info.host.origin}/ops/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: info.host.origin, 'x-publish-desk-token': info.host.token },
    body: JSON.stringify({ method: 'app.info', args: {} }),
  });
  expect(call.status).toBe(200);
  expect(((await call.json()) as { ok: boolean }).ok).toBe(true);
  await sandboxToken();
  if (!later.some((l) => l.signedIn))
    expect((await fetch(new URL('/favicon.ico', info.signIn.redirectUri))).status).toBe(404);
}

describe('malformed HTTP', { timeout: 90_000 }, () => {
  it('is answered or dropped by the host, which keeps answering', async () => {
    const auth = { Origin: info.host.origin, 'X-Publish-Desk-Token': info.host.token };
    await each(malformedRequests(hostHeader(info.host.port), '/ops/call', auth), async (c) => {
      const answer = await exchange(info.host.port, c.bytes, { end: c.end ?? false });
      expect(answer, c.name).not.toMatch(/^HTTP\/1\.1 500/);
    });
    await expectAllAnswering();
  });

  it('is answered or dropped by the sandbox API and its storage URLs, which keep answering', async () => {
    const port = portOf(info.sandbox.baseUrl);
    const token = await sandboxToken();
    const paths = ['/oauth/token', '/api/v2/notifications/channels', '/sandbox-storage/uploads/nokey'];
    for (const postPath of paths) {
      await each(malformedRequests(hostHeader(port), postPath, { Authorization: `Bearer ${token}` }), async (c) => {
        const answer = await exchange(port, c.bytes, { end: c.end ?? false });
        expect(answer, `${postPath}: ${c.name}`).not.toMatch(/^HTTP\/1\.1 500/);
      });
    }
    await expectAllAnswering();
  });
});

describe('malformed WebSocket upgrades', () => {
  it('are refused by the host events socket and the sandbox, which keep answering', async () => {
    const hostExtra = { Origin: info.host.origin };
    await each(
      malformedUpgrades(hostHeader(info.host.port), `/ops/events?launch=${info.host.token}`, hostExtra),
      async (c) => {
        const answer = await exchange(info.host.port, c.bytes);
        expect(answer, c.name).not.toMatch(c.mayOpen ? /^HTTP\/1\.1 500/ : /^HTTP\/1\.1 (101|500)/);
      },
    );
    const port = portOf(info.sandbox.baseUrl);
    await each(malformedUpgrades(hostHeader(port), '/channels/none', {}), async (c) => {
      const answer = await exchange(port, c.bytes);
      expect(answer, c.name).not.toMatch(c.mayOpen ? /^HTTP\/1\.1 500/ : /^HTTP\/1\.1 (101|500)/);
    });
    await expectAllAnswering();
  });
});

describe('hostile WebSocket frames', () => {
  it('end only their own socket on the host events channel', async () => {
    const handshake = () =>
      upgradeRequest(`/ops/events?launch=${info.host.token}`, hostHeader(info.host.port), { Origin: info.host.origin });
    await each(hostileFrames(64 * 1024), async (f) => {
      const outcome = await openThenSend(info.host.port, handshake(), f.bytes);
      expect(outcome, f.name).toEqual({ accepted: true, closed: true });
    });
    await expectAllAnswering();
  });

  it('end only their own socket on a sandbox notification channel', async () => {
    const token = await sandboxToken();
    const created = await fetch(`${info.sandbox.baseUrl}/api/v2/notifications/channels`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    const { connectUri } = (await created.json()) as { connectUri: string };
    const { pathname } = new URL(connectUri);
    const port = portOf(info.sandbox.baseUrl);
    // 1 MB stands in for "larger than any notification": the sandbox's own cap is what Genesys's is, unknown.
    await each(hostileFrames(1024 * 1024), async (f) => {
      const outcome = await openThenSend(port, upgradeRequest(pathname, hostHeader(port)), f.bytes);
      expect(outcome.accepted, f.name).toBe(true);
    });
    await expectAllAnswering();
  });
});

describe('the sign-in callback', { timeout: 90_000 }, () => {
  it('is answered or dropped by the sign-in callback, which still completes the sign-in', async () => {
    const port = portOf(info.signIn.redirectUri);
    // A well-formed callback with a wrong state ends the sign-in by design (auth-pkce.test.ts): leave those out here.
    const cases = malformedRequests(hostHeader(port), '/callback').filter((c) => !c.name.includes('/callback?'));
    await each(cases, async (c) => {
      const answer = await exchange(port, c.bytes, { end: c.end ?? false });
      expect(answer, c.name).not.toMatch(/^HTTP\/1\.1 500/);
    });
    await expectAllAnswering();
    // The sandbox approves at once (auto-approve): its redirect brings the browser back to the callback.
    const authorize = await fetch(info.signIn.authorizeUrl, { redirect: 'manual' });
    const back = await fetch(authorize.headers.get('location')!);
    expect(await back.text()).toContain("You're signed in");
    expect(back.status).toBe(200);
    await expect.poll(() => later.find((l) => 'signedIn' in l)).toEqual({ signedIn: true });
  });
});
