/** The loopback host refuses anyone who is not the page it served. */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHttpHarness, type TransportHarness } from './transports';
import type { RunningHost } from '../../main/host/server';

let t: TransportHarness & { host: RunningHost };
beforeAll(async () => {
  t = await startHttpHarness();
});
afterAll(async () => {
  await t.close();
});

function call(headers: Record<string, string>, body = JSON.stringify({ method: 'app.info', args: {} })) {
  return fetch(`${t.host.origin}/ops/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

/** Raw request so the Host header can be forged (fetch will not let us). */
function rawGet(pathAndQuery: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: t.host.port, path: pathAndQuery, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

function wsStatus(url: string, origin?: string): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.on('open', () => {
      ws.terminate();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(0));
  });
}

describe('API calls', () => {
  it('are refused with 403 without the token, with a wrong token, or from another origin', async () => {
    const origin = t.host.origin;
    expect((await call({ origin })).status).toBe(403);
    expect((await call({ origin, 'x-publish-desk-token': 'guess' })).status).toBe(403);
    expect((await call({ origin: 'https://evil.example', 'x-publish-desk-token': t.host.token })).status).toBe(403);
    expect((await call({ 'x-publish-desk-token': t.host.token })).status).toBe(403);
    const ok = await call({ origin, 'x-publish-desk-token': t.host.token });
    expect(ok.status).toBe(200);
  });

  it('answer malformed and oversized bodies with 400, never a crash', async () => {
    const auth = { origin: t.host.origin, 'x-publish-desk-token': t.host.token };
    const notJson = await call(auth, '{not json');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ ok: false, error: { code: 'badArguments', message: 'Body is not JSON' } });
    const huge = await call(auth, JSON.stringify({ method: 'app.info', args: { pad: 'x'.repeat(2 * 1024 * 1024) } }));
    expect(huge.status).toBe(400);
    expect((await huge.json()).error.message).toBe('Request too large');
    expect((await call(auth)).status).toBe(200);
  });
});

describe('failed calls', () => {
  it('answer with the HTTP status of their category, not 500', async () => {
    const auth = { origin: t.host.origin, 'x-publish-desk-token': t.host.token };
    const save = (region: string) =>
      call(
        auth,
        JSON.stringify({
          method: 'connections.save',
          args: {
            name: 'Moon',
            kind: 'region',
            region,
            grantType: 'client_credentials',
            clientId: 'c',
            clientSecret: 's',
          },
        }),
      );
    const badRegion = await save('moon.example');
    expect(badRegion.status).toBe(400);
    expect(await badRegion.json()).toMatchObject({ ok: false, error: { category: 'badInput' } });
    const badWeek = await call(
      auth,
      JSON.stringify({
        method: 'analysis.rerun',
        args: { profileId: 'sandbox', businessUnitId: 'bu', week: '2025-13-01' },
      }),
    );
    expect(badWeek.status).toBe(400);
    const unknown = await call(auth, JSON.stringify({ method: 'nope', args: {} }));
    expect(unknown.status).toBe(404);
  });
});

describe('pages', () => {
  it('carry the launch key only when opened with this launch link, and never set a cookie', async () => {
    // The shell holds no secret: without a key it loads, but has no key to call with.
    const bare = await fetch(`${t.host.origin}/`);
    expect(bare.status).toBe(200);
    expect(await bare.text()).not.toContain(t.host.token);
    expect((await fetch(`${t.host.origin}/?launch=wrong`)).status).toBe(403);
    const page = await fetch(t.host.launchUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<meta name="publish-desk-token" content="${t.host.token}">`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    // Cross-origin isolated: nothing from elsewhere can be embedded, and the page's clock is precise.
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    // Browsers send cookies to every port of 127.0.0.1: the key must never ride in one.
    expect(page.headers.get('set-cookie')).toBeNull();
    const asset = await fetch(`${t.host.origin}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('set-cookie')).toBeNull();
  });

  it('refuse another origin loading them', async () => {
    expect(await rawGet('/', { host: `127.0.0.1:${t.host.port}`, origin: 'http://127.0.0.1:1' })).toBe(403);
    expect(await rawGet('/assets/app.js', { host: `127.0.0.1:${t.host.port}`, origin: 'https://evil.example' })).toBe(
      403,
    );
  });

  it('refuse a forged Host header (DNS rebinding) even with the key', async () => {
    expect(await rawGet(`/?launch=${t.host.token}`, { host: 'attacker.example' })).toBe(403);
    expect(await rawGet('/assets/app.js', { host: 'attacker.example' })).toBe(403);
    expect(await rawGet(`/?launch=${t.host.token}`, { host: `127.0.0.1:${t.host.port}` })).toBe(200);
  });

  it('never serve files outside the renderer folder', async () => {
    expect(await rawGet('/../../../../etc/passwd', { host: `127.0.0.1:${t.host.port}` })).toBe(404);
    expect(await rawGet('/%2e%2e/%2e%2e/etc/passwd', { host: `127.0.0.1:${t.host.port}` })).toBe(404);
  });
});

describe('the events socket', () => {
  it('opens only with the key and our origin', async () => {
    const base = `ws://127.0.0.1:${t.host.port}/ops/events`;
    expect(await wsStatus(`${base}?launch=${t.host.token}`, t.host.origin)).toBe('open');
    expect(await wsStatus(`${base}?launch=${t.host.token}`, 'https://evil.example')).toBe(403);
    expect(await wsStatus(`${base}?launch=${t.host.token}`)).toBe(403);
    expect(await wsStatus(`${base}?launch=nope`, t.host.origin)).toBe(403);
    expect(await wsStatus(`ws://127.0.0.1:${t.host.port}/elsewhere?launch=${t.host.token}`, t.host.origin)).toBe(403);
  });
});

describe('binding', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(t.host.address).toBe('127.0.0.1');
    expect(t.host.origin).toBe(`http://127.0.0.1:${t.host.port}`);
    expect(t.host.token.length).toBeGreaterThanOrEqual(40);
  });
});
