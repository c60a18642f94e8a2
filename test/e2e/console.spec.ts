import { expect, test } from '@playwright/test';
import { startHostProcess, type HostProcess } from './host-process';

let host: HostProcess;

test.beforeAll(async () => {
  host = await startHostProcess();
});
test.afterAll(async () => {
  await host.stop();
});

test('the console loads in browser mode and shows app.info from the host', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto(host.launchUrl);
  await expect(page.getByTestId('info-transport')).toHaveText('HTTP + WebSocket on 127.0.0.1');
  await expect(page.getByTestId('info-mode')).toHaveText('Browser (loopback host)');
  await expect(page.getByTestId('info-data-dir')).toHaveText(host.dataDir);
  await expect(page.getByTestId('status-transport')).toHaveText('HTTP transport');
  // The launch key is dropped from the address bar once the page has it.
  expect(new URL(page.url()).search).toBe('');
  await page.screenshot({ path: testInfo.outputPath('console.png'), fullPage: true });
  await page.screenshot({ path: 'test-results/console.png' });
  expect(errors).toEqual([]);
});

test('the navigation rail works from the keyboard', async ({ page }) => {
  await page.goto(host.launchUrl);
  await expect(page.getByTestId('info-version')).toBeVisible();
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Schedules');
  await page.getByRole('button', { name: 'Overview' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('app-info')).toBeVisible();
});
