/**
 * The Schedules screen's path through the contract: find business units,
 * sync weeks with progress, read them back, resync without refetching, and
 * keep reading the mirror when Genesys Cloud cannot be reached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import type { Services } from '../../main/services';
import type { OpsArgs, OpsMethodName, OpsResult } from '../../shared/contract';
import type { JobEvent } from '../../shared/contract';
import type { SyncProgress, SyncRunSummary } from '../../shared/mirror';
import { tempServices } from '../support/temp-services';

const now = () => new Date('2026-11-23T12:00:00Z');
let services: Services;
let org: RunningSandbox;
let profileId: string;
const progress: SyncProgress[] = [];
const changed: string[][] = [];

async function call<M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>> {
  const outcome = await services.dispatch(method, args, { transport: 'http' });
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { category: outcome.error.category });
  return outcome.result as OpsResult<M>;
}

/** Starts a sync job and waits for it: its summary, or its failure as an error with the category. */
async function syncToEnd(args: OpsArgs<'sync.start'>): Promise<SyncRunSummary> {
  const job = await call('sync.start', args);
  expect(job).toMatchObject({
    kind: 'sync',
    state: 'running',
    seq: 1,
    subject: { profileId: args.profileId, businessUnitId: args.businessUnitId },
  });
  const ended = await services.jobs.settled(job.jobId);
  if (ended.state !== 'succeeded')
    throw Object.assign(new Error(ended.error?.message ?? ended.state), { category: ended.error?.category });
  return ended.result as SyncRunSummary;
}

beforeAll(async () => {
  org = await startSandbox({ seed: 41, agents: 120, now, operationDelayMs: 5 });
  services = await tempServices({ now });
  services.events.attach((name, payload) => {
    if (name === 'job.event') {
      const event = payload as JobEvent;
      if (event.progress) progress.push({ ...event.subject, ...event.progress } as SyncProgress);
    }
    if (name === 'mirror.changed') changed.push((payload as { tables: string[] }).tables);
  });
  const saved = await call('connections.save', {
    name: 'Chicago',
    kind: 'custom',
    baseUrl: org.baseUrl,
    grantType: 'client_credentials',
    clientId: org.clientId,
    clientSecret: org.clientSecret,
  });
  profileId = saved.id;
  await call('connections.signIn', { id: profileId });
});
afterAll(async () => {
  await services.close();
  await org.close().catch(() => {});
});

