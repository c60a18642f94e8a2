/**
 * The launch key never leaves the console's origin. Browsers send cookies to
 * every port of a host, so a key kept in a cookie would reach any other
 * 127.0.0.1 server the browser visits. Here a spy server on another port is
 * visited from the same browser, and must see the key nowhere; a reload of
 * the console must still work.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { startHostProcess, type HostProcess } from './host-process';

let host: HostProcess;
let spy: http.Server;
let spyOrigin = '';
const seen: Array<{ url: string; headers: http.IncomingHttpHeaders }> = [];

test.beforeAll(async () => {
  host = await startHostProcess();
  spy = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>other local app</title><img src="/pixel.png"><p>another local server</p>');
  });
  await new Promise<void>((resolve) => spy.listen(0, '127.0.0.1', resolve));
  spyOrigin = `http://127.0.0.1:${(spy.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  spy.closeAllConnections();
  await new Promise<void>((resolve) => spy.close(() => resolve()));
  await host.stop();
});

test('the launch key is not sent to another 127.0.0.1 port, and a reload still works', async ({ page }) => {
  const key = new URL(host.launchUrl).searchParams.get('launch')!;
  await page.goto(host.launchUrl);
  await expect(page.getByTestId('info-transport')).toHaveText('HTTP + WebSocket on 127.0.0.1');

  // The user (or a link) goes to another local server in the same browser, which then calls itself with credentials.
  await page.goto(`${spyOrigin}/visit`);
  await page.evaluate(async (origin) => {
    await fetch(`${origin}/xhr`, { credentials: 'include' });
  }, spyOrigin);
  await expect.poll(() => seen.length).toBeGreaterThanOrEqual(3);
  for (const request of seen) {
    expect(request.url).not.toContain(key);
    expect(JSON.stringify(request.headers)).not.toContain(key);
    expect(request.headers.cookie ?? '').not.toMatch(/pd_launch/);
  }
  expect((await page.context().cookies()).map((c) => c.name)).toEqual([]);

  // Back to the console in the same window, then reload: the key comes from this window's sessionStorage.
  await page.goto(`${host.origin}/`);
  await expect(page.getByTestId('info-transport')).toHaveText('HTTP + WebSocket on 127.0.0.1');
  await page.reload();
  await expect(page.getByTestId('info-transport')).toHaveText('HTTP + WebSocket on 127.0.0.1');
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connections');
});

test('another window opened without the launch link cannot drive the console', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/ops/')) calls.push(r.url());
  });
  const response = await page.goto(`${host.origin}/`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('alert')).toContainText('Open the console with the link printed by npm start');
  expect(calls).toEqual([]);
  expect((await page.goto(`${host.origin}/?launch=from-an-old-launch`))?.status()).toBe(403);
  await context.close();
});
