/**
 * The Timeline screen in Chromium on a 5,000-agent × 1-week mirror (issue 13, "Speed"):
 *   - first rows painted: from Alt+4 (the mirror already synced, the Schedules screen settled: no call
 *     in flight for 0.5 s) to the first frame after the one whose viewport held agent rows with their
 *     names and bars and no skeleton (goal ≤ 300 ms);
 *   - a scripted scroll through all rows and across the week, by elapsed time: p95 frame time from
 *     requestAnimationFrame deltas (goal ≤ 16.7 ms), long tasks over 50 ms (goal 0), blank rows seen
 *     (rows in the viewport without their name or with a skeleton bar, or viewport no row covers; goal 0),
 *     JS heap after the scroll (CDP Runtime.getHeapUsage; goal ≤ 150 MB).
 * The baseline, in the same run and the same Chromium: the same agents and shifts in vis-timeline
 * (npm), 5,000 groups and their shifts as items, on a static page (test/bench/timeline/vis.html),
 * measured the same way (its first paint from navigation start, the data fetched by the page).
 *
 * The browser-mode host (out/host/index.cjs, built) is started as `npm start` does; the org is a
 * sandbox in its own process at 5,000 agents (the built-in one has no size setting), added as a
 * custom connection and synced one week through the contract over HTTP with the launch token.
 * BENCH_AGENTS, BENCH_SCROLL_MS change the size and the scroll's length.
 */
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright';
import { chromiumFlags, chromiumPath } from '../e2e/chromium';
import { firstPaint, scrollAndHeap, settled, type BenchWindow } from './timeline/measure';
import { opsCaller, type Agent } from './timeline/ops';
import { cleanup, running, startHost, startSandbox } from './timeline/processes';
import { profiled } from './timeline/profile';

const agents = Number(process.env.BENCH_AGENTS ?? 5000);
const scrollMs = Number(process.env.BENCH_SCROLL_MS ?? 30_000);
const viewport = { width: 1280, height: 800 };
const here = path.join('test', 'bench', 'timeline');
const probe = path.join(here, 'probe.js');

// Everything is bounded: the whole run gets 12 minutes.
const overall = setTimeout(() => {
  console.error('timeline bench: over 12 minutes, stopping');
  void cleanup().finally(() => process.exit(1));
}, 12 * 60_000);
overall.unref();

