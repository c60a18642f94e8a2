/**
 * Short-term forecasts over real HTTP, shapes checked against the SDK's
 * Models types: the week's listing, the forecast, its planning groups, its
 * staffing requirement (inline, and by download URL when large), the
 * schedules' `shortTermForecast`, and a requirement in line with what the
 * generated schedules have on queue.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../main/sandbox/org/generator';
import type { BusinessUnitState, ScheduleState, ShortTermForecastState } from '../../main/sandbox/org/model';
import { clientCredentialsToken, openSandbox, type SandboxSession } from './harness';

const wfm = '/api/v2/workforcemanagement';
const zone = 'America/Chicago';
const quarter = 15 * 60_000;
let s: SandboxSession;
let buId: string;

beforeAll(async () => {
  s = await openSandbox({ seed: 7 });
  buId = s.sandbox.businessUnitId;
});
afterAll(() => s.close());

const bu = (): BusinessUnitState => s.sandbox.runtime.org.businessUnits.get(buId)!;
const weeks = () => s.sandbox.runtime.manifest.weeks;
const forecastsPath = (week: string) => `${wfm}/businessunits/${buId}/weeks/${week}/shorttermforecasts`;
const forecastOf = (week: string): ShortTermForecastState =>
  [...bu().shortTermForecasts!.values()].find((f) => f.weekDate === week)!;
const requirementPath = (f: { id: string; weekDate: string }) =>
  `${forecastsPath(f.weekDate)}/${f.id}/staffingrequirement`;

/** BU-local midnight of a date, as epoch ms. */
const midnight = (date: string) => DateTime.fromISO(date, { zone }).startOf('day').toMillis();

