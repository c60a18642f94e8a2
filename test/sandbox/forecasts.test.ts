/**
 * Short-term forecasts over real HTTP, shapes checked against the SDK's
 * Models types: the week's listing, the forecast, its planning groups, its
 * staffing requirement (inline, and by download URL when large), the
 * schedules' `shortTermForecast`, and a requirement in line with what the
 * generated schedules have on queue.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import type { ShortTermForecastState } from '../../main/sandbox/org/model';
import { clientCredentialsToken } from './harness';
import { forecastSession, midnight, quarter, wfm, zone } from './forecasts-fixture';

const { session, buId, bu, weeks, forecastsPath, forecastOf, requirementPath } = forecastSession();

describe('a schedule names its forecast', () => {
  it('lists and gets every schedule with shortTermForecast {id, weekDate, description, selfUri} of its week', async () => {
    for (const w of weeks()) {
      const list = await session().api<Models.BuScheduleListing>(
        'GET',
        `${wfm}/businessunits/${buId()}/weeks/${w.weekDate}/schedules`,
      );
      const got = await session().api<Models.BuScheduleMetadata>(
        'GET',
        `${wfm}/businessunits/${buId()}/weeks/${w.weekDate}/schedules/${w.scheduleId}`,
      );
      const f = forecastOf(w.weekDate);
      const ref: Models.BuShortTermForecastReference = {
        id: f.id,
        weekDate: w.weekDate,
        description: f.description,
        selfUri: `${forecastsPath(w.weekDate)}/${f.id}`,
      };
      expect(got.body.shortTermForecast).toEqual(ref);
      // The current week's draft revision was built against the same forecast.
      for (const item of list.body.entities!) expect(item.shortTermForecast).toEqual(ref);
    }
    const revision = session().sandbox.runtime.manifest.revision;
    expect(bu().schedules.get(revision.scheduleId)!.shortTermForecast?.id).toBe(forecastOf(revision.weekDate).id);
  });
});

describe('the week’s forecasts', () => {
  it('lists one forecast per schedule week (BuShortTermForecastListing), and all of them for `recent`', async () => {
    for (const w of weeks()) {
      const res = await session().api<Models.BuShortTermForecastListing>('GET', forecastsPath(w.weekDate));
      expect(res.status).toBe(200);
      const f = forecastOf(w.weekDate);
      const item: Models.BuShortTermForecastListItem = {
        id: f.id,
        weekDate: w.weekDate,
        weekCount: 1,
        description: f.description,
        legacy: false,
        metadata: {
          version: f.version,
          dateModified: f.dateModified,
          dateCreated: f.dateCreated,
          modifiedBy: { id: f.modifiedByUserId, selfUri: `/api/v2/users/${f.modifiedByUserId}` },
        },
        canUseForScheduling: true,
        selfUri: `${forecastsPath(w.weekDate)}/${f.id}`,
      };
      expect(res.body.entities).toEqual([item]);
      expect(Date.parse(f.dateModified)).toBeLessThan(Date.parse(bu().schedules.get(w.scheduleId)!.dateCreated));
    }
    const recent = await session().api<Models.BuShortTermForecastListing>('GET', forecastsPath('recent'));
    expect(recent.body.entities!.map((e) => e.weekDate)).toEqual(weeks().map((w) => w.weekDate));
    expect((await session().api('GET', forecastsPath('2027-03-01'))).body).toEqual({ entities: [] });
    expect((await session().api('GET', forecastsPath('next-week'))).status).toBe(400);
  });

  it('gets a forecast (BuShortTermForecast), its planning groups with expand=planningGroups, and 404s', async () => {
    const f = forecastOf(weeks()[2]!.weekDate);
    const path = `${forecastsPath(f.weekDate)}/${f.id}`;
    const plain = await session().api<Models.BuShortTermForecast>('GET', path);
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({
      id: f.id,
      weekDate: f.weekDate,
      weekCount: 1,
      referenceStartDate: new Date(midnight(f.weekDate)).toISOString(),
      timeZone: zone,
      canUseForScheduling: true,
      metadata: { version: f.version },
    });
    expect(plain.body.planningGroups).toBeUndefined();
    const expanded = await session().api<Models.BuShortTermForecast>('GET', `${path}?expand=planningGroups`);
    const groups: Models.ForecastPlanningGroupsResponse = {
      entities: bu().planningGroups!.map((g) => ({ id: g.id, name: g.name })),
    };
    expect(expanded.body.planningGroups).toEqual(groups);
    expect(groups.entities!.map((g) => g.name)).toEqual([
      'Customer Care Voice',
      'Customer Care Chat',
      'Back Office Cases',
    ]);
    expect((await session().api('GET', `${path}/planninggroups`)).body).toEqual(groups);
    // Under another week, or unknown: not found, as a schedule is.
    const elsewhere = await session().api<Models.ErrorBody>('GET', `${forecastsPath(weeks()[3]!.weekDate)}/${f.id}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toMatchObject({ status: 404, code: 'not.found', contextId: expect.any(String) });
    expect(
      (await session().api('GET', `${forecastsPath(f.weekDate)}/${crypto.randomUUID()}/staffingrequirement`)).status,
    ).toBe(404);
  });
});

describe('the staffing requirement', () => {
  it('answers BuForecastStaffingRequirementsResultResponse with every week inline and by download URL', async () => {
    const f = forecastOf(weeks()[4]!.weekDate);
    const res = await session().api<Models.BuForecastStaffingRequirementsResultResponse>('GET', requirementPath(f));
    expect(res.status).toBe(200);
    const groups = bu().planningGroups!;
    expect(res.body).toEqual({
      businessUnitId: buId(),
      forecast: {
        id: f.id,
        weekDate: f.weekDate,
        description: f.description,
        selfUri: `${forecastsPath(f.weekDate)}/${f.id}`,
      },
      referenceStartDate: new Date(midnight(f.weekDate)).toISOString(),
      weekCount: 1,
      intervalLengthMinutes: 15,
      state: 'Complete',
      results: [
        {
          weekNumber: 0,
          downloadUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/sandbox-storage\/downloads\//),
          downloadUrlExpirationDate: '2026-11-23T12:15:00.000Z',
          planningGroupStaffingRequirements: groups.map((g) => ({
            planningGroupId: g.id,
            staffingRequirementsPerInterval: expect.any(Array),
          })),
        },
      ],
    } satisfies Models.BuForecastStaffingRequirementsResultResponse);
    const week = res.body.results![0]!;
    for (const g of week.planningGroupStaffingRequirements!) {
      expect(g.staffingRequirementsPerInterval).toHaveLength(672);
      expect(g.staffingRequirementsPerInterval.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    }
    const downloaded = await (await fetch(week.downloadUrl)).json();
    expect(downloaded).toEqual({
      weekNumber: 0,
      planningGroupStaffingRequirements: week.planningGroupStaffingRequirements,
    });
  });

  it('runs a DST week from local midnight to local midnight in quarter hours of real time (676 in the fall-back week)', async () => {
    const dst = session().sandbox.runtime.manifest.dstWeekDate!;
    expect(dst).toBe('2026-10-26');
    const res = await session().api<Models.BuForecastStaffingRequirementsResultResponse>(
      'GET',
      requirementPath(forecastOf(dst)),
    );
    const count = (midnight('2026-11-02') - midnight(dst)) / quarter;
    expect(count).toBe(676);
    for (const g of res.body.results![0]!.planningGroupStaffingRequirements!)
      expect(g.staffingRequirementsPerInterval).toHaveLength(count);
  });

  it('takes weekNumbers (multi format) and refuses a week the forecast does not have', async () => {
    const f = forecastOf(weeks()[1]!.weekDate);
    const one = await session().api<Models.BuForecastStaffingRequirementsResultResponse>(
      'GET',
      `${requirementPath(f)}?weekNumbers=0`,
    );
    expect(one.body.results!.map((r) => r.weekNumber)).toEqual([0]);
    const bad = await session().api<Models.ErrorBody>('GET', `${requirementPath(f)}?weekNumbers=1`);
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ errorCode: 'invalid.weekNumbers', fieldName: 'weekNumbers' }]);
  });

  it('sends a large result by download URL only: a three-week forecast', async () => {
    const base = forecastOf(weeks()[0]!.weekDate);
    const long: ShortTermForecastState = {
      ...structuredClone(base),
      id: crypto.randomUUID(),
      weekCount: 3,
      description: 'Three weeks',
      weeks: [0, 1, 2].map((i) => structuredClone(forecastOf(weeks()[i]!.weekDate).weeks[0]!)),
    };
    bu().shortTermForecasts!.set(long.id, long);
    try {
      const res = await session().api<Models.BuForecastStaffingRequirementsResultResponse>(
        'GET',
        requirementPath(long),
      );
      expect(res.body.weekCount).toBe(3);
      expect(res.body.results!.map((r) => r.weekNumber)).toEqual([0, 1, 2]);
      for (const [i, r] of res.body.results!.entries()) {
        expect(r.planningGroupStaffingRequirements).toBeUndefined();
        const body = (await (await fetch(r.downloadUrl)).json()) as Models.BuForecastStaffingRequirementsResult;
        expect(body.weekNumber).toBe(i);
        expect(body.planningGroupStaffingRequirements).toEqual(long.weeks[i]);
      }
      // The week listing names it under each week it spans.
      const second = await session().api<Models.BuShortTermForecastListing>('GET', forecastsPath(weeks()[1]!.weekDate));
      expect(second.body.entities!.map((e) => e.id)).toContain(long.id);
    } finally {
      bu().shortTermForecasts!.delete(long.id);
    }
  });

  it('needs wfm:shortTermForecast:view', async () => {
    const main = session().sandbox.runtime.org.clients.get(session().sandbox.clientId)!;
    const clientId = crypto.randomUUID();
    session().sandbox.runtime.org.clients.set(clientId, {
      ...main,
      clientId,
      clientSecret: 'no-forecasts-secret',
      permissions: main.permissions.filter((p) => p !== 'wfm:shortTermForecast:view'),
    });
    const token = await clientCredentialsToken(session().sandbox, clientId, 'no-forecasts-secret');
    const res = await session().api<Models.ErrorBody>(
      'GET',
      requirementPath(forecastOf(weeks()[0]!.weekDate)),
      undefined,
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('wfm:shortTermForecast:view');
  });
});
