/**
 * zod for `AgentWeek` (agent-week.ts), for where a week crosses a boundary
 * as data: a journaled publish state read back after a crash, a contract
 * argument. `satisfies` keeps the schema and the interface from drifting.
 */
import { z } from 'zod';
import type { AgentWeek, WeekActivity, WeekMarker, WeekShift } from './agent-week';

export const weekActivitySchema = z.object({
  startDate: z.string().min(1),
  lengthMinutes: z.number(),
  activityCodeId: z.string(),
  description: z.string().optional(),
  paid: z.boolean().optional(),
  payableMinutes: z.number().optional(),
  timeOffRequestId: z.string().optional(),
  timeOffRequestSyncVersion: z.number().optional(),
  externalActivityId: z.string().optional(),
  externalActivityType: z.string().optional(),
}) satisfies z.ZodType<WeekActivity>;

export const weekShiftSchema = z.object({
  id: z.string().min(1).optional(),
  startDate: z.string().min(1),
  lengthMinutes: z.number(),
  activities: z.array(weekActivitySchema),
  manuallyEdited: z.boolean().optional(),
  schedule: z
    .object({ id: z.string().optional(), weekDate: z.string().optional(), selfUri: z.string().optional() })
    .optional(),
  workPlanId: z.string().optional(),
  workPlanShiftId: z.string().optional(),
}) satisfies z.ZodType<WeekShift>;

export const weekMarkerSchema = z.object({
  businessUnitDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  lengthMinutes: z.number(),
  activityCodeId: z.string(),
  startOffsetMinutes: z.number().optional(),
  endOffsetMinutes: z.number().optional(),
  description: z.string().optional(),
  paid: z.boolean().optional(),
  payableMinutes: z.number().optional(),
  timeOffRequestId: z.string().optional(),
  timeOffRequestSyncVersion: z.number().optional(),
}) satisfies z.ZodType<WeekMarker>;

export const agentWeekSchema = z.object({
  shifts: z.array(weekShiftSchema),
  fullDayTimeOffMarkers: z.array(weekMarkerSchema),
}) satisfies z.ZodType<AgentWeek>;

/** An agent's week in one schedule with the agent schedule's own `metadata.version` (null: the agent has none there). */
export interface VersionedWeek {
  week: AgentWeek;
  version: number | null;
}

export const versionedWeekSchema = z.object({
  week: agentWeekSchema,
  version: z.number().int().nonnegative().nullable(),
}) satisfies z.ZodType<VersionedWeek>;
