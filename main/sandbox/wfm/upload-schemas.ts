/**
 * The upload bodies of schedule update and import, as the SDK types them
 * (`UpdateScheduleUploadSchema`, `ImportScheduleUploadSchema`), checked with zod.
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

export const activityUpload = z.object({
  startDate: isoInstant,
  lengthMinutes: z.number().int(),
  description: z.string().optional(),
  activityCodeId: z.string().min(1),
  paid: z.boolean().optional(),
});

export const shiftUpload = z.object({
  id: z.string().optional(),
  startDate: isoInstant,
  lengthMinutes: z.number().int(),
  activities: z.array(activityUpload).default([]),
  manuallyEdited: z.boolean().optional(),
  delete: z.boolean().optional(),
});

export const markerUpload = z.object({
  businessUnitDate: isoDate,
  startOffsetMinutes: z.number().int().optional(),
  endOffsetMinutes: z.number().int().optional(),
  lengthMinutes: z.number().int().positive(),
  description: z.string().optional(),
  activityCodeId: z.string().min(1),
  paid: z.boolean().optional(),
  timeOffRequestId: z.string().optional(),
  delete: z.boolean().optional(),
});

export const updateUpload = z.object({
  description: z.string().optional(),
  published: z.boolean().optional(),
  metadata: version,
  agentSchedules: z
    .array(
      z.object({
        userId: z.string().min(1),
        shifts: z.array(shiftUpload).optional(),
        fullDayTimeOffMarkers: z.array(markerUpload).optional(),
        metadata: version.optional(),
        delete: z.boolean().optional(),
      }),
    )
    .default([]),
});

export const importUpload = z.object({
  description: z.string().min(1),
  weekCount: z.number().int().min(1).max(6),
  published: z.boolean().optional(),
  agentSchedules: z
    .array(
      z.object({
        userId: z.string().min(1),
        shifts: z.array(shiftUpload.omit({ delete: true })).default([]),
        fullDayTimeOffMarkers: z.array(markerUpload.omit({ delete: true })).default([]),
      }),
    )
    .default([]),
});

export type ShiftUpload = z.infer<typeof shiftUpload>;
export type MarkerUpload = z.infer<typeof markerUpload>;
export type UpdateUpload = z.infer<typeof updateUpload>;
export type ImportUpload = z.infer<typeof importUpload>;
