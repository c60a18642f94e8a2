/** The timeline domain: windows of agents × time read from the mirror (offline). The screen itself is issue 13. */
import { z } from 'zod';
import type { TimelineCoverage } from '../coverage/types';
import type { TimelineAgent, TimelineLegend, TimelineWindow } from '../timeline';
import { businessUnitOf, entityId, method } from './define';
import { weekDate } from './weeks';

const sixWeeksMs = 6 * 7 * 24 * 3_600_000;

export const timelineWindowQuery = z
  .object({
    profileId: entityId,
    businessUnitId: entityId,
    /** Epoch ms, [from, to): at most six weeks. */
    from: z.number().int(),
    to: z.number().int(),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(500),
    managementUnitId: entityId.optional(),
    /** Part of the agent's name, any case. */
    search: z.string().max(200).optional(),
    /** Only these agents (e.g. those with findings). */
    agentIds: z.array(entityId).max(5000).optional(),
    /** Only this schedule's shifts and time off; default every mirrored schedule of the unit. */
    scheduleId: entityId.optional(),
  })
  .strict()
  .refine((q) => q.to > q.from && q.to - q.from <= sixWeeksMs, {
    message: 'The window must end after it starts and span at most six weeks',
  });

/** The agents a timeline lists, without shifts: what lays out its rows (and their units) before any page is read. */
export const timelineRosterQuery = z
  .object({
    profileId: entityId,
    businessUnitId: entityId,
    managementUnitId: entityId.optional(),
    search: z.string().max(200).optional(),
    agentIds: z.array(entityId).max(5000).optional(),
  })
  .strict();

export type TimelineRosterAgent = Pick<TimelineAgent, 'id' | 'name' | 'managementUnitId'>;

/**
 * The roster and the pages the top of the grid shows, in one answer: the first paint waits for one call
 * instead of the roster, a render, then the pages. Each page is what `timeline.window` answers for it.
 */
export const timelineRosterTopQuery = timelineRosterQuery
  .extend({
    scheduleId: entityId,
    from: z.number().int(),
    to: z.number().int(),
    /** Rows the screen shows first (unit headers count). */
    rows: z.number().int().min(1).max(300),
    /** Units the supervisor collapsed (their keys): only their header shows. */
    collapsedUnits: z.array(z.string().max(200)).max(500),
  })
  .strict()
  .refine((q) => q.to > q.from && q.to - q.from <= sixWeeksMs, {
    message: 'The window must end after it starts and span at most six weeks',
  });

export interface TimelineRosterTop {
  agents: TimelineRosterAgent[];
  pages: Array<{ managementUnitId: string; page: number; window: TimelineWindow }>;
}

export const timelineCoverageQuery = z
  .object({
    profileId: entityId,
    businessUnitId: entityId,
    scheduleId: entityId,
    /** A week the schedule covers, its first day. */
    week: weekDate,
  })
  .strict();

export const timelineMethods = {
  /** Management unit names and activity code names and categories of the unit, from the mirror. */
  'timeline.legend': method(businessUnitOf).returns<TimelineLegend>(),
  'timeline.window': method(timelineWindowQuery).returns<TimelineWindow>(),
  /** Every agent the filters match (a BU holds at most 5,000), in roster order, in one answer. */
  'timeline.roster': method(timelineRosterQuery).returns<TimelineRosterAgent[]>(),
  'timeline.rosterTop': method(timelineRosterTopQuery).returns<TimelineRosterTop>(),
  /**
   * The coverage strip of a schedule's week: agents on queue per 15-minute interval from BU-local midnight.
   * `required` is the staffing requirement of the schedule's short-term forecast (null when none is mirrored), index for index with `onQueue`.
   */
  'timeline.coverage': method(timelineCoverageQuery).returns<TimelineCoverage>(),
};
