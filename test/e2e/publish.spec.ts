/**
 * The guided publish on the sandbox under `publish-morning` (other supervisors save the same schedule
 * while we publish; script sessions come and go; an occasional 429). The built-in Sandbox org runs
 * calm, and the host has no fault option, so this test starts its own sandbox with the profile and
 * adds it in the console as a custom connection (client credentials), the way a supervisor would.
 *
 * From the UI: choose the draft, preflight, confirm what changes for whom, watch the attempts in the
 * step timeline, resolve a true conflict with one click, see it published. Every shift of forty agents
 * is edited, so a competing save that touches one of them is a true conflict; each round is a new
 * publish of new edits until a conflict was seen (the fault draws are random, so how many rounds it
 * takes is not fixed).
 * Screenshots of each stage at 1366×768 in light and dark.
 */
import { expect, test, type Page } from '@playwright/test';
import type { AuditRow } from '../../shared/activity';
import { opsCaller } from './console-look';
import { startHostProcess, type HostProcess } from './host-process';
import { startFaultySandbox, type Sandbox } from './faulty-sandbox';

let host: HostProcess;
let sandbox: Sandbox;
const connectionName = 'Publish morning (sandbox)';

test.use({ viewport: { width: 1366, height: 768 }, screenshot: 'only-on-failure' });

test.beforeAll(async () => {
  [host, sandbox] = await Promise.all([startHostProcess(), startFaultySandbox()]);
});
test.afterAll(async () => {
  sandbox?.child.kill('SIGTERM');
  await host?.stop();
});

