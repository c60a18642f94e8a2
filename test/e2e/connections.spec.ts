import { expect, test } from '@playwright/test';
import { startHostProcess, type HostProcess } from './host-process';

let host: HostProcess;

test.beforeAll(async () => {
  host = await startHostProcess();
});
test.afterAll(async () => {
  await host.stop();
});

test('sign in to the built-in sandbox org and see its name, then the requests in the Activity log', async ({
  page,
}, testInfo) => {
  await page.goto(host.launchUrl);
  await page.getByRole('button', { name: 'Connections' }).click();
  const card = page.getByTestId('connection-Sandbox org');
  await expect(card.getByTestId('connection-state')).toHaveText('Signed out');
  await expect(page.getByTestId('vault-status')).toContainText('In memory only');
  await card.getByRole('button', { name: 'Sign in' }).click();
  await expect(card.getByTestId('connection-state')).toHaveText('Signed in');
  await expect(card.getByTestId('connection-org')).toHaveText('Sandbox Org');
  await page.screenshot({ path: testInfo.outputPath('connections.png'), fullPage: true });
  await page.screenshot({ path: 'test-results/connections.png', fullPage: true });

  await expect(page.getByTestId('connection-org')).toBeVisible();
  await page.keyboard.press('Alt+6');
  const table = page.getByTestId('activity-table');
  await expect(table).toContainText('GET /api/v2/organizations/me');
  await expect(table).toContainText('200');
  await page.getByLabel('Outcome').selectOption('failed');
  await expect(table).not.toContainText('/api/v2/organizations/me');
  await page.screenshot({ path: 'test-results/activity.png', fullPage: true });
});

test('add a client-credentials connection, see a clear error for a missing secret', async ({ page }) => {
  await page.goto(host.launchUrl);
  await page.getByRole('button', { name: 'Connections' }).click();
  await page.getByRole('button', { name: 'Add connection' }).click();
  const form = page.getByRole('form', { name: 'Add a connection' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Production (Sydney)');
  await form.getByLabel('Region', { exact: true }).selectOption('mypurecloud.com.au');
  await form.getByLabel('OAuth client id').fill('3f2a-client');
  await form.getByRole('button', { name: 'Save connection' }).click();
  await expect(form.getByRole('alert')).toContainText('Enter the client secret');
  await form.getByLabel('Client secret').fill('s3cret-value');
  await form.getByRole('button', { name: 'Save connection' }).click();
  const card = page.getByTestId('connection-Production (Sydney)');
  await expect(card).toContainText('Asia Pacific (Sydney)');
  await expect(card.getByTestId('connection-state')).toHaveText('Signed out');
  // The secret never comes back to the page.
  expect(await page.content()).not.toContain('s3cret-value');
});
