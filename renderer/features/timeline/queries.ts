/**
 * The Timeline's server data. The roster (every matching agent, no shifts) sizes the grid; shifts
 * come in pages of `pageSize` agents per management unit as rows scroll into view, each page keyed
 * by unit, schedule, week, filters and page so an answer lands only under its own question. Pages
 * leave the cache ten seconds after they scroll away (`gcTime`): memory stays flat however far one scrolls.
 */
import { keepPreviousData, queryOptions, skipToken, type QueryClient } from '@tanstack/react-query';
import type { TimelineWindow } from '../../../shared/timeline';
import type { OpsClient } from '../../bridge/types';
import { pageSize, type PageRef, type RosterAgent } from './roster-rows';
import { changedAgentIds } from './week-diff';

export interface TimelineFilters {
  search: string;
  managementUnitId: string | null;
  /** Set for "only agents with findings": the agents the week's findings name. */
  agentIds: readonly string[] | null;
}

export interface TimelineSubject {
  profileId: string;
  businessUnitId: string;
  scheduleId: string;
  week: string;
  from: number;
  to: number;
}

export const timelineKeys = {
  /** Everything the Timeline read for a unit: what a sync of that unit invalidates. */
  unit: (profileId: string, businessUnitId: string) => ['timeline', profileId, businessUnitId] as const,
  roster: (profileId: string | null, businessUnitId: string | null, f: TimelineFilters) =>
    ['timeline', profileId, businessUnitId, 'roster', f.search, f.managementUnitId, f.agentIds] as const,
  page: (s: TimelineSubject, f: TimelineFilters, p: PageRef) =>
    [
      'timeline',
      s.profileId,
      s.businessUnitId,
      'page',
      s.scheduleId,
      s.week,
      f.search,
      f.managementUnitId,
      f.agentIds,
      p.managementUnitId,
      p.page,
    ] as const,
  agent: (s: TimelineSubject, agentId: string | null) =>
    ['timeline', s.profileId, s.businessUnitId, 'agent', s.scheduleId, s.week, agentId] as const,
};

/** MU names and activity code names and categories: change only with a sync of the unit. */
export function legendQuery(client: OpsClient, profileId: string | null, businessUnitId: string | null) {
  return queryOptions({
    queryKey: ['timeline', profileId, businessUnitId, 'legend'] as const,
    queryFn:
      profileId && businessUnitId ? () => client.call('timeline.legend', { profileId, businessUnitId }) : skipToken,
    staleTime: 5 * 60_000,
  });
}

/** The coverage strip's numbers for the schedule shown: recomputed by main from the whole mirrored week. */
/** `enabled: false` holds it back: the strip is asked for after the first rows, which the supervisor waits for. */
export function coverageQuery(client: OpsClient, s: TimelineSubject | null, enabled = true) {
  return queryOptions({
    enabled,
    queryKey: ['timeline', s?.profileId, s?.businessUnitId, 'coverage', s?.scheduleId, s?.week] as const,
    queryFn: s
      ? () =>
          client.call('timeline.coverage', {
            profileId: s.profileId,
            businessUnitId: s.businessUnitId,
            scheduleId: s.scheduleId,
            week: s.week,
          })
      : skipToken,
  });
}

const filterArgs = (f: TimelineFilters) => ({
  ...(f.search.trim() ? { search: f.search.trim() } : {}),
  ...(f.managementUnitId ? { managementUnitId: f.managementUnitId } : {}),
  ...(f.agentIds ? { agentIds: [...f.agentIds] } : {}),
});

/** What the roster's answer can bring along: the pages of the rows the grid shows first. */
export interface RosterTop {
  queryClient: QueryClient;
  subject: TimelineSubject;
  collapsedUnits: readonly string[];
  /** Rows the screen shows first (unit headers count). */
  rows: number;
}

/**
 * Agents alone (`timeline.roster`): ids, names and units of every agent the filters match, in roster order.
 * With `top`, `timeline.rosterTop` answers the pages of the first rows too, put in the cache under their
 * page keys before the roster is: the first render of the rows finds their shifts, with no second call.
 */