/** Saves the stage in light and in dark (the emulated OS scheme), and says which files to look at. */
async function shoot(page: Page, stage: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `test-results/publish-${stage}-${scheme}-1366.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function addConnectionAndSync(page: Page): Promise<void> {
  await page.goto(host.launchUrl);
  await expect(page.getByTestId('info-version')).toBeVisible();
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: 'Add connection' }).click();
  const form = page.getByRole('form', { name: 'Add a connection' });
  await form.getByRole('textbox', { name: 'Name' }).fill(connectionName);
  await form.getByLabel('Custom base URL').check();
  await form.getByRole('textbox', { name: 'Base URL' }).fill(sandbox.baseUrl);
  await form.getByLabel(/Client credentials/).check();
  await form.getByLabel('OAuth client id').fill(sandbox.clientId);
  await form.getByLabel('Client secret').fill(sandbox.clientSecret);
  await form.getByRole('button', { name: 'Save connection' }).click();
  const card = page.getByTestId(`connection-${connectionName}`);
  await card.getByRole('button', { name: 'Sign in' }).click();
  await expect(card.getByTestId('connection-state')).toHaveText('Signed in', { timeout: 30_000 });
  await page.keyboard.press('Alt+3');
  await page.getByLabel('Connection').selectOption({ label: connectionName });
  await page.getByRole('button', { name: 'Find business units' }).click();
  await expect(page.getByLabel('Business unit')).toContainText('Chicago Contact Center');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('last-sync')).toContainText('finished', { timeout: 90_000 });
}

interface Target {
  profileId: string;
  businessUnitId: string;
  scheduleId: string;
  agentIds: string[];
}

/** The draft the Publish screen picks by default (the current week's), and every agent in it. */
async function draftOfThisWeek(call: ReturnType<typeof opsCaller>, page: Page): Promise<Target> {
  const connections = await call<Array<{ id: string; name: string }>>('connections.list', {});
  const profileId = connections.find((c) => c.name === connectionName)!.id;
  const overview = await call<{ businessUnits: Array<{ id: string }> }>('schedules.overview', { profileId });
  const businessUnitId = overview.businessUnits[0]!.id;
  const scheduleId = (await page.getByTestId('publish-schedule').inputValue()) || '';
  const weeks = await call<{ weeks: Array<{ scheduleId: string; weekDate: string }> }>('schedules.weeks', {
    profileId,
    businessUnitId,
  });
  const week = weeks.weeks.find((w) => w.scheduleId === scheduleId)!.weekDate;
  const from = Date.parse(`${week}T00:00:00Z`) - 86_400_000;
  const window = await call<{ agents: Array<{ id: string; shifts: unknown[] }> }>('timeline.window', {
    profileId,
    businessUnitId,
    scheduleId,
    from,
    to: from + 9 * 86_400_000,
    offset: 0,
    limit: 500,
  });
  // Forty agents: enough that another editor's save lands on one of ours now and then, few enough that
  // each publish's re-reads stay well inside the sandbox's rate limit.
  const agentIds = window.agents.filter((a) => a.shifts.length).map((a) => a.id);
  return { profileId, businessUnitId, scheduleId, agentIds: agentIds.slice(0, 40) };
}

/** Pending edits on every agent: each shift of the week 15 minutes later (one bulk edit). */
async function editEveryAgent(call: ReturnType<typeof opsCaller>, t: Target): Promise<void> {
  await call('edits.apply', {
    profileId: t.profileId,
    businessUnitId: t.businessUnitId,
    scheduleId: t.scheduleId,
    intent: { kind: 'moveShifts', byMinutes: 15 },
    agentIds: t.agentIds,
    source: { type: 'bulk', agentCount: t.agentIds.length },
  });
}

const phase = (page: Page) => page.getByTestId('publish-phase');

/**
 * Waits for "what changes for whom" to ask for confirmation; a preflight stopped (a 429 outlasting the cap) is
 * retried. KNOWN OPEN BUG (issue 15): about one CI run in three, the preflight's script-session check is
 * answered by Genesys (the Activity log shows the 200) and the publish still shows it in flight, for good.
 * The supervisor's way out is Stop and a new publish; the test takes it once (`stalls`), prints what it saw,
 * and fails on a second stall. False when stopped so.
 */
async function untilConfirming(
  page: Page,
  call: ReturnType<typeof opsCaller>,
  stalls: { left: number },
): Promise<boolean> {
  const confirm = page.getByTestId('publish-confirm');
  for (let retries = 0; ; retries++) {
    // Up to a rate-limit window (60 s) and a request timeout (30 s): the sync may have spent this minute's budget.
    const stalled = await expect(confirm.or(page.getByTestId('retry-all')))
      .toBeVisible({ timeout: 100_000 })
      .then(() => false)
      .catch(async (e: unknown) => {
        console.log(await page.getByTestId('publish-job').innerText());
        // What the console asked Genesys before it stalled: the Activity log's last answers.
        const { rows } = await call<{ rows: AuditRow[] }>('activity.list', { limit: 60, offset: 0 });
        for (const r of rows)
          console.log(r.at, r.method, r.pathTemplate, r.status, `${r.durationMs} ms`, r.errorKind ?? '');
        if (stalls.left-- <= 0) throw e;
        return true;
      });
    if (stalled) {
      await page.getByRole('button', { name: 'Stop after the call in flight' }).click();
      await expect(page.getByRole('button', { name: /Start publish/ })).toBeEnabled({ timeout: 30_000 });
      return false;
    }
    if (await confirm.isVisible()) return true;
    if (retries >= 3) throw new Error(`preflight stopped: ${await phase(page).textContent()}`);
    await page.getByTestId('retry-all').click();
  }
}

/** Accepts every blocking finding kind the publish names, one click per kind. */
async function acceptFindings(page: Page): Promise<void> {
  const accept = page.getByRole('button', { name: /^Accept every/ });
  for (let i = 0; i < 10 && (await accept.count()) > 0; i++) {
    const before = await accept.count();
    await accept.first().click();
    await expect(accept).toHaveCount(before - 1, { timeout: 30_000 });
  }
}

/** Answers what the publish asks until it ends; true when a true conflict was resolved on the way. */
async function seeItThrough(page: Page, shots: Set<string>): Promise<boolean> {
  let resolved = false;
  let retries = 0;
  for (let turn = 0; turn < 40; turn++) {
    await expect(phase(page)).toHaveAttribute('data-phase', /conflict|reviewing|held|done|failed/, {
      timeout: 120_000,
    });
    const now = await phase(page).getAttribute('data-phase');
    if (now === 'done') return resolved;
    if (now === 'failed') {
      // Stopped (e.g. the rate limit outlasted the retry cap): the one-click retry of the whole job.
      if (++retries > 3) throw new Error(`the publish stopped: ${await phase(page).textContent()}`);
      await page.getByTestId('retry-all').click();
    }
    if (now === 'conflict') {
      const first = page.getByTestId('conflicts').locator('li').first();
      await expect(first).toContainText('changed by');
      if (!shots.has('conflict')) {
        shots.add('conflict');
        await page.getByTestId('conflicts').evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await shoot(page, 'conflict');
      }
      // One click: keep both where they do not overlap, else ours.
      const merge = first.getByRole('button', { name: 'Merge both' });
      await ((await merge.isEnabled()) ? merge : first.getByRole('button', { name: 'Use mine' })).click();
      resolved = true;
    } else if (now === 'reviewing') {
      await acceptFindings(page);
    } else if (now === 'held') {
      await page.getByRole('button', { name: 'Publish all held now' }).click();
    }
    await expect(phase(page))
      .not.toHaveAttribute('data-phase', now!, { timeout: 60_000 })
      .catch(() => {});
  }
  throw new Error('the publish did not end in 40 decisions');
}

test('publish under publish-morning from the UI: retries in the step timeline, a true conflict resolved in one click, published', async ({
  page,
}) => {
  test.setTimeout(900_000);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  const call = opsCaller(host);
  await addConnectionAndSync(page);

  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Publish');
  await expect(page.getByTestId('publish-kind')).toContainText('revision over the week agents see now');
  const target = await draftOfThisWeek(call, page);
  expect(target.agentIds.length).toBeGreaterThan(10);

  const shots = new Set<string>();
  let conflictResolved = false;
  let retriesSeen = 0;
  const stalls = { left: 1 };
  for (let round = 1; round <= 8 && !conflictResolved; round++) {
    await editEveryAgent(call, target);
    await expect(page.getByTestId('publish-pending-edits')).toContainText(/[1-9]\d* pending edits?/);
    await page.getByLabel(/Publish anyway/).check();
    if (round === 1) await shoot(page, 'choose');
    await page.getByRole('button', { name: /Start publish/ }).click();

    // Preflight, then what changes for whom: every edited agent moves, and the supervisor confirms.
    await expect(page.getByTestId('preflight-items').locator('li')).toHaveCount(6, { timeout: 60_000 });
    if (!(await untilConfirming(page, call, stalls))) continue;
    if (round === 1) await shoot(page, 'preflight');
    // The week's own error findings (planted overlaps) block until accepted by kind: one click per kind.
    await acceptFindings(page);
    await expect(page.getByTestId('publish-confirm')).toBeEnabled({ timeout: 30_000 });
    await expect(page.getByTestId('changes-summary')).toContainText(/\d+ moved/, { timeout: 30_000 });
    if (round === 1) await shoot(page, 'confirm');
    await page.getByTestId('publish-confirm').click();

    conflictResolved = await seeItThrough(page, shots);
    // Retries: a 409 (a competing save) or a 429 answered, then another attempt.
    retriesSeen += await page
      .locator('[data-testid="step"][data-status="409"], [data-testid="step"][data-status="429"]')
      .count();
    await expect(phase(page)).toContainText('Published');
    await expect(page.getByTestId('agent-filter-applied')).toContainText(/[1-9]/);
  }

  expect(conflictResolved).toBe(true);
  expect(retriesSeen).toBeGreaterThan(0);
  // Every attempt is in the timeline, with its Genesys contextId one click from the clipboard.
  await expect(
    page.getByTestId('step-timeline').getByRole('heading', { name: 'Attempt 2', exact: true }),
  ).toBeVisible();
  await phase(page).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shoot(page, 'published');

  // Reload: the same publish, from the journal, not this window's memory.
  const before = await phase(page).textContent();
  await page.reload();
  await expect(page.getByTestId('info-version')).toBeVisible();
  await page.keyboard.press('Alt+5');
  // A reload forgets UI picks, not the publish: pick the connection again, and the journal shows the same.
  await page.getByLabel('Connection').selectOption({ label: connectionName });
  await expect(phase(page)).toHaveText(before!);

  // The report, as a file the browser saves.
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = page.waitForEvent('download');
  await page.getByTestId('report-link').click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  expect(errors).toEqual([]);
});
