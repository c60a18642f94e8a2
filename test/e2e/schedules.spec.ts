import { expect, test } from '@playwright/test';
import { startHostProcess, type HostProcess } from './host-process';

let host: HostProcess;

test.beforeAll(async () => {
  host = await startHostProcess();
});
test.afterAll(async () => {
  await host.stop();
});

test('sync the sandbox org from the Schedules screen and see the progress bar finish', async ({ page }, testInfo) => {
  await page.goto(host.launchUrl);
  // The shortcuts listen once the console has rendered.
  await expect(page.getByTestId('info-version')).toBeVisible();
  await page.keyboard.press('Alt+2');
  const card = page.getByTestId('connection-Sandbox org');
  await card.getByRole('button', { name: 'Sign in' }).click();
  await expect(card.getByTestId('connection-state')).toHaveText('Signed in');

  await page.keyboard.press('Alt+3');
  await page.getByRole('button', { name: 'Find business units' }).click();
  await expect(page.getByLabel('Business unit')).toContainText('Chicago Contact Center');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-progress')).toBeVisible();
  await expect(page.getByTestId('last-sync')).toContainText('finished', { timeout: 60_000 });
  await expect(page.getByTestId('sync-progress')).toBeHidden();
  // The sandbox holds the current week (published) and the next (draft); the third synced week may not exist yet.
  const rows = page.getByTestId('weeks-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('weeks-table')).toContainText('Published');
  await expect(page.getByTestId('weeks-table')).toContainText('Draft');
  await page.screenshot({ path: testInfo.outputPath('schedules.png'), fullPage: true });
  await page.screenshot({ path: 'test-results/schedules.png', fullPage: true });

  // The week's findings, from the mirror, grouped by kind in the supervisor's words.
  await rows.first().getByRole('button', { name: 'Check week' }).click();
  const findings = page.getByTestId('findings');
  await expect(findings.getByTestId('findings-summary')).toContainText('finding(s)');
  await expect(findings.getByRole('list', { name: 'Findings by kind' })).toContainText('Time-zone mismatches');
  await expect(findings).toContainText('America/Phoenix');
  await page.screenshot({ path: 'test-results/findings.png', fullPage: true });
});