describe('schedules', () => {
  it('finds the business units of the org', async () => {
    expect((await call('schedules.overview', { profileId })).businessUnits).toEqual([]);
    const overview = await call('schedules.discover', { profileId });
    expect(overview.businessUnits).toEqual([
      expect.objectContaining({ id: org.businessUnitId, name: 'Chicago Contact Center', asOf: null }),
    ]);
    expect(overview.offline).toBeNull();
  });

  it('syncs the current week and the next two with progress, and lists them with status and as-of', async () => {
    const run = await syncToEnd({ profileId, businessUnitId: org.businessUnitId });
    expect(run).toMatchObject({ status: 'ok', error: null });
    expect(run.schedulesFetched).toBeGreaterThan(0);
    expect(progress.some((p) => p.phase === 'agentSchedules')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', profileId, businessUnitId: org.businessUnitId });
    expect(changed.at(-1)).toEqual(expect.arrayContaining(['schedules', 'shifts']));
    const { weeks, lastSync } = await call('schedules.weeks', { profileId, businessUnitId: org.businessUnitId });
    // Every schedule of the synced weeks (the current week holds a draft revision beside its published one),
    // the published one of a week first.
    const synced = new Set(run.weeks);
    const planned = [...org.runtime.org.businessUnits.get(org.businessUnitId)!.schedules.values()]
      .filter((s) => synced.has(s.weekDate))
      .sort((a, b) => a.weekDate.localeCompare(b.weekDate) || Number(b.published) - Number(a.published));
    expect(weeks.map((w) => [w.weekDate, w.scheduleId, w.published])).toEqual(
      planned.map((s) => [s.weekDate, s.id, s.published]),
    );
    expect(weeks.every((w) => w.agentCount === 120 && w.asOf === now().toISOString())).toBe(true);
    expect(lastSync).toMatchObject({ id: run.id, status: 'ok' });
    const bu = (await call('schedules.overview', { profileId })).businessUnits[0]!;
    expect(bu).toMatchObject({ timeZone: 'America/Chicago', asOf: now().toISOString() });
  });

  it('answers timeline windows from the mirror through the contract, and refuses a window that is not one', async () => {
    const from = Date.parse('2026-11-23T06:00:00Z');
    const window = await call('timeline.window', {
      profileId,
      businessUnitId: org.businessUnitId,
      from,
      to: from + 7 * 86_400_000,
      offset: 0,
      limit: 50,
    });
    expect(window.total).toBe(120);
    expect(window.agents).toHaveLength(50);
    expect(window.agents.some((a) => a.shifts.length > 0)).toBe(true);
    for (const a of window.agents)
      for (const sh of a.shifts) expect(sh.endMs > from && sh.startMs < from + 7 * 86_400_000).toBe(true);
    // Names and categories for the timeline's labels, as synced.
    const legend = await call('timeline.legend', { profileId, businessUnitId: org.businessUnitId });
    const bu = org.runtime.org.businessUnits.get(org.businessUnitId)!;
    expect(legend.managementUnits.map((m) => m.name).sort()).toEqual(bu.managementUnits.map((m) => m.name).sort());
    expect(legend.activityCodes.some((c) => c.category === 'OnQueueWork')).toBe(true);
    expect(legend.activityCodes.length).toBeGreaterThan(3);
    const outcome = await services.dispatch(
      'timeline.window',
      { profileId, businessUnitId: org.businessUnitId, from, to: from - 1, offset: 0, limit: 50 },
      { transport: 'http' },
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'badArguments', message: expect.stringContaining('must end after it starts') },
    });
  });

  it('resyncs without fetching unchanged schedules', async () => {
    const again = await syncToEnd({ profileId, businessUnitId: org.businessUnitId });
    expect(again).toMatchObject({ status: 'ok', schedulesFetched: 0, agentSchedulesWritten: 0 });
    expect(again.schedulesUnchanged).toBeGreaterThan(0);
  });

  it('refuses a second sync of the same unit while one runs', async () => {
    const first = syncToEnd({ profileId, businessUnitId: org.businessUnitId });
    await new Promise((resolve) => setImmediate(resolve));
    await expect(call('sync.start', { profileId, businessUnitId: org.businessUnitId })).rejects.toThrow(
      /already running/,
    );
    await first;
  });

  it('refuses to sync a week that is not a real date or does not start a week of the unit, and mirrors nothing for it', async () => {
    await expect(
      call('sync.start', { profileId, businessUnitId: org.businessUnitId, weeks: ['2026-02-30'] }),
    ).rejects.toMatchObject({
      category: 'badInput',
      message: expect.stringContaining('2026-02-30 is not a date on the calendar'),
    });
    // 2026-11-25 is the Wednesday of the week of Monday 2026-11-23.
    await expect(
      syncToEnd({ profileId, businessUnitId: org.businessUnitId, weeks: ['2026-11-25'] }),
    ).rejects.toMatchObject({
      category: 'badInput',
      message:
        '2026-11-25 is a Wednesday, but weeks of this business unit start on Monday: use 2026-11-23 for that week.',
    });
    const { weeks } = await call('schedules.weeks', { profileId, businessUnitId: org.businessUnitId });
    expect(weeks.map((w) => w.weekDate)).not.toContain('2026-11-25');
  });

  it('stays readable offline, with the reason, when Genesys Cloud cannot be reached', async () => {
    await org.close();
    await expect(call('schedules.discover', { profileId })).rejects.toMatchObject({ category: 'unavailable' });
    const overview = await call('schedules.overview', { profileId });
    expect(overview.offline?.reason).toMatch(/could not be reached/);
    expect(overview.businessUnits).toHaveLength(1);
    const { weeks } = await call('schedules.weeks', { profileId, businessUnitId: org.businessUnitId });
    expect(weeks.length).toBeGreaterThan(0);
  });
});
