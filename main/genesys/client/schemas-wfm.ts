/**
 * Workforce Management reads: business units, management units, activity
 * codes, users per MU, schedules and time off. Strict on what the analysis
 * depends on (ids, versions, time zones, dates), lenient on display fields.
 */
import { z } from 'zod';
import { entityRef, versionedMetadata } from './schemas-common';

/** An IANA zone this runtime can actually convert with; anything else would silently skew every shift. */
export const ianaTimeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not an IANA time zone' },
);

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a yyyy-MM-dd date');
/** Genesys sends UTC instants; a zone-less timestamp cannot be placed on the timeline. */
export const isoInstant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/,
    'expected an ISO-8601 instant with a zone',
  );

export const businessUnitListing = z
  .object({
    entities: z
      .array(z.object({ id: z.string(), name: z.string().optional(), authorized: z.boolean().optional() }).loose())
      .default([]),
  })
  .loose();

export const businessUnitResponse = z
  .object({
    id: z.string(),
    name: z.string().optional(),
    settings: z
      .object({ timeZone: ianaTimeZone, startDayOfWeek: z.string(), metadata: versionedMetadata.optional() })
      .loose()
      .optional(),
  })
  .loose();

export const managementUnit = z
  .object({
    id: z.string(),
    name: z.string().optional(),
    businessUnit: entityRef.optional(),
    startDayOfWeek: z.string().optional(),
    timeZone: ianaTimeZone.optional(),
    metadata: versionedMetadata.optional(),
  })
  .loose();

export const managementUnitListing = z
  .object({ entities: z.array(managementUnit).default([]), nextUri: z.string().optional() })
  .loose();

export const activityCode = z
  .object({
    id: z.string(),
    name: z.string().optional(),
    active: z.boolean().optional(),
    defaultCode: z.boolean().optional(),
    category: z.string().optional(),
    lengthInMinutes: z.number().optional(),
    countsAsPaidTime: z.boolean().optional(),
    countsAsWorkTime: z.boolean().optional(),
    agentTimeOffSelectable: z.boolean().optional(),
  })
  .loose();

/** Large BUs may answer with a `downloadUrl` instead of `entities`. */
export const activityCodeListing = z
  .object({ entities: z.array(activityCode).optional(), downloadUrl: z.string().optional() })
  .loose();

export const buUserListing = z
  .object({
    managementUnits: z.array(z.object({ managementUnit: entityRef, users: z.array(entityRef).default([]) }).loose()),
  })
  .loose();

/**
 * BuShortTermForecastReference: the forecast a schedule was built against
 * (its staffing requirement is the coverage target). The SDK makes `id`
 * optional; a reference without one names nothing to fetch, so here it is
 * required, and a schedule whose reference is unusable reads as having none
 * (the reference is no reason to refuse the schedule).
 */
export const shortTermForecastReference = z
  .object({ id: z.string(), weekDate: isoDate, description: z.string().optional(), selfUri: z.string().optional() })
  .loose();

export const buScheduleListItem = z
  .object({
    id: z.string(),
    weekDate: isoDate,
    weekCount: z.number().int().optional(),
    description: z.string().optional(),
    published: z.boolean().optional(),
    shortTermForecast: shortTermForecastReference.optional().catch(undefined),
    metadata: versionedMetadata.optional(),
  })
  .loose();

export const buScheduleListing = z.object({ entities: z.array(buScheduleListItem).default([]) }).loose();

/** The schedule itself: `metadata.version` is what every update is checked against. */
export const buScheduleMetadata = buScheduleListItem
  .extend({
    metadata: versionedMetadata,
    managementUnits: z
      .array(
        z
          .object({
            managementUnit: entityRef,
            agentCount: z.number().int().optional(),
            startDate: isoInstant.optional(),
            endDate: isoInstant.optional(),
            agents: z.array(entityRef).optional(),
          })
          .loose(),
      )
      .default([]),
  })
  .loose();

export const timeOffRequestListItem = z
  .object({
    id: z.string(),
    user: entityRef,
    isFullDayRequest: z.boolean(),
    activityCodeId: z.string(),
    status: z.string(),
    paid: z.boolean().optional(),
    partialDayStartDateTimes: z.array(isoInstant).default([]),
    fullDayManagementUnitDates: z.array(isoDate).default([]),
    dailyDurationMinutes: z.number(),
    metadata: versionedMetadata,
  })
  .loose();

export const timeOffRequestListing = z
  .object({ entities: z.array(timeOffRequestListItem).optional(), downloadUrl: z.string().optional() })
  .loose();
