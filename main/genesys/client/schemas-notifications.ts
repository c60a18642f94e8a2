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
 * WfmBuScheduleTopicBuScheduleNotification. Agent-schedule query results
 * carry a `downloadUrl` the SDK model does not list.
 */
export const buScheduleNotification = z
  .object({
    status: z.string().optional(),
    operationId: z.string().optional(),
    eventType: z.string().optional(),
    result: z.unknown().optional(),
    downloadUrl: z.string().optional(),
  })
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
