/**
 * Short-term forecasts per week, as the SDK serves them: the week's listing
 * (`BuShortTermForecastListing`; `recent` for ±26 weeks), one forecast
 * (`BuShortTermForecast`, planning groups with `expand=planningGroups`), its
 * planning groups (`ForecastPlanningGroupsResponse`) and its staffing
 * requirement (`BuForecastStaffingRequirementsResultResponse`).
 *
 * Where Genesys is silent, the sandbox's choices:
 * - `results[].weekNumber` counts from 0 (the first week of the forecast).
 * - The SDK makes `downloadUrl` and `downloadUrlExpirationDate` required on
 *   every week's result and `planningGroupStaffingRequirements` optional: each
 *   week always has a download URL, and its values come inline as well while
 *   the whole answer holds at most `inlineStaffingValues` numbers (a week of
 *   three planning groups at 15 minutes is 2,016). The URL serves
 *   `{weekNumber, planningGroupStaffingRequirements}` for that week and lives
 *   as long as upload and query URLs do (15 minutes).
 * - `state` is `Complete`: every generated forecast has its requirement.
 * - A forecast is found under its own `weekDate` only, as a schedule is.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { badRequest, notFound, requireIsoDate } from '../http/api-error';
import type { Route } from '../http/route';
import type { BusinessUnitState, ShortTermForecastState } from '../org/model';
import type { SandboxRuntime } from '../runtime';
import { forecastSelfUri, versionMetadata, wfmBase } from './convert';
import { findBusinessUnit } from './lookup';

const forecastsPath = `${wfmBase}/businessunits/{businessUnitId}/weeks/{weekDateId}/shorttermforecasts`;
const forecastPath = `${forecastsPath}/{forecastId}`;
export const forecastPermission = 'wfm:shortTermForecast:view';

/** Above this many values in one answer, weeks come by download URL only. */
export const inlineStaffingValues = 4096;
const downloadLifetimeMs = 15 * 60_000;
const weekMs = 7 * 86_400_000;
/** `recent` lists forecasts up to 26 weeks either side of today. */
const recentWeeks = 26;

function forecastsOf(bu: BusinessUnitState): ShortTermForecastState[] {
  return [...(bu.shortTermForecasts?.values() ?? [])];
}

function spansWeek(f: ShortTermForecastState, week: string): boolean {
  const start = Date.parse(`${f.weekDate}T00:00:00Z`);
  const at = Date.parse(`${week}T00:00:00Z`);
  return at >= start && at < start + f.weekCount * weekMs;
}

function findForecast(
  runtime: SandboxRuntime,
  params: Record<string, string>,
): { bu: BusinessUnitState; forecast: ShortTermForecastState } {
  const bu = findBusinessUnit(runtime, params.businessUnitId);
  const week = requireIsoDate(params.weekDateId, 'weekDateId');
  const forecast = bu.shortTermForecasts?.get(params.forecastId ?? '');
  if (!forecast || forecast.weekDate !== week) throw notFound('short term forecast', params.forecastId);
  return { bu, forecast };
}

export function forecastReference(f: ShortTermForecastState): Models.BuShortTermForecastReference {
  return {
    id: f.id,
    weekDate: f.weekDate,
    description: f.description,
    selfUri: forecastSelfUri(f.businessUnitId, f.weekDate, f.id),
  };
}

function listItem(f: ShortTermForecastState): Models.BuShortTermForecastListItem {
  return {
    id: f.id,
    weekDate: f.weekDate,
    weekCount: f.weekCount,
    description: f.description,
    legacy: false,
    metadata: { ...versionMetadata(f.version, f.dateModified, f.modifiedByUserId), dateCreated: f.dateCreated },
    canUseForScheduling: true,
    selfUri: forecastSelfUri(f.businessUnitId, f.weekDate, f.id),
  };
}

function planningGroups(bu: BusinessUnitState, f: ShortTermForecastState): Models.ForecastPlanningGroupsResponse {
  const ids = new Set(f.weeks.flatMap((w) => w.map((g) => g.planningGroupId)));
  return {
    entities: (bu.planningGroups ?? []).filter((g) => ids.has(g.id)).map((g) => ({ id: g.id, name: g.name })),
  };
}

