/**
 * Compile-time proof that every field our schemas read exists in the SDK
 * model with a compatible type (`purecloud-platform-client-v2` is the source
 * of truth). A typo or a wrong type here fails `tsc`, not a publish morning.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { z } from 'zod';
import type * as s from './schemas';

type Fields<T> = { [K in keyof T as string extends K ? never : K]-?: T[K] };
type AllTrue<T> = false extends T[keyof T] ? false : true;

/** true when every declared field of `Ours` (recursively) is a field of `Sdk` with a compatible type. */
export type Within<Ours, Sdk> = [Ours] extends [Array<infer A>]
  ? [Sdk] extends [Array<infer B>]
    ? Within<A, B>
    : false
  : [Ours] extends [object]
    ? [Sdk] extends [object]
      ? AllTrue<{
          [K in keyof Fields<Ours>]: K extends keyof Sdk
            ? Within<NonNullable<Fields<Ours>[K]>, NonNullable<Sdk[K]>>
            : false;
        }>
      : false
    : [Ours] extends [Sdk]
      ? true
      : false;

type Conforms<Schema extends z.ZodType, Sdk> = Within<z.output<Schema>, Sdk>;

export type SchemaConformance = [
  Conforms<typeof s.errorBody, Models.ErrorBody>,
  Conforms<typeof s.businessUnitListing, Models.BusinessUnitListing>,
  Conforms<typeof s.businessUnitResponse, Models.BusinessUnitResponse>,
  Conforms<typeof s.managementUnitListing, Models.ManagementUnitListing>,
  Conforms<typeof s.activityCodeListing, Models.BusinessUnitActivityCodeListing>,
  Conforms<typeof s.buUserListing, Models.BuUserListing>,
  Conforms<typeof s.buScheduleListing, Models.BuScheduleListing>,
  Conforms<typeof s.buScheduleMetadata, Models.BuScheduleMetadata>,
  Conforms<typeof s.timeOffRequestListing, Models.TimeOffRequestListing>,
  Conforms<typeof s.shortTermForecastReference, Models.BuShortTermForecastReference>,
  Conforms<typeof s.shortTermForecastListing, Models.BuShortTermForecastListing>,
  Conforms<typeof s.shortTermForecast, Models.BuShortTermForecast>,
  Conforms<typeof s.forecastPlanningGroups, Models.ForecastPlanningGroupsResponse>,
  Conforms<typeof s.staffingRequirementsResponse, Models.BuForecastStaffingRequirementsResultResponse>,
  Conforms<typeof s.staffingRequirementsDownload, Models.BuForecastStaffingRequirementsResult>,
  Conforms<typeof s.buAgentSchedulesQueryResponse, Models.BuAgentSchedulesQueryResponse>,
  Conforms<typeof s.buAsyncAgentSchedulesQueryResponse, Models.BuAsyncAgentSchedulesQueryResponse>,
  Conforms<typeof s.scheduleUploadUrlResponse, Models.UpdateScheduleUploadResponse>,
  Conforms<typeof s.scheduleUploadUrlResponse, Models.ImportScheduleUploadResponse>,
  Conforms<typeof s.buAsyncScheduleResponse, Models.BuAsyncScheduleResponse>,
  Conforms<typeof s.buAsyncScheduleResponse, Models.ScheduleUploadProcessingResponse>,
  Conforms<typeof s.organization, Models.Organization>,
  Conforms<typeof s.userMe, Models.UserMe>,
  Conforms<typeof s.userEntityListing, Models.UserEntityListing>,
  Conforms<typeof s.analyticsConversationQueryResponse, Models.AnalyticsConversationQueryResponse>,
  Conforms<typeof s.channel, Models.Channel>,
  Conforms<typeof s.channelTopicEntityListing, Models.ChannelTopicEntityListing>,
  Conforms<typeof s.buScheduleNotification, Models.WfmBuScheduleTopicBuScheduleNotification>,
  Conforms<
    typeof s.scheduleQueryResultNotification,
    Models.WfmBuScheduleQueryResultTopicBuScheduleSearchResultNotification
  >,
  Conforms<typeof s.notifiedSchedule, Models.WfmBuScheduleTopicBuScheduleMetadata>,
];

/** Fails to compile if any entry above is `false`. */
export const schemaConformance: SchemaConformance extends true[] ? true : never = true;
