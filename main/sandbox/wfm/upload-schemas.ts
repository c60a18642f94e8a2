/**
 * The upload bodies of schedule update and import, as the SDK types them
 * (`UpdateScheduleUploadSchema`, `ImportScheduleUploadSchema`), checked with
 * zod. Every field of a shift and a marker is optional there: what a shift
 * needs depends on whether it is new (see `agent-patch.ts`), not on its shape.
 */
import { z } from 'zod';

const isoInstant = z
  .string()
  .refine(
    (s) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
    {
      message: 'must be an ISO-8601 instant with a zone offset, e.g. 2026-11-23T14:00:00Z',
    },
  );
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in yyyy-MM-dd format');
const version = z.object({ version: z.number().int().nonnegative() }).loose();
/** `ValueWrapperString`: present sets the value (absent `value` clears it); absent leaves it alone. */
const valueWrapper = z.object({ value: z.string().optional() });

export const activityUpload = z.object({
  startDate: isoInstant,
  lengthMinutes: z.number().int(),
  description: z.string().optional(),
  activityCodeId: z.string().min(1),
  paid: z.boolean().optional(),
});

/** `BuUpdateAgentScheduleShift` (and, without `delete`, the import's `BuAgentScheduleShiftRequest`). */
export const shiftUpload = z.object({
  id: z.string().min(1).optional(),
  startDate: isoInstant.optional(),
  lengthMinutes: z.number().int().optional(),
  activities: z.array(activityUpload).optional(),
  manuallyEdited: z.boolean().optional(),
  workPlanId: valueWrapper.optional(),
  workPlanShiftId: valueWrapper.optional(),
  delete: z.boolean().optional(),
});

/** `BuFullDayTimeOffMarker`: keyed by its BU date; `delete` "only has an effect on schedule update". */
export const markerUpload = z.object({
  businessUnitDate: isoDate.optional(),
  startOffsetMinutes: z.number().int().optional(),
  endOffsetMinutes: z.number().int().optional(),
  lengthMinutes: z.number().int().positive().optional(),
  description: z.string().optional(),
  activityCodeId: z.string().min(1).optional(),
  paid: z.boolean().optional(),
  timeOffRequestId: z.string().optional(),
  delete: z.boolean().optional(),
});

/** `BuUpdateAgentScheduleUploadSchema`: changes only what it lists. */
export const agentUpdateUpload = z.object({
  userId: z.string().min(1),
  workPlanId: valueWrapper.optional(),
  shifts: z.array(shiftUpload).optional(),
  fullDayTimeOffMarkers: z.array(markerUpload).optional(),
  metadata: version.optional(),
  delete: z.boolean().optional(),
});

export const updateUpload = z.object({
  description: z.string().optional(),
  published: z.boolean().optional(),
  metadata: version,
  agentSchedules: z.array(agentUpdateUpload).default([]),
});

export const importUpload = z.object({
  description: z.string().min(1),
  weekCount: z.number().int().min(1).max(6),
  published: z.boolean().optional(),
  agentSchedules: z
    .array(
      z.object({
        userId: z.string().min(1),
        workPlanId: valueWrapper.optional(),
        shifts: z.array(shiftUpload.omit({ delete: true })).default([]),
        fullDayTimeOffMarkers: z.array(markerUpload.omit({ delete: true })).default([]),
      }),
    )
    .default([]),
});

export type ShiftUpload = z.infer<typeof shiftUpload>;
export type MarkerUpload = z.infer<typeof markerUpload>;
export type AgentUpdateUpload = z.infer<typeof agentUpdateUpload>;
export type UpdateUpload = z.infer<typeof updateUpload>;
export type ImportUpload = z.infer<typeof importUpload>;
