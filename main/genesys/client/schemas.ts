/**
 * The response schemas the client validates with, and their types. Split by
 * area; this file is the one to import from.
 */
import type { z } from 'zod';
import type * as agent from './schemas-agent-schedules';
import type * as analytics from './schemas-analytics';
import type * as directory from './schemas-directory';
import type * as forecast from './schemas-forecast';
import type * as notifications from './schemas-notifications';
import type * as wfm from './schemas-wfm';

export * from './schemas-agent-schedules';
export * from './schemas-analytics';
export * from './schemas-common';
export * from './schemas-directory';
export * from './schemas-forecast';
export * from './schemas-notifications';
export * from './schemas-wfm';

export type BusinessUnitListing = z.infer<typeof wfm.businessUnitListing>;
export type BusinessUnitResponse = z.infer<typeof wfm.businessUnitResponse>;
export type ManagementUnit = z.infer<typeof wfm.managementUnit>;
export type ManagementUnitListing = z.infer<typeof wfm.managementUnitListing>;
export type BusinessUnitActivityCode = z.infer<typeof wfm.activityCode>;
export type BusinessUnitActivityCodeListing = z.infer<typeof wfm.activityCodeListing>;
export type BuUserListing = z.infer<typeof wfm.buUserListing>;
export type BuScheduleListItem = z.infer<typeof wfm.buScheduleListItem>;
export type BuScheduleListing = z.infer<typeof wfm.buScheduleListing>;
export type BuScheduleMetadata = z.infer<typeof wfm.buScheduleMetadata>;
export type TimeOffRequestListItem = z.infer<typeof wfm.timeOffRequestListItem>;
export type TimeOffRequestListing = z.infer<typeof wfm.timeOffRequestListing>;
export type ShortTermForecastReference = z.infer<typeof wfm.shortTermForecastReference>;

export type ShortTermForecastListItem = z.infer<typeof forecast.shortTermForecastListItem>;
export type ShortTermForecast = z.infer<typeof forecast.shortTermForecast>;
export type StaffingRequirementsResponse = z.infer<typeof forecast.staffingRequirementsResponse>;

export type ScheduleActivity = z.infer<typeof agent.scheduleActivity>;
export type ScheduleShift = z.infer<typeof agent.scheduleShift>;
export type FullDayTimeOffMarker = z.infer<typeof agent.fullDayTimeOffMarker>;
export type AgentSchedule = z.infer<typeof agent.agentScheduleQueryResponse>;
export type BuAgentSchedulesQueryResponse = z.infer<typeof agent.buAgentSchedulesQueryResponse>;
export type BuAsyncAgentSchedulesQueryResponse = z.infer<typeof agent.buAsyncAgentSchedulesQueryResponse>;
export type ScheduleUploadUrlResponse = z.infer<typeof agent.scheduleUploadUrlResponse>;
export type BuAsyncScheduleResponse = z.infer<typeof agent.buAsyncScheduleResponse>;

export type Organization = z.infer<typeof directory.organization>;
export type UserMe = z.infer<typeof directory.userMe>;
export type DirectoryUser = z.infer<typeof directory.directoryUser>;
export type UserEntityListing = z.infer<typeof directory.userEntityListing>;

export type AnalyticsConversation = z.infer<typeof analytics.analyticsConversation>;
export type AnalyticsConversationQueryResponse = z.infer<typeof analytics.analyticsConversationQueryResponse>;

export type Channel = z.infer<typeof notifications.channel>;
export type ChannelTopicEntityListing = z.infer<typeof notifications.channelTopicEntityListing>;
export type BuScheduleNotification = z.infer<typeof notifications.buScheduleNotification>;
export type ScheduleQueryResultNotification = z.infer<typeof notifications.scheduleQueryResultNotification>;

export type { ErrorBody, VersionedMetadata } from './schemas-common';
