/** WFM reads over real HTTP, shapes checked against the SDK's Models types. */
import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSandbox, type SandboxSession } from './harness';

const wfm = '/api/v2/workforcemanagement';
let s: SandboxSession;
let buId: string;

beforeAll(async () => {
  s = await openSandbox({ seed: 7, operationDelayMs: 10 });
  buId = s.sandbox.businessUnitId;
});
afterAll(() => s.close());

async function weeks() {
  return s.sandbox.runtime.manifest.weeks;
}

describe('business units', () => {
  it('lists the BU and gives its settings (zone, start day) only with expand=settings', async () => {
    const list = await s.api<Models.BusinessUnitListing>('GET', `${wfm}/businessunits`);
    expect(list.status).toBe(200);
    expect(list.body.entities).toEqual([
      expect.objectContaining({ id: buId, name: 'Chicago Contact Center', authorized: true }),
    ]);
    const plain = await s.api<Models.BusinessUnitResponse>('GET', `${wfm}/businessunits/${buId}`);
    expect(plain.body.settings).toBeUndefined();
    const expanded = await s.api<Models.BusinessUnitResponse>('GET', `${wfm}/businessunits/${buId}?expand=settings`);
    expect(expanded.body.settings).toMatchObject({
      timeZone: 'America/Chicago',
      startDayOfWeek: 'Monday',
      metadata: { version: 1 },
    });
    expect(list.headers.get('inin-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(list.headers.get('inin-ratelimit-allowed')).toBe('300');
  });

  it('lists management units with their own zones, activity codes and users per MU', async () => {
    const mus = await s.api<Models.ManagementUnitListing>('GET', `${wfm}/businessunits/${buId}/managementunits`);
    expect(mus.body.entities!.map((m) => m.timeZone).sort()).toEqual([
      'America/Chicago',
      'America/Chicago',
      'America/Phoenix',
    ]);
    const codes = await s.api<Models.BusinessUnitActivityCodeListing>(
      'GET',
      `${wfm}/businessunits/${buId}/activitycodes`,
    );
    expect(codes.body.entities!.map((c) => c.category)).toEqual(
      expect.arrayContaining(['OnQueueWork', 'Break', 'Meal', 'TimeOff']),
    );
    const phoenix = mus.body.entities!.find((m) => m.timeZone === 'America/Phoenix')!;
    const users = await s.api<Models.BuUserListing>(
      'GET',
      `${wfm}/businessunits/${buId}/users?managementUnitIds=${phoenix.id}`,
    );
    expect(users.body.managementUnits).toHaveLength(1);
    expect(users.body.managementUnits[0]!.users.length).toBeGreaterThan(10);
    const all = await s.api<Models.BuUserListing>('GET', `${wfm}/businessunits/${buId}/users`);
    expect(all.body.managementUnits.reduce((n, mu) => n + mu.users.length, 0)).toBe(500);
  });

  it('answers an unknown BU with a Genesys 404 ErrorBody', async () => {
    const res = await s.api<Models.ErrorBody>('GET', `${wfm}/businessunits/00000000-0000-4000-8000-000000000000`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      status: 404,
      code: 'not.found',
      contextId: res.headers.get('inin-correlation-id'),
    });
  });
});

describe('schedules', () => {
  it('lists each week with published flags and versions, and gets metadata with MU summaries', async () => {
    for (const week of await weeks()) {
      const list = await s.api<Models.BuScheduleListing>(
        'GET',
        `${wfm}/businessunits/${buId}/weeks/${week.weekDate}/schedules`,
      );
      expect(list.status).toBe(200);
      const item = list.body.entities!.find((e) => e.id === week.scheduleId)!;
      expect(item).toMatchObject({ weekDate: week.weekDate, weekCount: 1, published: week.published });
      expect(item.metadata!.version).toBeGreaterThanOrEqual(1);
    }
    const [first] = await weeks();
    const meta = await s.api<Models.BuScheduleMetadata>(
      'GET',
      `${wfm}/businessunits/${buId}/weeks/${first!.weekDate}/schedules/${first!.scheduleId}`,
    );
    expect(meta.body.managementUnits!.reduce((n, mu) => n + (mu.agentCount ?? 0), 0)).toBe(500);
    const published = await s.api<Models.BuScheduleListing>(
      'GET',
      `${wfm}/businessunits/${buId}/weeks/recent/schedules?includeOnlyPublished=true`,
    );
    expect(published.body.entities!.every((e) => e.published)).toBe(true);
    expect(published.body.entities!.length).toBe((await weeks()).filter((w) => w.published).length);
  });

  it('refuses impossible week dates and a schedule asked for under the wrong week', async () => {
    const bad = await s.api<Models.ErrorBody>('GET', `${wfm}/businessunits/${buId}/weeks/2026-02-30/schedules`);
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ errorCode: 'invalid.date', fieldName: 'weekId' })]);
    const [a, b] = await weeks();
    const wrongWeek = await s.api(
      'GET',
      `${wfm}/businessunits/${buId}/weeks/${b!.weekDate}/schedules/${a!.scheduleId}`,
    );
    expect(wrongWeek.status).toBe(404);
  });
});

