/**
 * Staffing requirements in the mirror, over real HTTP against the sandbox:
 * the first sync fetches each forecast the synced schedules name (one
 * request each) and the reader answers exactly what the sandbox served; a
 * resync with nothing new asks for no forecast; a schedule that names a new
 * forecast gets it (the old one goes when nothing names it); a forecast
 * Genesys will not give leaves the sync ok and is asked again; a DST week
 * and intervals other than 15 minutes land on the coverage grid.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffingRequirement } from '../../main/genesys/client/api';
import { openDatabase } from '../../main/mirror/database';
import { createStaffingStore, onGrid, staffingRequirement } from '../../main/mirror/staffing-store';
import type { BusinessUnitState, ShortTermForecastState } from '../../main/sandbox/org/model';
import { mirrorRig, tempDataDir, type MirrorRig } from './mirror-rig';
import { orgSchedulesIn } from './org-rows';

const staffingTemplate =
  '/api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekDateId}/shorttermforecasts/{forecastId}/staffingrequirement';
const zone = 'America/Chicago';
const midnight = (date: string) => DateTime.fromISO(date, { zone }).startOf('day').toMillis();
const clean = (x: number) => Math.round(x * 1e6) / 1e6;

/** What the sandbox serves for a forecast week, summed over its planning groups as the mirror sums them. */
function served(f: ShortTermForecastState, weekNumber = 0) {
  const groups = f.weeks[weekNumber]!;
  const count = groups[0]!.staffingRequirementsPerInterval.length;
  return {
    required: Array.from({ length: count }, (_, i) =>
      clean(groups.reduce((n, g) => n + g.staffingRequirementsPerInterval[i]!, 0)),
    ),
    planningGroups: groups.map((g) => ({
      planningGroupId: g.planningGroupId,
      required: g.staffingRequirementsPerInterval,
    })),
  };
}

async function requestsDuring(rig: MirrorRig, fn: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = rig.tally.byPathTemplate();
  await fn();
  const after = rig.tally.byPathTemplate();
  return Object.fromEntries(
    Object.entries(after)
      .map(([k, v]) => [k, v - (before[k] ?? 0)])
      .filter(([, v]) => (v as number) > 0),
  );
}