/** `?weekNumbers=0&weekNumbers=1` (the SDK's multi format); all weeks when absent. */
function wantedWeeks(query: URLSearchParams, f: ShortTermForecastState): number[] {
  const asked = query.getAll('weekNumbers').flatMap((v) => v.split(','));
  if (asked.length === 0) return f.weeks.map((_, i) => i);
  return asked.map((v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n >= f.weekCount)
      throw badRequest(`weekNumbers must be week numbers of the forecast, 0 to ${f.weekCount - 1}; got ${v}`, [
        { errorCode: 'invalid.weekNumbers', fieldName: 'weekNumbers' },
      ]);
    return n;
  });
}

function staffingRequirement(
  runtime: SandboxRuntime,
  bu: BusinessUnitState,
  f: ShortTermForecastState,
  weekNumbers: number[],
): Models.BuForecastStaffingRequirementsResultResponse {
  const weeks = [...new Set(weekNumbers)].sort((a, b) => a - b);
  const values = weeks.reduce(
    (n, w) => n + (f.weeks[w] ?? []).reduce((m, g) => m + g.staffingRequirementsPerInterval.length, 0),
    0,
  );
  const inline = values <= inlineStaffingValues;
  const expires = new Date(runtime.now().getTime() + downloadLifetimeMs).toISOString();
  return {
    businessUnitId: bu.id,
    forecast: forecastReference(f),
    referenceStartDate: f.referenceStartDate,
    weekCount: f.weekCount,
    intervalLengthMinutes: f.intervalLengthMinutes,
    state: 'Complete',
    results: weeks.map((weekNumber) => {
      const planningGroupStaffingRequirements: Models.StaffingRequirementsPlanningGroupData[] = (
        f.weeks[weekNumber] ?? []
      ).map((g) => ({
        planningGroupId: g.planningGroupId,
        staffingRequirementsPerInterval: [...g.staffingRequirementsPerInterval],
      }));
      return {
        weekNumber,
        downloadUrl: runtime.blobs.createDownload({ weekNumber, planningGroupStaffingRequirements }),
        downloadUrlExpirationDate: expires,
        ...(inline ? { planningGroupStaffingRequirements } : {}),
      };
    }),
  };
}

export function forecastRoutes(runtime: SandboxRuntime): Route[] {
  return [
    {
      method: 'GET',
      template: forecastsPath,
      auth: 'bearer',
      permission: forecastPermission,
      handle: (ctx) => {
        const bu = findBusinessUnit(runtime, ctx.params.businessUnitId);
        const weekId = ctx.params.weekDateId;
        let spans: (f: ShortTermForecastState) => boolean;
        if (weekId === 'recent') {
          const nowMs = runtime.now().getTime();
          spans = (f) => Math.abs(Date.parse(`${f.weekDate}T00:00:00Z`) - nowMs) <= recentWeeks * weekMs;
        } else {
          const week = requireIsoDate(weekId, 'weekDateId');
          spans = (f) => spansWeek(f, week);
        }
        const entities = forecastsOf(bu)
          .filter(spans)
          .sort((a, b) => a.weekDate.localeCompare(b.weekDate) || a.dateCreated.localeCompare(b.dateCreated))
          .map(listItem);
        const body: Models.BuShortTermForecastListing = { entities };
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      template: forecastPath,
      auth: 'bearer',
      permission: forecastPermission,
      handle: (ctx) => {
        const { bu, forecast } = findForecast(runtime, ctx.params);
        const expand = new Set(ctx.query.getAll('expand').flatMap((v) => v.split(',')));
        const body: Models.BuShortTermForecast = {
          ...listItem(forecast),
          referenceStartDate: forecast.referenceStartDate,
          timeZone: bu.timeZone,
          planningGroupsVersion: 1,
          ...(expand.has('planningGroups') ? { planningGroups: planningGroups(bu, forecast) } : {}),
        };
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      template: `${forecastPath}/planninggroups`,
      auth: 'bearer',
      permission: forecastPermission,
      handle: (ctx) => {
        const { bu, forecast } = findForecast(runtime, ctx.params);
        return { status: 200, body: planningGroups(bu, forecast) };
      },
    },
    {
      method: 'GET',
      template: `${forecastPath}/staffingrequirement`,
      auth: 'bearer',
      permission: forecastPermission,
      handle: (ctx) => {
        const { bu, forecast } = findForecast(runtime, ctx.params);
        return { status: 200, body: staffingRequirement(runtime, bu, forecast, wantedWeeks(ctx.query, forecast)) };
      },
    },
  ];
}
