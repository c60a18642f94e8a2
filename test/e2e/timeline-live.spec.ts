/**
 * The Timeline's live parts against the host on the sandbox org: the coverage strip's numbers checked against
 * the schedule's raw shifts, and script sessions read again while the screen is open (issue 13 items 4 and 6).
 */
import { expect, test } from '@playwright/test';
import { busiestVisibleInterval, countOnQueue, intervalStart } from './coverage-count';
import { openSyncedTimeline, opsCaller, signInAndSync } from './console-look';
import { startHostProcess, type HostProcess } from './host-process';

let host: HostProcess;

test.use({ timezoneId: 'Europe/Berlin', viewport: { width: 1366, height: 768 } });

test.beforeAll(async () => {
  host = await startHostProcess();
});
test.afterAll(async () => {
  await host.stop();
});

test('the coverage strip’s numbers for an interval match the schedule’s agents on queue', async ({ page }) => {
  test.setTimeout(120_000);
  await openSyncedTimeline(page, host);
  await page.getByRole('radio', { name: /BU zone/ }).check();
  await expect(page.getByTestId('zoom-span')).toHaveText('1 day');
  const interval = await busiestVisibleInterval(page);
  expect(interval.onQueue, interval.label).toBeGreaterThan(0);

  // The same interval, counted from the schedule's raw shifts through the contract.
  const ops = opsCaller(host);
  const profile = (await ops<Array<{ id: string; name: string }>>('connections.list', {})).find(
    (c) => c.name === 'Sandbox org',
  )!;
  const businessUnitId = await page.getByLabel('Business unit').inputValue();
  const scheduleId = await page.getByTestId('schedule-picker').inputValue();
  const week = await page.getByRole('combobox', { name: 'Week', exact: true }).inputValue();
  const overview = await ops<{ businessUnits: Array<{ id: string; timeZone: string }> }>('schedules.overview', {
    profileId: profile.id,
  });
  const zone = overview.businessUnits.find((b) => b.id === businessUnitId)!.timeZone;
  const from = intervalStart(interval, week, zone);
  const to = from + 15 * 60_000;
  const legend = await ops<{ activityCodes: Array<{ id: string; category: string }> }>('timeline.legend', {
    profileId: profile.id,
    businessUnitId,
  });
  const onQueueCodes = new Set(legend.activityCodes.filter((c) => c.category === 'OnQueueWork').map((c) => c.id));
  expect(onQueueCodes.size).toBeGreaterThan(0);
  const agents: Parameters<typeof countOnQueue>[0] = [];
  for (let offset = 0; ; offset += 500) {
    const batch = await ops<{ total: number; agents: typeof agents }>('timeline.window', {
      profileId: profile.id,
      businessUnitId,
      scheduleId,
      from,
      to,
      offset,
      limit: 500,
    });
    agents.push(...batch.agents);
    if (batch.agents.length < 500 || agents.length >= batch.total) break;
  }
  const counted = countOnQueue(agents, onQueueCodes, from, to);
  const said = `${interval.day} ${interval.label}`;
  expect(Math.round(counted.agentTime * 10) / 10, said).toBe(interval.onQueue);
  expect(counted.any, said).toBeGreaterThanOrEqual(Math.floor(interval.onQueue));
  expect(counted.whole, said).toBeLessThanOrEqual(Math.ceil(interval.onQueue));
  // The gap it states is the difference of the two numbers it states (each rounded to a tenth on its own).
  if (interval.required !== null) {
    const gap = /: [\d.]+ on queue, [\d.]+ required, (?:([\d.]+) (short|over)|as required)$/.exec(interval.label);
    expect(gap, interval.label).not.toBeNull();
    const stated = gap![1] === undefined ? 0 : Number(gap![1]) * (gap![2] === 'short' ? -1 : 1);
    expect(Math.abs(stated - (interval.onQueue - interval.required)), interval.label).toBeLessThanOrEqual(0.11);
  }
});

// Live script sessions (issue 13 item 6): the screen watches them, main reads them again, and the badge says how long.
test('the Timeline shows agents in a script session live, with how long the session has run', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(host.launchUrl);
  await expect(page.getByTestId('info-version')).toBeVisible();
  // Whether "Nothing synced" is ever drawn, even for a frame, from the key press on.
  await page.evaluate(() => {
    const w = window as unknown as { __sawEmpty: boolean };
    w.__sawEmpty = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="timeline-empty"]')) w.__sawEmpty = true;
    }).observe(document.body, { subtree: true, childList: true });
  });
  await page.keyboard.press('Alt+4');
  const grid = page.getByTestId('timeline-grid');
  const empty = page.getByTestId('timeline-empty');
  await expect(grid.or(empty)).toBeVisible();
  // On its own this test syncs first; after the others the mirror is already there, and the screen goes from
  // loading to the rows without a flash of "Nothing synced" while the connections and overview answer.
  if (await empty.isVisible()) {
    await signInAndSync(page, host);
    await page.keyboard.press('Alt+4');
  } else expect(await page.evaluate(() => (window as unknown as { __sawEmpty: boolean }).__sawEmpty)).toBe(false);
  await expect(grid).toBeVisible();

  // The watch's first re-read answers at once: the toolbar says the sessions are live, and when they were read.
  const status = page.getByTestId('script-sessions-status');
  await expect(status).toHaveAttribute('data-state', 'live');
  await expect(status).toHaveText(/^Script sessions live · \d\d:\d\d$/);

  // The sandbox's planted sessions: through the findings panel to an agent in one, and the row's badge.
  const panel = page.getByTestId('timeline-findings');
  const scriptKind = panel.getByTestId('kind-scriptSession');
  await expect(scriptKind).toBeVisible();
  if ((await scriptKind.getAttribute('aria-expanded')) !== 'true') await scriptKind.click();
  const item = panel.locator('[data-testid="finding-item"][data-finding-id^="scriptSession"]').first();
  await expect(item).toBeVisible();
  await item.click();
  const badge = grid.getByTestId('script-badge').first();
  await expect(badge).toBeVisible();
  await expect(badge).toHaveText(/^☎ Script (\d+ min|\d+ h \d\d)$/);
  await expect(badge).toHaveAttribute('title', /In a scripted conversation for \d+/);

  // The drawer of that agent says it in words.
  const row = grid
    .locator('[role="row"]')
    .filter({ has: page.getByTestId('script-badge') })
    .first();
  await row.getByRole('rowheader').dblclick();
  const drawer = page.getByTestId('agent-drawer');
  await expect(drawer.getByTestId('drawer-script-session')).toContainText(/In a scripted conversation since \d\d:\d\d/);
  await page.screenshot({ path: 'test-results/timeline-script-session.png' });
  expect(errors).toEqual([]);
});