describe('a schedule names its forecast', () => {
  it('lists and gets every schedule with shortTermForecast {id, weekDate, description, selfUri} of its week', async () => {
    for (const w of weeks()) {
      const list = await s.api<Models.BuScheduleListing>(
        'GET',
        `${wfm}/businessunits/${buId}/weeks/${w.weekDate}/schedules`,
      );
      const got = await s.api<Models.BuScheduleMetadata>(
        'GET',
        `${wfm}/businessunits/${buId}/weeks/${w.weekDate}/schedules/${w.scheduleId}`,
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
    const revision = s.sandbox.runtime.manifest.revision;
    expect(bu().schedules.get(revision.scheduleId)!.shortTermForecast?.id).toBe(forecastOf(revision.weekDate).id);
  });
});

describe('the week’s forecasts', () => {
  it('lists one forecast per schedule week (BuShortTermForecastListing), and all of them for `recent`', async () => {
    for (const w of weeks()) {
      const res = await s.api<Models.BuShortTermForecastListing>('GET', forecastsPath(w.weekDate));
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
    const recent = await s.api<Models.BuShortTermForecastListing>('GET', forecastsPath('recent'));
    expect(recent.body.entities!.map((e) => e.weekDate)).toEqual(weeks().map((w) => w.weekDate));
    expect((await s.api('GET', forecastsPath('2027-03-01'))).body).toEqual({ entities: [] });
    expect((await s.api('GET', forecastsPath('next-week'))).status).toBe(400);
  });

  it('gets a forecast (BuShortTermForecast), its planning groups with expand=planningGroups, and 404s', async () => {
    const f = forecastOf(weeks()[2]!.weekDate);
    const path = `${forecastsPath(f.weekDate)}/${f.id}`;
    const plain = await s.api<Models.BuShortTermForecast>('GET', path);
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
    const expanded = await s.api<Models.BuShortTermForecast>('GET', `${path}?expand=planningGroups`);
    const groups: Models.ForecastPlanningGroupsResponse = {
      entities: bu().planningGroups!.map((g) => ({ id: g.id, name: g.name })),
    };
    expect(expanded.body.planningGroups).toEqual(groups);
    expect(groups.entities!.map((g) => g.name)).toEqual([
      'Customer Care Voice',
      'Customer Care Chat',
      'Back Office Cases',
    ]);
    expect((await s.api('GET', `${path}/planninggroups`)).body).toEqual(groups);
    // Under another week, or unknown: not found, as a schedule is.
    const elsewhere = await s.api<Models.ErrorBody>('GET', `${forecastsPath(weeks()[3]!.weekDate)}/${f.id}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toMatchObject({ status: 404, code: 'not.found', contextId: expect.any(String) });
    expect((await s.api('GET', `${forecastsPath(f.weekDate)}/${crypto.randomUUID()}/staffingrequirement`)).status).toBe(
      404,
    );
  });
});

describe('the staffing requirement', () => {
  it('answers BuForecastStaffingRequirementsResultResponse with every week inline and by download URL', async () => {
    const f = forecastOf(weeks()[4]!.weekDate);
    const res = await s.api<Models.BuForecastStaffingRequirementsResultResponse>('GET', requirementPath(f));
    expect(res.status).toBe(200);
    const groups = bu().planningGroups!;
    expect(res.body).toEqual({
      businessUnitId: buId,
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
    const dst = s.sandbox.runtime.manifest.dstWeekDate!;
    expect(dst).toBe('2026-10-26');
    const res = await s.api<Models.BuForecastStaffingRequirementsResultResponse>(
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
    const one = await s.api<Models.BuForecastStaffingRequirementsResultResponse>(
      'GET',
      `${requirementPath(f)}?weekNumbers=0`,
    );
    expect(one.body.results!.map((r) => r.weekNumber)).toEqual([0]);
    const bad = await s.api<Models.ErrorBody>('GET', `${requirementPath(f)}?weekNumbers=1`);
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
      const res = await s.api<Models.BuForecastStaffingRequirementsResultResponse>('GET', requirementPath(long));
      expect(res.body.weekCount).toBe(3);
      expect(res.body.results!.map((r) => r.weekNumber)).toEqual([0, 1, 2]);
      for (const [i, r] of res.body.results!.entries()) {
        expect(r.planningGroupStaffingRequirements).toBeUndefined();
        const body = (await (await fetch(r.downloadUrl)).json()) as Models.BuForecastStaffingRequirementsResult;
        expect(body.weekNumber).toBe(i);
        expect(body.planningGroupStaffingRequirements).toEqual(long.weeks[i]);
      }
      // The week listing names it under each week it spans.
      const second = await s.api<Models.BuShortTermForecastListing>('GET', forecastsPath(weeks()[1]!.weekDate));
      expect(second.body.entities!.map((e) => e.id)).toContain(long.id);
    } finally {
      bu().shortTermForecasts!.delete(long.id);
    }
  });

  it('needs wfm:shortTermForecast:view', async () => {
    const main = s.sandbox.runtime.org.clients.get(s.sandbox.clientId)!;
    const clientId = crypto.randomUUID();
    s.sandbox.runtime.org.clients.set(clientId, {
      ...main,
      clientId,
      clientSecret: 'no-forecasts-secret',
      permissions: main.permissions.filter((p) => p !== 'wfm:shortTermForecast:view'),
    });
    const token = await clientCredentialsToken(s.sandbox, clientId, 'no-forecasts-secret');
    const res = await s.api<Models.ErrorBody>('GET', requirementPath(forecastOf(weeks()[0]!.weekDate)), undefined, {
      authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('wfm:shortTermForecast:view');
  });
});

describe('what the generator draws', () => {
  const now = new Date('2026-11-23T12:00:00Z');

  it('is deterministic: same seed, same forecasts; another seed, other values', () => {
    const a = generateOrg({ seed: 3, agents: 200, weeks: 3, now });
    const b = generateOrg({ seed: 3, agents: 200, weeks: 3, now });
    const c = generateOrg({ seed: 4, agents: 200, weeks: 3, now });
    const of = (org: typeof a.org) => [...[...org.businessUnits.values()][0]!.shortTermForecasts!.values()];
    expect(of(a.org)).toEqual(of(b.org));
    expect(of(c.org).map((f) => f.weeks)).not.toEqual(of(a.org).map((f) => f.weeks));
  });

  /** Agents on queue per quarter hour of a week in one schedule (fractions for part-covered quarters). */
  function onQueue(schedule: ScheduleState, startMs: number, count: number): number[] {
    const codes = new Set(
      bu()
        .activityCodes.filter((c) => c.category === 'OnQueueWork')
        .map((c) => c.id),
    );
    const out = new Array<number>(count).fill(0);
    for (const a of schedule.agentSchedules.values())
      for (const shift of a.shifts)
        for (const act of shift.activities) {
          if (!codes.has(act.activityCodeId)) continue;
          const from = Date.parse(act.startDate);
          const to = from + act.lengthMinutes * 60_000;
          for (let i = Math.max(0, Math.floor((from - startMs) / quarter)); i < count; i++) {
            const q0 = startMs + i * quarter;
            if (q0 >= to) break;
            out[i]! += Math.max(0, Math.min(to, q0 + quarter) - Math.max(from, q0)) / quarter;
          }
        }
    return out;
  }

  it('looks like a 500-agent Chicago center: morning and afternoon peaks, low nights and weekends, in line with what is on queue', () => {
    const w = weeks().find((x) => x.weekDate === '2026-11-16')!;
    const f = forecastOf(w.weekDate);
    const startMs = midnight(w.weekDate);
    const required = Array.from({ length: 672 }, (_, i) =>
      f.weeks[0]!.reduce((n, g) => n + g.staffingRequirementsPerInterval[i]!, 0),
    );
    const hourly = (day: number, hour: number) =>
      required.slice(day * 96 + hour * 4, day * 96 + hour * 4 + 4).reduce((a, b) => a + b, 0) / 4;
    const tuesday = Array.from({ length: 24 }, (_, h) => hourly(1, h));
    const peak = Math.max(...tuesday);
    expect(peak).toBeGreaterThan(150);
    expect(peak).toBeLessThan(450);
    // Peaks in the morning (9–12) and the afternoon (13–17), each well above the early morning and the evening.
    expect(Math.max(...tuesday.slice(9, 12))).toBeGreaterThan(3 * tuesday[7]!);
    expect(Math.max(...tuesday.slice(13, 17))).toBeGreaterThan(2 * tuesday[20]!);
    expect(Math.max(...tuesday.slice(1, 5))).toBeLessThan(0.1 * peak);
    expect(Math.max(...Array.from({ length: 24 }, (_, h) => hourly(6, h)))).toBeLessThan(0.25 * peak);
    expect(Math.max(...Array.from({ length: 24 }, (_, h) => hourly(5, h)))).toBeLessThan(0.5 * peak);

    // In line with the published schedule: agent-hours within 15%, and short as often as over.
    const scheduled = onQueue(bu().schedules.get(w.scheduleId)!, startMs, 672);
    const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(total(required) / total(scheduled)).toBeGreaterThan(0.85);
    expect(total(required) / total(scheduled)).toBeLessThan(1.15);
    const open = scheduled.map((v, i) => v - required[i]!).filter((_, i) => required[i]! > 20);
    expect(open.filter((d) => d > 1).length).toBeGreaterThan(0.2 * open.length);
    expect(open.filter((d) => d < -1).length).toBeGreaterThan(0.2 * open.length);
  });
});