export const rosterQuery = (
  client: OpsClient,
  profileId: string | null,
  businessUnitId: string | null,
  f: TimelineFilters,
  top?: RosterTop | null,
) =>
  queryOptions({
    queryKey: timelineKeys.roster(profileId, businessUnitId, f),
    queryFn:
      profileId && businessUnitId
        ? async (): Promise<RosterAgent[]> => {
            if (f.agentIds && f.agentIds.length === 0) return [];
            const s = top?.subject;
            // One answer for the whole unit (at most 5,000 agents): the rows' layout needs all of them
            // before any page of shifts is asked for, so each round trip here delays the first paint.
            if (!top || !s || s.profileId !== profileId || s.businessUnitId !== businessUnitId)
              return client.call('timeline.roster', { profileId, businessUnitId, ...filterArgs(f) });
            const answer = await client.call('timeline.rosterTop', {
              profileId,
              businessUnitId,
              ...filterArgs(f),
              scheduleId: s.scheduleId,
              from: s.from,
              to: s.to,
              rows: Math.max(1, Math.min(300, Math.round(top.rows))),
              collapsedUnits: [...top.collapsedUnits],
            });
            for (const p of answer.pages) top.queryClient.setQueryData(timelineKeys.page(s, f, p), p.window);
            return answer.agents;
          }
        : skipToken,
    // A new search keeps the old rows on screen until the new ones answer, instead of flashing empty.
    placeholderData: keepPreviousData,
  });

/** One page of a unit's agents with their shifts and time off in the week. */
export const pageQuery = (
  client: OpsClient,
  s: TimelineSubject | null,
  f: TimelineFilters,
  p: PageRef,
  unitAgentIds: () => string[],
) =>
  queryOptions({
    queryKey: s ? timelineKeys.page(s, f, p) : ['timeline', 'none'],
    queryFn: s
      ? (): Promise<TimelineWindow> =>
          client.call('timeline.window', {
            profileId: s.profileId,
            businessUnitId: s.businessUnitId,
            scheduleId: s.scheduleId,
            from: s.from,
            to: s.to,
            ...filterArgs(f),
            // Agents without a unit cannot be asked for by unit: their ids are.
            ...(p.managementUnitId
              ? { managementUnitId: p.managementUnitId, offset: p.page * pageSize, limit: pageSize }
              : {
                  agentIds: unitAgentIds().slice(p.page * pageSize, (p.page + 1) * pageSize),
                  offset: 0,
                  limit: pageSize,
                }),
          })
      : skipToken,
    // Ten seconds, not a minute: a scroll through the whole unit kept every page until it ended, and the
    // garbage collector's major pauses grew with them (10 → 33 ms through a 30 s scroll; 10–25 ms now),
    // the longest pushing a frame past 50 ms. A page scrolled back to later is asked for again (~3 ms).
    gcTime: 10_000,
    // Fresh until the mirror or the change set says otherwise (events invalidate every timeline key): a
    // page put in the cache by the roster's answer, or scrolled back to, is not asked for again on sight.
    staleTime: 30_000,
  });

/** One agent's week for the drawer. */
export const agentWeekQuery = (client: OpsClient, s: TimelineSubject | null, agentId: string | null) =>
  queryOptions({
    queryKey: s ? timelineKeys.agent(s, agentId) : ['timeline', 'none'],
    queryFn:
      s && agentId
        ? async () => {
            const w = await client.call('timeline.window', {
              profileId: s.profileId,
              businessUnitId: s.businessUnitId,
              scheduleId: s.scheduleId,
              from: s.from,
              to: s.to,
              agentIds: [agentId],
              offset: 0,
              limit: 1,
            });
            return w.agents[0] ?? null;
          }
        : skipToken,
    gcTime: 60_000,
  });

/**
 * The agents whose week the draft changes against the week's published schedule, for "Changed only".
 * Knowing who changed needs every agent's week in both schedules, not just the pages on screen: asked
 * once when the filter is turned on, in pages of 500 agents per schedule (the window's limit), so a
 * unit of 5,000 agents costs 10 + 10 calls. Unfiltered: search and unit filters then apply to the result.
 */
export const changedAgentsQuery = (client: OpsClient, s: TimelineSubject | null, publishedScheduleId: string | null) =>
  queryOptions({
    queryKey: [
      'timeline',
      s?.profileId,
      s?.businessUnitId,
      'changed',
      s?.scheduleId,
      publishedScheduleId,
      s?.week,
    ] as const,
    queryFn:
      s && publishedScheduleId
        ? async (): Promise<string[]> => {
            const all = async (scheduleId: string) => {
              const agents: TimelineWindow['agents'] = [];
              for (let offset = 0; ; offset += 500) {
                const w = await client.call('timeline.window', {
                  profileId: s.profileId,
                  businessUnitId: s.businessUnitId,
                  scheduleId,
                  from: s.from,
                  to: s.to,
                  offset,
                  limit: 500,
                });
                agents.push(...w.agents);
                if (w.agents.length < 500 || agents.length >= w.total) return agents;
              }
            };
            const [draft, published] = await Promise.all([all(s.scheduleId), all(publishedScheduleId)]);
            return changedAgentIds(draft, published);
          }
        : skipToken,
    staleTime: 60_000,
  });

export const invalidateTimeline = (queryClient: QueryClient, profileId: string, businessUnitId: string) =>
  queryClient.invalidateQueries({ queryKey: timelineKeys.unit(profileId, businessUnitId) });
