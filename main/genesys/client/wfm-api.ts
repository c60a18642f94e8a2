/** Workforce Management reads: business units and what hangs off them, schedules, time off. */
import type { Models } from 'purecloud-platform-client-v2';
import type { GenesysHttp } from './http';
import {
  activityCodeListing,
  businessUnitListing,
  businessUnitResponse,
  buScheduleListing,
  buScheduleMetadata,
  buUserListing,
  managementUnitListing,
  timeOffRequestListing,
} from './schemas';

export const wfmBase = '/api/v2/workforcemanagement';
const buPath = `${wfmBase}/businessunits/{businessUnitId}`;
export const schedulePath = `${buPath}/weeks/{weekId}/schedules/{scheduleId}`;

export function createWfmApi(http: GenesysHttp) {
  return {
    async getBusinessUnits() {
      return (
        await http.request({ method: 'GET', pathTemplate: `${wfmBase}/businessunits`, schema: businessUnitListing })
      ).entities;
    },

    /** With `expandSettings`, `settings.timeZone` is the zone every BU-local date is read in. */
    getBusinessUnit: (businessUnitId: string, options: { expandSettings?: boolean } = {}) =>
      http.request({
        method: 'GET',
        pathTemplate: buPath,
        params: { businessUnitId },
        query: { expand: options.expandSettings ? ['settings'] : undefined },
        schema: businessUnitResponse,
      }),

    async getManagementUnits(businessUnitId: string) {
      const listing = await http.request({
        method: 'GET',
        pathTemplate: `${buPath}/managementunits`,
        params: { businessUnitId },
        schema: managementUnitListing,
      });
      return listing.entities;
    },

    async getActivityCodes(businessUnitId: string) {
      const listing = await http.request({
        method: 'GET',
        pathTemplate: `${buPath}/activitycodes`,
        params: { businessUnitId },
        schema: activityCodeListing,
      });
      if (listing.entities || !listing.downloadUrl) return listing.entities ?? [];
      return (await http.signedDownload(listing.downloadUrl, activityCodeListing)).entities ?? [];
    },

    /** Agents per management unit (ids only; names come from `getUsers`). */
    async getBusinessUnitUsers(businessUnitId: string, managementUnitIds?: readonly string[]) {
      const listing = await http.request({
        method: 'GET',
        pathTemplate: `${buPath}/users`,
        params: { businessUnitId },
        query: { managementUnitIds: managementUnitIds && managementUnitIds.length > 0 ? managementUnitIds : undefined },
        schema: buUserListing,
      });
      return listing.managementUnits;
    },

    /** Schedules spanning the week (`weekId` is the week's first day, yyyy-MM-dd). */
    async listSchedules(businessUnitId: string, weekId: string, options: { includeOnlyPublished?: boolean } = {}) {
      const listing = await http.request({
        method: 'GET',
        pathTemplate: `${buPath}/weeks/{weekId}/schedules`,
        params: { businessUnitId, weekId },
        query: { includeOnlyPublished: options.includeOnlyPublished },
        schema: buScheduleListing,
      });
      return listing.entities;
    },

    /** With `expandAgents` (`expand=managementUnits.agents`), each management unit lists the schedule's agents in it. */
    getSchedule: (
      businessUnitId: string,
      weekId: string,
      scheduleId: string,
      options: { expandAgents?: boolean } = {},
    ) =>
      http.request({
        method: 'GET',
        pathTemplate: schedulePath,
        params: { businessUnitId, weekId, scheduleId },
        query: { expand: options.expandAgents ? 'managementUnits.agents' : undefined },
        schema: buScheduleMetadata,
      }),

    async queryTimeOffRequests(managementUnitId: string, body: Models.TimeOffRequestQueryBody) {
      const listing = await http.request({
        method: 'POST',
        pathTemplate: `${wfmBase}/managementunits/{managementUnitId}/timeoffrequests/query`,
        params: { managementUnitId },
        body,
        schema: timeOffRequestListing,
        isWrite: false,
      });
      if (listing.entities || !listing.downloadUrl) return listing.entities ?? [];
      return (await http.signedDownload(listing.downloadUrl, timeOffRequestListing)).entities ?? [];
    },
  };
}
