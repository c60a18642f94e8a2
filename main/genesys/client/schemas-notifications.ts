/** Notification channels, their subscriptions, and what arrives on the socket. */
import { z } from 'zod';

export const channel = z.object({ id: z.string(), connectUri: z.string(), expires: z.string().optional() }).loose();

export const channelTopic = z
  .object({
    id: z.string(),
    state: z.string().optional(),
    rejectionReason: z.string().optional(),
    missingPermissions: z.array(z.string()).optional(),
  })
  .loose();

export const channelTopicEntityListing = z.object({ entities: z.array(channelTopic).default([]) }).loose();

/** Every socket message: heartbeats (`channel.metadata`) and topic events alike. */
export const notificationMessage = z.object({ topicName: z.string(), eventBody: z.unknown().optional() }).loose();

/**
 * WfmBuScheduleTopicBuScheduleNotification: the end (or progress) of a
 * schedule Update, Import, Copy or Delete. Nothing else comes on this topic.
 */
export const buScheduleNotification = z
  .object({
    status: z.string().optional(),
    operationId: z.string().optional(),
    eventType: z.string().optional(),
    result: z.unknown().optional(),
  })
  .loose();

/**
 * WfmBuScheduleQueryResultTopicBuScheduleSearchResultNotification, on
 * `v2.workforcemanagement.users.{userId}.schedules.query`: where a large
 * agent-schedules query result waits.
 */
export const scheduleQueryResultNotification = z
  .object({ operationId: z.string(), businessUnitId: z.string().optional(), downloadUrl: z.string() })
  .loose();

/** The schedule an Update/Import event reports (WfmBuScheduleTopicBuScheduleMetadata). */
export const notifiedSchedule = z
  .object({
    id: z.string(),
    weekDate: z.string().optional(),
    metadata: z
      .object({ version: z.number().int(), modifiedBy: z.object({ id: z.string().optional() }).loose().optional() })
      .loose(),
  })
  .loose();
