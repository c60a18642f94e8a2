/**
 * Short-term forecast reads: the forecasts of a week, one forecast, its
 * planning groups, and its staffing requirement (required staff per
 * interval and planning group) – the target a schedule's coverage is held
 * against.
 *
 * The SDK gives every week of a staffing requirement a `downloadUrl` and
 * makes its `planningGroupStaffingRequirements` optional: the values come
 * inline when Genesys sends them, otherwise from the URL (which serves the
 * week's result; Genesys documents no other body for it).
 */
import type { z } from 'zod';
import { GenesysError } from './errors';
import type { GenesysHttp } from './http';
import {
  forecastPlanningGroups,
  shortTermForecast,
  shortTermForecastListing,
  staffingRequirementsDownload,
  staffingRequirementsResponse,
  type planningGroupStaffingRequirement,
} from './schemas-forecast';
import { wfmBase } from './wfm-api';

const forecastsPath = `${wfmBase}/businessunits/{businessUnitId}/weeks/{weekDateId}/shorttermforecasts`;
export const forecastPath = `${forecastsPath}/{forecastId}`;
export const staffingRequirementPath = `${forecastPath}/staffingrequirement`;

export type PlanningGroupStaffingRequirement = z.infer<typeof planningGroupStaffingRequirement>;

type StaffingRequirementsResponse = z.infer<typeof staffingRequirementsResponse>;

/** A staffing requirement with every week's values in hand, whether Genesys sent them inline or by URL. */
export interface StaffingRequirement {
  businessUnitId: string;
  forecast: StaffingRequirementsResponse['forecast'];
  /** The instant of the first interval of the forecast's first week. */
  referenceStartDate: string;
  weekCount: number;
  intervalLengthMinutes: number;
  state: string;
  weeks: Array<{ weekNumber: number; planningGroups: PlanningGroupStaffingRequirement[] }>;
}

export function createForecastApi(http: GenesysHttp) {
  return {
    /** Forecasts spanning the week (`weekDateId` yyyy-MM-dd), or `recent` for ±26 weeks. */
    async listShortTermForecasts(businessUnitId: string, weekDateId: string) {
      const listing = await http.request({
        method: 'GET',
        pathTemplate: forecastsPath,
        params: { businessUnitId, weekDateId },
        schema: shortTermForecastListing,
      });
      return listing.entities;
    },

    getShortTermForecast: (
      businessUnitId: string,
      weekDateId: string,
      forecastId: string,
      options: { expandPlanningGroups?: boolean } = {},
    ) =>
      http.request({
        method: 'GET',
        pathTemplate: forecastPath,
        params: { businessUnitId, weekDateId, forecastId },
        query: { expand: options.expandPlanningGroups ? ['planningGroups'] : undefined },
        schema: shortTermForecast,
      }),

    async getForecastPlanningGroups(businessUnitId: string, weekDateId: string, forecastId: string) {
      const groups = await http.request({
        method: 'GET',
        pathTemplate: `${forecastPath}/planninggroups`,
        params: { businessUnitId, weekDateId, forecastId },
        schema: forecastPlanningGroups,
      });
      return groups.entities;
    },

    /**
     * Required staff per interval and planning group, every week of the
     * forecast (or `weekNumbers`). One request, plus one signed download per
     * week whose values did not come inline.
     */
    async getStaffingRequirement(
      businessUnitId: string,
      weekDateId: string,
      forecastId: string,
      options: { weekNumbers?: readonly number[] } = {},
    ): Promise<StaffingRequirement> {
      const answer = await http.request({
        method: 'GET',
        pathTemplate: staffingRequirementPath,
        params: { businessUnitId, weekDateId, forecastId },
        query: { weekNumbers: options.weekNumbers?.map(String) },
        schema: staffingRequirementsResponse,
      });
      const weeks: StaffingRequirement['weeks'] = [];
      for (const week of answer.results) {
        let planningGroups = week.planningGroupStaffingRequirements;
        if (!planningGroups) {
          if (!week.downloadUrl) throw noValues(week.weekNumber);
          planningGroups = (await http.signedDownload(week.downloadUrl, staffingRequirementsDownload))
            .planningGroupStaffingRequirements;
        }
        weeks.push({ weekNumber: week.weekNumber, planningGroups });
      }
      return {
        businessUnitId: answer.businessUnitId,
        forecast: answer.forecast,
        referenceStartDate: answer.referenceStartDate,
        weekCount: answer.weekCount,
        intervalLengthMinutes: answer.intervalLengthMinutes,
        state: answer.state,
        weeks,
      };
    },
  };
}

function noValues(weekNumber: number): GenesysError {
  return new GenesysError({
    kind: 'malformed',
    status: 200,
    contextId: null,
    code: null,
    method: 'GET',
    pathTemplate: staffingRequirementPath,
    isWrite: false,
    serverMessage: `week ${weekNumber} of the staffing requirement has neither values nor a downloadUrl`,
  });
}
