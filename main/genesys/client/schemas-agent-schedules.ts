/**
 * Agent schedules as the query returns them, and the answers of the update
 * and import flows. Shift and activity `startDate`s are UTC instants;
 * full-day time off is a BU-local `businessUnitDate` plus minute offsets.
 */
import { z } from 'zod';
import { entityRef, versionedMetadata } from './schemas-common';
import { buScheduleMetadata, isoDate, isoInstant } from './schemas-wfm';

export const scheduleActivity = z
  .object({
    startDate: isoInstant,
    lengthMinutes: z.number().int(),
    activityCodeId: z.string(),
    paid: z.boolean().optional(),
    description: z.string().optional(),
  })
  .loose();

export const scheduleShift = z
  .object({
    id: z.string().optional(),
    startDate: isoInstant,
    lengthMinutes: z.number().int(),
    activities: z.array(scheduleActivity).default([]),
    manuallyEdited: z.boolean().optional(),
  })
  .loose();

export const fullDayTimeOffMarker = z
  .object({
    businessUnitDate: isoDate,
    startOffsetMinutes: z.number().int().optional(),
    endOffsetMinutes: z.number().int().optional(),
    lengthMinutes: z.number().int(),
    activityCodeId: z.string(),
    paid: z.boolean().optional(),
    description: z.string().optional(),
    timeOffRequestId: z.string().optional(),
  })
  .loose();

export const agentScheduleQueryResponse = z
  .object({
    user: entityRef,
    shifts: z.array(scheduleShift).default([]),
    fullDayTimeOffMarkers: z.array(fullDayTimeOffMarker).default([]),
    // Each agent's own version: moved since our base means a true edit conflict.
    metadata: versionedMetadata,
  })
  .loose();

export const buAgentSchedulesQueryResponse = z
  .object({
    agentSchedules: z.array(agentScheduleQueryResponse).default([]),
    businessUnitTimeZone: z.string().optional(),
  })
  .loose();

/** Inline `result`, `Processing` + `operationId` (notification), or a `downloadUrl`. */
export const buAsyncAgentSchedulesQueryResponse = z
  .object({
    status: z.string().optional(),
    operationId: z.string().optional(),
    result: buAgentSchedulesQueryResponse.optional(),
    downloadUrl: z.string().optional(),
    progress: z.number().optional(),
  })
  .loose();

/** UpdateScheduleUploadResponse and ImportScheduleUploadResponse have the same shape. */
export const scheduleUploadUrlResponse = z
  .object({ uploadKey: z.string(), url: z.string(), headers: z.record(z.string(), z.string()).default({}) })
  .loose();

/** BuAsyncScheduleResponse (update) and ScheduleUploadProcessingResponse (import). */
export const buAsyncScheduleResponse = z
  .object({ status: z.string().optional(), operationId: z.string().optional(), result: buScheduleMetadata.optional() })
  .loose();