async function main() {
  for (const f of ['out/host/index.cjs', 'out/renderer/index.html'])
    if (!existsSync(f)) throw new Error(`${f} is missing: build first (npx vite build && node build/build-main.mjs)`);
  const tSetup = performance.now();
  const org = await startSandbox(agents);
  const host = await startHost();
  const call = opsCaller(host);
  const saved = await call<{ id: string }>('connections.save', {
    name: 'Bench org',
    kind: 'custom',
    baseUrl: org.baseUrl,
    grantType: 'client_credentials',
    clientId: org.clientId,
    clientSecret: org.clientSecret,
  });
  await call('connections.signIn', { id: saved.id });
  const bu = org.businessUnitId;
  const tSync = performance.now();
  let job = await call<{ jobId: string; state: string; error?: { message: string } }>('sync.start', {
    profileId: saved.id,
    businessUnitId: bu,
    weekCount: 1,
  });
  const syncDeadline = Date.now() + 6 * 60_000;
  while (!['succeeded', 'failed', 'cancelled'].includes(job.state)) {
    if (Date.now() > syncDeadline) throw new Error('sync did not finish in 6 minutes');
    await new Promise((r) => setTimeout(r, 500));
    job = await call('job.status', { jobId: job.jobId });
  }
  if (job.state !== 'succeeded') throw new Error(`sync ${job.state}: ${job.error?.message}`);
  const syncSeconds = (performance.now() - tSync) / 1000;
  console.error(`synced ${agents} agents × 1 week in ${syncSeconds.toFixed(1)} s`);

  const browser = (running.browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...chromiumFlags, '--enable-precise-memory-info'],
  }));

  // ---- The Timeline screen ----
  const appContext = await browser.newContext({ viewport });
  const app = await appContext.newPage();
  const errors: string[] = [];
  app.on('pageerror', (e) => errors.push(e.message));
  await app.addInitScript({ path: probe });
  await app.goto(host.launchUrl);
  await app.getByTestId('info-version').waitFor({ timeout: 30_000 });
  await app.keyboard.press('Alt+3');
  await app.getByLabel('Connection').selectOption({ label: 'Bench org' });
  await app.getByLabel('Business unit').locator('option').first().waitFor({ state: 'attached', timeout: 30_000 });
  const navigate = async () => {
    await app.evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench;
      Object.assign(b, { navAt: null, firstBarsAt: null, filledAt: null, armed: true });
      b.watchFirstPaint('app');
    });
    await app.keyboard.press('Alt+4');
    return firstPaint(app, 'app', 60_000);
  };
  // The supervisor opens the Timeline from a settled Schedules screen: nothing in flight for half a second.
  await settled(app);
  const cold = await profiled(app, navigate, 'cold');
  // Which calls the cold first paint waited for, relative to the key press (stderr only).
  const calls = await app.evaluate(() => {
    const b = (
      window as unknown as { __bench: { navAt: number; calls: { name: string; start: number; end: number }[] } }
    ).__bench;
    return b.calls
      .filter((c) => c.end >= b.navAt)
      .map((c) => `${c.name} ${Math.round(c.start - b.navAt)}–${Math.round(c.end - b.navAt)} ms`);
  });
  console.error(`cold first paint ${cold.rowsFilledMs} ms; calls: ${calls.join(', ')}`);
  const scheduleId = await app.getByTestId('schedule-picker').inputValue();
  const week = await app.getByRole('combobox', { name: 'Week', exact: true }).inputValue();
  const count = (await app.getByTestId('timeline-count').textContent())?.trim() ?? '';
  await app.keyboard.press('Alt+3');
  await app.getByRole('heading', { level: 1, name: 'Schedules' }).waitFor();
  const warm = await profiled(app, navigate, 'warm');
  await app.getByTestId('timeline-grid').focus();
  const appScroll = await scrollAndHeap(app, 'app', scrollMs);
  await appContext.close();

  // ---- The same shifts for vis-timeline, read through the host ----
  const weekStart = Date.parse(`${week}T00:00:00Z`);
  const from = weekStart - 86_400_000;
  const to = weekStart + 8 * 86_400_000;
  const all: Agent[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await call<{ total: number; agents: Agent[] }>('timeline.window', {
      profileId: saved.id,
      businessUnitId: bu,
      from,
      to,
      offset,
      limit: 500,
      scheduleId,
    });
    all.push(...page.agents);
    if (page.agents.length === 0 || all.length >= page.total) break;
  }
  const shifts = all.flatMap((a) => a.shifts.map((s) => ({ ...s, group: a.id })));
  const shiftFrom = Math.min(...shifts.map((s) => s.startMs));
  const shiftTo = Math.max(...shifts.map((s) => s.endMs));
  const data = JSON.stringify({
    groups: all.map((a) => ({ id: a.id, content: a.name })),
    items: shifts.map((s) => ({ id: s.key, group: s.group, start: s.startMs, end: s.endMs, content: '' })),
    from: shiftFrom - 3_600_000,
    to: shiftTo + 3_600_000,
    viewFrom: shiftFrom,
  });
  const visRoot = path.join('node_modules', 'vis-timeline');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (type: string, body: string | Buffer) => {
      // Isolated as the console's page is (main/host/server.ts), so both clocks have the same precision.
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'no-store',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      res.end(body);
    };
    if (url.pathname === '/') return send('text/html', readFileSync(path.join(here, 'vis.html')));
    if (url.pathname === '/data.json') return send('application/json', data);
    const rel = path.normalize(url.pathname.replace(/^\/vis\//, '')).replace(/^(\.\.[/\\])+/, '');
    if (url.pathname.startsWith('/vis/') && (rel.startsWith('standalone') || rel.startsWith('styles'))) {
      const file = path.join(visRoot, rel);
      if (existsSync(file)) return send(file.endsWith('.css') ? 'text/css' : 'text/javascript', readFileSync(file));
    }
    res.writeHead(404).end();
  });
  running.servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };

  const visContext = await browser.newContext({ viewport });
  const vis = await visContext.newPage();
  vis.on('pageerror', (e) => errors.push(`vis: ${e.message}`));
  await vis.addInitScript({ path: probe });
  await vis.addInitScript(
    ([f, t]) => {
      const w = window as unknown as BenchWindow & { __visWeek: { from: number; to: number } };
      w.__visWeek = { from: f!, to: t! };
      w.__bench.navAt = 0; // performance.now() counts from the navigation
      w.__bench.watchFirstPaint('vis');
    },
    [shiftFrom, shiftTo],
  );
  await vis.goto(`http://127.0.0.1:${port}/`);
  const visPaint = await firstPaint(vis, 'vis', 180_000);
  const visScroll = await scrollAndHeap(vis, 'vis', scrollMs);
  await visContext.close();

  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const figures = {
    bench: 'timeline',
    agents,
    week,
    mirror: {
      agentsRead: all.length,
      shifts: shifts.length,
      rosterCount: count,
      syncSeconds: Math.round(syncSeconds * 10) / 10,
    },
    viewport,
    scrollSeconds: scrollMs / 1000,
    app: { firstPaint: { cold, warm }, scroll: appScroll },
    visTimeline: {
      version: JSON.parse(readFileSync(path.join(visRoot, 'package.json'), 'utf8')).version as string,
      firstPaint: visPaint,
      scroll: visScroll,
    },
    ratios: {
      firstPaintColdAppOverVis: ratio(cold.rowsFilledMs, visPaint.rowsFilledMs),
      scrollP95AppOverVis: ratio(appScroll.frame.p95, visScroll.frame.p95),
      heapAppOverVis: ratio(appScroll.heapUsedMB, visScroll.heapUsedMB),
    },
    pageErrors: errors,
    setupSeconds: Math.round((performance.now() - tSetup) / 100) / 10,
    goals: {
      firstRowsPaintedLe300ms: cold.rowsFilledMs <= 300,
      scrollP95Le16_7ms: appScroll.frame.p95 <= 16.7,
      noLongTasks: appScroll.longTasks === 0,
      noBlankRows: appScroll.blankRows === 0,
      heapLe150MB: appScroll.heapUsedMB <= 150,
    },
  };
  await cleanup();
  console.log(JSON.stringify(figures));
}

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    console.error(err);
    await cleanup();
    console.log(JSON.stringify({ bench: 'timeline', error: err instanceof Error ? err.message : String(err) }));
    process.exit(1);
  },
);
