/**
 * What the e2e checks on a screenshot besides looking at it: the page follows the OS theme (its
 * background really changes), nothing overflows sideways, and the controls a supervisor needs are
 * whole on screen. Plus the helpers to reach a synced timeline from any test.
 */
import { expect, type Page, type TestInfo } from '@playwright/test';
import type { HostProcess } from './host-process';

/** The page's background as the browser paints it, and its relative luminance (0 black … 1 white). */
export async function pageBackground(page: Page): Promise<{ colour: string; luminance: number }> {
  return page.evaluate(() => {
    const colour = getComputedStyle(document.documentElement).backgroundColor;
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return { colour, luminance: 0.2126 * r + 0.7152 * g + 0.0722 * b };
  });
}

/** Elements of `selector` (visible ones) that stick out of the viewport, and the page's sideways overflow. */
export async function layoutProblems(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const clipped = [...document.querySelectorAll<HTMLElement>(sel)]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5)
      .map(
        ({ el, r }) =>
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" at ${r.left},${r.top}–${r.right},${r.bottom}`,
      );
    const scroller = document.scrollingElement!;
    return { scrollWidth: scroller.scrollWidth, innerWidth, clipped };
  }, selector);
}

/** Saves a screenshot under test-results/ (kept by CI) and attaches it to the report. */
export async function saveScreenshot(page: Page, info: TestInfo, name: string): Promise<string> {
  const file = `test-results/${name}.png`;
  await page.screenshot({ path: file });
  await info.attach(name, { path: file, contentType: 'image/png' });
  return file;
}

/** Calls the contract over the host's HTTP transport with this launch's key, as the page does. */
export function opsCaller(host: HostProcess) {
  const token = new URL(host.launchUrl).searchParams.get('launch')!;
  return async <T>(method: string, args: unknown): Promise<T> => {
    const res = await fetch(`${host.origin}/ops/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: host.origin, 'x-publish-desk-token': token },
      body: JSON.stringify({ method, args }),
    });
    const outcome = (await res.json()) as { ok: boolean; result?: T; error?: { message: string } };
    if (!outcome.ok) throw new Error(`${method}: ${outcome.error?.message}`);
    return outcome.result as T;
  };
}

/**
 * Opens the console and makes sure the sandbox org is signed in and synced (another test of the same
 * host may have done it already), then opens the Timeline.
 */
export async function openSyncedTimeline(page: Page, host: HostProcess): Promise<void> {
  await page.goto(host.launchUrl);
  await expect(page.getByTestId('info-version')).toBeVisible();
  await page.keyboard.press('Alt+2');
  const card = page.getByTestId('connection-Sandbox org');
  const state = card.getByTestId('connection-state');
  await expect(state).toHaveText(/Signed in|Signed out|Expired/);
  if ((await state.textContent()) !== 'Signed in') {
    await card.getByRole('button', { name: /Sign in/ }).click();
    await expect(state).toHaveText('Signed in', { timeout: 30_000 });
  }
  await page.keyboard.press('Alt+3');
  const lastSync = page.getByTestId('last-sync');
  // The screen reads the mirror first: give it a moment to say a sync has finished before syncing again.
  const synced = await lastSync
    .filter({ hasText: 'finished' })
    .waitFor({ timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (!synced) {
    await page.getByRole('button', { name: 'Find business units' }).click();
    await expect(page.getByLabel('Business unit')).toContainText('Chicago Contact Center');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(lastSync).toContainText('finished', { timeout: 60_000 });
  }
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('timeline-grid').locator('[role="gridcell"]').first()).toBeVisible();
  await expect(page.getByTestId('coverage-cell').first()).toBeVisible();
}

/** Walks the weeks until the findings panel lists an overlap, then opens its first one on the grid. */
export async function showFirstOverlap(page: Page): Promise<void> {
  const panel = page.getByTestId('timeline-findings');
  const overlapKind = panel.getByTestId('kind-shiftOverlap');
  const weekSelect = page.getByRole('combobox', { name: 'Week', exact: true });
  const weeks = await weekSelect.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  for (const week of weeks) {
    if (await overlapKind.isVisible()) break;
    await weekSelect.selectOption(week);
    await expect(panel.getByRole('heading', { name: /Findings \d+/ })).toBeVisible();
  }
  await expect(overlapKind).toBeVisible();
  if ((await overlapKind.getAttribute('aria-expanded')) !== 'true') await overlapKind.click();
  const item = panel.getByTestId('finding-item').first();
  await item.click();
  await expect(page.locator(`[data-finding-id="${await item.getAttribute('data-finding-id')}"]`).first()).toBeVisible();
}

/** Signs in to the sandbox org from the Connections screen and syncs its BU from the Schedules screen. */
export async function signInAndSync(page: Page, host: HostProcess): Promise<void> {
  await page.goto(host.launchUrl);
  await expect(page.getByTestId('info-version')).toBeVisible();
  await page.keyboard.press('Alt+2');
  const card = page.getByTestId('connection-Sandbox org');
  await card.getByRole('button', { name: 'Sign in' }).click();
  await expect(card.getByTestId('connection-state')).toHaveText('Signed in');
  await page.keyboard.press('Alt+3');
  await page.getByRole('button', { name: 'Find business units' }).click();
  await expect(page.getByLabel('Business unit')).toContainText('Chicago Contact Center');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('last-sync')).toContainText('finished', { timeout: 60_000 });
}