describe('staffing requirements (calm sandbox, client credentials)', () => {
  let rig: MirrorRig;
  let firstRequests: Record<string, number>;
  let weeks: string[];
  beforeAll(async () => {
    rig = await mirrorRig({ seed: 61 });
    firstRequests = await requestsDuring(rig, async () => {
      const result = await rig.sync();
      expect(result.status).toBe('ok');
      weeks = result.weeks;
      expect(result.changed).toEqual(expect.arrayContaining(['staffing_forecasts', 'staffing_requirements']));
    });
  });
  afterAll(() => rig?.close());

  const bu = (): BusinessUnitState => rig.sandbox.runtime.org.businessUnits.get(rig.businessUnitId)!;
  const forecastOf = (week: string) => [...bu().shortTermForecasts!.values()].find((f) => f.weekDate === week)!;

  it('fetches each forecast the synced schedules name once (the week’s draft revision shares its week’s)', () => {
    const named = new Set(
      orgSchedulesIn(rig.sandbox.runtime.org, rig.businessUnitId, weeks).map((s) => s.shortTermForecast!.id),
    );
    expect(named.size).toBe(3);
    expect(firstRequests[staffingTemplate]).toBe(3);
    expect(rig.db.prepare('SELECT forecast_id FROM staffing_forecasts ORDER BY week_date').pluck().all()).toEqual(
      weeks.map((w) => forecastOf(w).id),
    );
    const links = rig.db
      .prepare('SELECT schedule_id, forecast_id FROM schedule_forecasts ORDER BY schedule_id')
      .raw()
      .all();
    expect(links).toEqual(
      orgSchedulesIn(rig.sandbox.runtime.org, rig.businessUnitId, weeks)
        .map((s) => [s.id, s.shortTermForecast!.id])
        .sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
  });

  it('reads back what the sandbox served, per week and per schedule, on the 15-minute grid from BU-local midnight', async () => {
    for (const week of weeks) {
      const f = forecastOf(week);
      const got = staffingRequirement(rig.db, rig.businessUnitId, { week });
      expect(got).toEqual({
        forecastId: f.id,
        week,
        startMs: midnight(week),
        intervalMinutes: 15,
        ...served(f),
      });
      expect(got!.required).toHaveLength(672);
      for (const s of orgSchedulesIn(rig.sandbox.runtime.org, rig.businessUnitId, [week]))
        expect(staffingRequirement(rig.db, rig.businessUnitId, { scheduleId: s.id })).toEqual(got);
    }
    // The same numbers as the staffing requirement answers over HTTP.
    const f = forecastOf(weeks[0]!);
    const http = await rig.api.getStaffingRequirement(rig.businessUnitId, f.weekDate, f.id);
    expect(staffingRequirement(rig.db, rig.businessUnitId, { week: weeks[0]! })!.required).toEqual(
      http.weeks[0]!.planningGroups[0]!.staffingRequirementsPerInterval.map((_, i) =>
        clean(http.weeks[0]!.planningGroups.reduce((n, g) => n + g.staffingRequirementsPerInterval[i]!, 0)),
      ),
    );
    expect(staffingRequirement(rig.db, rig.businessUnitId, { week: '2027-01-04' })).toBeNull();
    expect(staffingRequirement(rig.db, rig.businessUnitId, { scheduleId: crypto.randomUUID() })).toBeNull();
  });

  it('asks for no forecast on a resync with nothing changed', async () => {
    let result;
    const requests = await requestsDuring(rig, async () => (result = await rig.sync()));
    expect(result).toMatchObject({ status: 'ok', schedulesFetched: 0 });
    expect(requests[staffingTemplate]).toBeUndefined();
    expect(requests['{signedDownloadUrl}']).toBeUndefined();
    expect(result!.changed).not.toContain('staffing_requirements');
  });

  it('fetches the new forecast a schedule names (version moved), and drops the one nothing names any more', async () => {
    const week = weeks[2]!;
    const [schedule] = orgSchedulesIn(rig.sandbox.runtime.org, rig.businessUnitId, [week]);
    expect(orgSchedulesIn(rig.sandbox.runtime.org, rig.businessUnitId, [week])).toHaveLength(1);
    const old = forecastOf(week);
    const fresh: ShortTermForecastState = {
      ...structuredClone(old),
      id: crypto.randomUUID(),
      description: 'Reforecast',
      weeks: [
        old.weeks[0]!.map((g) => ({
          ...g,
          staffingRequirementsPerInterval: g.staffingRequirementsPerInterval.map((v) => v + 1),
        })),
      ],
    };
    bu().shortTermForecasts!.set(fresh.id, fresh);
    schedule!.shortTermForecast = { id: fresh.id, weekDate: week, description: fresh.description };
    schedule!.version += 1;

    const requests = await requestsDuring(rig, () => rig.sync());
    expect(requests[staffingTemplate]).toBe(1);
    expect(staffingRequirement(rig.db, rig.businessUnitId, { scheduleId: schedule!.id })).toMatchObject({
      forecastId: fresh.id,
      required: served(fresh).required,
    });
    expect(rig.db.prepare('SELECT count(*) FROM staffing_forecasts WHERE forecast_id = ?').pluck().get(old.id)).toBe(0);
    expect(rig.db.prepare('SELECT count(*) FROM staffing_requirements WHERE forecast_id = ?').pluck().get(old.id)).toBe(
      0,
    );
  });

  it('keeps the sync ok when Genesys has no such forecast, and asks again next time', async () => {
    const week = weeks[1]!;
    const [schedule] = orgSchedulesIn(rig.sandbox.runtime.org, rig.businessUnitId, [week]);
    const missing = crypto.randomUUID();
    schedule!.shortTermForecast = { id: missing, weekDate: week, description: 'Deleted since' };
    schedule!.version += 1;
    for (let i = 0; i < 2; i++) {
      let result;
      const requests = await requestsDuring(rig, async () => (result = await rig.sync()));
      expect(result).toMatchObject({ status: 'ok' });
      expect(requests[staffingTemplate]).toBe(1);
    }
    expect(staffingRequirement(rig.db, rig.businessUnitId, { scheduleId: schedule!.id })).toBeNull();
    expect(staffingRequirement(rig.db, rig.businessUnitId, { week })).toBeNull();
  });
});

describe('the DST week', () => {
  let rig: MirrorRig;
  beforeAll(async () => {
    rig = await mirrorRig({ seed: 62, weeks: 6 });
  });
  afterAll(() => rig?.close());

  it('mirrors the fall-back week as 676 quarter hours from local midnight', async () => {
    const dst = rig.sandbox.runtime.manifest.dstWeekDate!;
    expect(dst).toBe('2026-10-26');
    expect((await rig.sync({ weeks: [dst] })).status).toBe('ok');
    const bu = rig.sandbox.runtime.org.businessUnits.get(rig.businessUnitId)!;
    const f = [...bu.shortTermForecasts!.values()].find((x) => x.weekDate === dst)!;
    const got = staffingRequirement(rig.db, rig.businessUnitId, { week: dst })!;
    expect(got.startMs).toBe(midnight(dst));
    expect(got.required).toHaveLength(676);
    expect(got.required).toEqual(served(f).required);
  });
});

describe('intervals other than 15 minutes', () => {
  it('maps each quarter hour to the time-weighted mean of the values covering it', () => {
    const t0 = Date.parse('2026-11-23T06:00:00Z');
    const q = 15 * 60_000;
    // 30-minute values repeat over their quarter hours; 5-minute ones average in threes; off-grid starts weigh by time.
    expect(onGrid([4, 8], t0, 30, t0, 15, 4)).toEqual([4, 4, 8, 8]);
    expect(onGrid([1, 2, 3, 4, 5, 6], t0, 5, t0, 15, 2)).toEqual([2, 5]);
    expect(onGrid([10, 20], t0 + q / 3, 15, t0, 15, 3)).toEqual([10, clean((10 + 20 * 2) / 3), 20]);
    expect(onGrid([3], t0, 15, t0, 15, 3)).toEqual([3, 0, 0]);
  });

  it('stores a 30-minute, two-week forecast as sent and answers each of its weeks on the 15-minute grid', () => {
    const { db } = openDatabase(tempDataDir());
    try {
      db.prepare(
        "INSERT INTO business_units (profile_id, id, name, time_zone, start_day_of_week, listed_at) VALUES ('p', 'bu', 'BU', ?, 'Monday', '')",
      ).run(zone);
      const start = midnight('2026-11-23');
      const halfHours = (base: number) => Array.from({ length: 336 }, (_, i) => base + (i % 48));
      const requirement: StaffingRequirement = {
        businessUnitId: 'bu',
        forecast: { id: 'f30', weekDate: '2026-11-23', description: 'Half hours' },
        referenceStartDate: new Date(start).toISOString(),
        weekCount: 2,
        intervalLengthMinutes: 30,
        state: 'Complete',
        weeks: [0, 1].map((weekNumber) => ({
          weekNumber,
          planningGroups: [
            { planningGroupId: 'voice', staffingRequirementsPerInterval: halfHours(10 * (weekNumber + 1)) },
            { planningGroupId: 'chat', staffingRequirementsPerInterval: halfHours(0.5) },
          ],
        })),
      };
      const store = createStaffingStore(db);
      store.link('bu', [{ scheduleId: 's', forecast: { id: 'f30', weekDate: '2026-11-23' } }]);
      db.prepare(
        "INSERT INTO schedules (id, business_unit_id, week_date, week_count, published, version, agent_count, fetched_at) VALUES ('s', 'bu', '2026-11-23', 2, 1, 1, 0, '')",
      ).run();
      store.write({ businessUnitId: 'bu', requirement, timeZone: zone, fetchedAt: '2026-11-23T12:00:00.000Z' });
      for (const [i, week] of ['2026-11-23', '2026-11-30'].entries()) {
        const got = staffingRequirement(db, 'bu', { scheduleId: 's', week })!;
        expect(got).toMatchObject({ forecastId: 'f30', week, startMs: midnight(week), intervalMinutes: 15 });
        expect(got.required).toHaveLength(672);
        expect(got.required.slice(0, 4)).toEqual([
          10 * (i + 1) + 0.5,
          10 * (i + 1) + 0.5,
          10 * (i + 1) + 2.5,
          10 * (i + 1) + 2.5,
        ]);
        expect(got.planningGroups.map((g) => g.planningGroupId)).toEqual(['voice', 'chat']);
        expect(got.planningGroups[1]!.required.slice(0, 2)).toEqual([0.5, 0.5]);
        expect(staffingRequirement(db, 'bu', { week })).toEqual(got);
      }
      // A schedule without a forecast any more: its link goes, and the forecast no schedule names goes with the prune.
      store.link('bu', [{ scheduleId: 's', forecast: null }]);
      expect(store.prune('bu')).toBe(1);
      expect(db.prepare('SELECT count(*) FROM staffing_requirements').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