// The asynchronous mode, on the user's topic, is in query-results.test.ts.
describe('agent schedules query: inline and download', () => {
  async function muOf(size: 'small' | 'large') {
    const mus = s.sandbox.runtime.org.businessUnits.get(buId)!.managementUnits;
    const counts = mus.map((mu) => ({
      mu,
      n: [...s.sandbox.runtime.org.users.values()].filter((u) => u.managementUnitId === mu.id).length,
    }));
    counts.sort((x, y) => x.n - y.n);
    return size === 'small' ? counts[0]! : counts.at(-1)!;
  }
  const queryPath = (w: { weekDate: string; scheduleId: string }) =>
    `${wfm}/businessunits/${buId}/weeks/${w.weekDate}/schedules/${w.scheduleId}/agentschedules/query`;

  it('answers small requests inline, with per-agent versions and the BU zone', async () => {
    const [week] = await weeks();
    const { mu, n } = await muOf('small');
    expect(n).toBeLessThanOrEqual(s.sandbox.runtime.config.asyncAgentThreshold);
    const res = await s.api<Models.BuAsyncAgentSchedulesQueryResponse>('POST', queryPath(week!), {
      managementUnitId: mu.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('Complete');
    expect(res.body.result!.businessUnitTimeZone).toBe('America/Chicago');
    expect(res.body.result!.agentSchedules).toHaveLength(n);
    const agent = res.body.result!.agentSchedules![0]!;
    expect(agent.metadata!.version).toBeGreaterThanOrEqual(1);
    expect(agent.shifts![0]!.startDate).toMatch(/Z$/);
    const some = await s.api<Models.BuAsyncAgentSchedulesQueryResponse>('POST', queryPath(week!), {
      managementUnitId: mu.id,
      userIds: [agent.user!.id],
    });
    expect(some.body.result!.agentSchedules).toHaveLength(1);
  });

  it('answers forceDownloadService with a download URL', async () => {
    const [week] = await weeks();
    const { mu, n } = await muOf('small');
    const res = await s.api<Models.BuAsyncAgentSchedulesQueryResponse>(
      'POST',
      `${queryPath(week!)}?forceDownloadService=true`,
      { managementUnitId: mu.id },
    );
    expect(res.body.status).toBe('Complete');
    const downloaded = (await (await fetch(res.body.downloadUrl!)).json()) as Models.BuAgentSchedulesQueryResponse;
    expect(downloaded.agentSchedules).toHaveLength(n);
    expect((await fetch(res.body.downloadUrl!.replace(/[^/]+$/, 'forged'))).status).toBe(403);
  });

  it('refuses a query without a management unit', async () => {
    const [week] = await weeks();
    const res = await s.api<Models.ErrorBody>('POST', queryPath(week!), { userIds: [] });
    expect(res.status).toBe(400);
    expect(res.body.details![0]).toMatchObject({ fieldName: 'managementUnitId' });
  });
});

describe('time-off requests', () => {
  it('queries an MU by status and date range', async () => {
    const bu = s.sandbox.runtime.org.businessUnits.get(buId)!;
    const withRequests = bu.managementUnits.find((mu) =>
      bu.timeOffRequests.some((r) => r.managementUnitId === mu.id && r.status === 'APPROVED'),
    )!;
    const res = await s.api<Models.TimeOffRequestListing>(
      'POST',
      `${wfm}/managementunits/${withRequests.id}/timeoffrequests/query`,
      { statuses: ['APPROVED'] },
    );
    expect(res.status).toBe(200);
    expect(res.body.entities.length).toBeGreaterThan(0);
    expect(res.body.entities.every((r) => r.status === 'APPROVED' && r.metadata.version >= 1)).toBe(true);
    const none = await s.api<Models.TimeOffRequestListing>(
      'POST',
      `${wfm}/managementunits/${withRequests.id}/timeoffrequests/query`,
      {
        dateRange: { startDate: '1999-01-01', endDate: '1999-01-31' },
      },
    );
    expect(none.body.entities).toEqual([]);
  });
});
