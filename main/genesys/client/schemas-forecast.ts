/**
 * Short-term forecasts and their staffing requirement. Strict on what the
 * coverage depends on (ids, the reference start, the interval length, the
 * values per planning group), lenient on display fields.
 */
import { z } from 'zod';
import { versionedMetadata } from './schemas-common';
import { isoDate, isoInstant, shortTermForecastReference } from './schemas-wfm';

export const shortTermForecastListItem = z
  .object({
    id: z.string(),
    weekDate: isoDate,
    weekCount: z.number().int().positive().optional(),
    description: z.string().optional(),
    legacy: z.boolean().optional(),
    canUseForScheduling: z.boolean().optional(),
    metadata: versionedMetadata.optional(),
  })
  .loose();

export const shortTermForecastListing = z.object({ entities: z.array(shortTermForecastListItem).default([]) }).loose();

export const forecastPlanningGroups = z
  .object({
    entities: z.array(z.object({ id: z.string(), name: z.string().optional() }).loose()).default([]),
  })
  .loose();

export const shortTermForecast = shortTermForecastListItem
  .extend({
    referenceStartDate: isoInstant.optional(),
    timeZone: z.string().optional(),
    planningGroupsVersion: z.number().optional(),
    planningGroups: forecastPlanningGroups.optional(),
  })
  .loose();

/** StaffingRequirementsPlanningGroupData: required staff per interval of one planning group. */
export const planningGroupStaffingRequirement = z
  .object({
    planningGroupId: z.string(),
    staffingRequirementsPerInterval: z.array(z.number().finite()),
  })
  .loose();

/** BuForecastStaffingRequirementsResult: one week, its values inline or only behind `downloadUrl`. */
export const staffingRequirementsWeek = z
  .object({
    weekNumber: z.number().int().nonnegative(),
    downloadUrl: z.string().optional(),
    downloadUrlExpirationDate: z.string().optional(),
    planningGroupStaffingRequirements: z.array(planningGroupStaffingRequirement).optional(),
  })
  .loose();

/** What a week's `downloadUrl` serves: the week's values (the SDK names no type for it; the result's own shape). */
export const staffingRequirementsDownload = z
  .object({
    weekNumber: z.number().int().nonnegative().optional(),
    planningGroupStaffingRequirements: z.array(planningGroupStaffingRequirement),
  })
  .loose();

export const staffingRequirementsResponse = z
  .object({
    businessUnitId: z.string(),
    forecast: shortTermForecastReference,
    referenceStartDate: isoInstant,
    weekCount: z.number().int().positive(),
    intervalLengthMinutes: z.number().int().positive(),
    state: z.string(),
    results: z.array(staffingRequirementsWeek).default([]),
  })
  .loose();
