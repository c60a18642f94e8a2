/**
 * The typed forecast reads against the sandbox org: a schedule's
 * `shortTermForecast`, the week's forecasts, one forecast with its planning
 * groups, and the staffing requirement – its values inline in one request,
 * or from each week's download URL when Genesys sends only that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShortTermForecastState } from '../../main/sandbox/org/model';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import { genesysClient, type GenesysClient } from '../mirror/genesys-client';

const now = new Date('2026-11-23T12:00:00Z');
const requirementTemplate =
  '/api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekDateId}/shorttermforecasts/{forecastId}/staffingrequirement';

let sandbox: RunningSandbox;
let client: GenesysClient;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 23, agents: 60, weeks: 2, rateLimitPerMinute: 10_000, now: () => now });
  client = genesysClient(sandbox);
});
afterAll(async () => {
  client.close();
  await sandbox.close();
});

const bu = () => sandbox.runtime.org.businessUnits.get(sandbox.businessUnitId)!;
const week = () => sandbox.runtime.manifest.weeks[1]!;
const forecast = () => [...bu().shortTermForecasts!.values()].find((f) => f.weekDate === week().weekDate)!;

describe('forecast reads', () => {
  it('reads the schedule’s shortTermForecast, the week’s listing and the forecast with its planning groups', async () => {
    const header = await client.api.getSchedule(sandbox.businessUnitId, week().weekDate, week().scheduleId);
    const f = forecast();
    expect(header.shortTermForecast).toMatchObject({ id: f.id, weekDate: f.weekDate, description: f.description });
    const listed = await client.api.listSchedules(sandbox.businessUnitId, week().weekDate);
    expect(listed.every((s) => s.shortTermForecast?.id === f.id)).toBe(true);

    const forecasts = await client.api.listShortTermForecasts(sandbox.businessUnitId, week().weekDate);
    expect(forecasts.map((x) => [x.id, x.weekDate, x.metadata?.version])).toEqual([[f.id, f.weekDate, f.version]]);
    const got = await client.api.getShortTermForecast(sandbox.businessUnitId, f.weekDate, f.id, {
      expandPlanningGroups: true,
    });
    expect(got).toMatchObject({ id: f.id, referenceStartDate: f.referenceStartDate, timeZone: 'America/Chicago' });
    expect(got.planningGroups?.entities.map((g) => g.name)).toEqual(bu().planningGroups!.map((g) => g.name));
    expect(await client.api.getForecastPlanningGroups(sandbox.businessUnitId, f.weekDate, f.id)).toEqual(
      got.planningGroups?.entities,
    );
  });

  it('reads the staffing requirement inline: one request, the values per planning group', async () => {
    const f = forecast();
    const before = client.tally.byPathTemplate();
    const req = await client.api.getStaffingRequirement(sandbox.businessUnitId, f.weekDate, f.id);
    const after = client.tally.byPathTemplate();
    expect((after[requirementTemplate] ?? 0) - (before[requirementTemplate] ?? 0)).toBe(1);
    expect((after['{signedDownloadUrl}'] ?? 0) - (before['{signedDownloadUrl}'] ?? 0)).toBe(0);
    expect(req).toMatchObject({
      businessUnitId: sandbox.businessUnitId,
      forecast: { id: f.id, weekDate: f.weekDate },
      referenceStartDate: f.referenceStartDate,
      weekCount: 1,
      intervalLengthMinutes: 15,
      state: 'Complete',
    });
    expect(req.weeks).toEqual([
      {
        weekNumber: 0,
        planningGroups: f.weeks[0]!.map((g) => ({
          planningGroupId: g.planningGroupId,
          staffingRequirementsPerInterval: g.staffingRequirementsPerInterval,
        })),
      },
    ]);
  });

  it('follows each week’s download URL when the values do not come inline (a three-week forecast)', async () => {
    const f = forecast();
    const long: ShortTermForecastState = {
      ...structuredClone(f),
      id: crypto.randomUUID(),
      weekCount: 3,
      weeks: [f.weeks[0]!, f.weeks[0]!, f.weeks[0]!].map((w) => structuredClone(w)),
    };
    bu().shortTermForecasts!.set(long.id, long);
    try {
      const before = client.tally.byPathTemplate()['{signedDownloadUrl}'] ?? 0;
      const req = await client.api.getStaffingRequirement(sandbox.businessUnitId, long.weekDate, long.id);
      expect((client.tally.byPathTemplate()['{signedDownloadUrl}'] ?? 0) - before).toBe(3);
      expect(req.weeks.map((w) => w.weekNumber)).toEqual([0, 1, 2]);
      for (const w of req.weeks) expect(w.planningGroups).toEqual(long.weeks[w.weekNumber]);
      const second = await client.api.getStaffingRequirement(sandbox.businessUnitId, long.weekDate, long.id, {
        weekNumbers: [1],
      });
      expect(second.weeks.map((w) => w.weekNumber)).toEqual([1]);
    } finally {
      bu().shortTermForecasts!.delete(long.id);
    }
  });

  it('gives a typed notFound for a forecast Genesys does not have', async () => {
    await expect(
      client.api.getStaffingRequirement(sandbox.businessUnitId, week().weekDate, crypto.randomUUID()),
    ).rejects.toMatchObject({ kind: 'notFound', status: 404 });
  });
});
