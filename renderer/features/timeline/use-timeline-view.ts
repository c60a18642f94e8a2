import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useOpsClient } from '../../ops-client-context';
import { useConsole } from '../../store/context';
import { connectionsListQuery } from '../connections/queries';
import { overviewQuery, weekAnalysisQuery, weeksQuery } from '../schedules/queries';
import { shownBusinessUnit, shownProfile } from '../schedules/selection';
import { indexFindings } from './findings-index';
import { changedAgentsQuery, legendQuery, rosterQuery, type TimelineFilters, type TimelineSubject } from './queries';
import { layoutRows } from './roster-rows';
import { publishedToCompare, schedulesOfWeek, shownSchedule, shownTimelineWeek } from './schedule-choice';
import { combineAgentIds } from './week-diff';
import { buZoneOf, drawnWeekSpan } from './bu-zone';
import { localZone, zoneFor } from './zone-time';

/**
 * Everything the Timeline shows above the rows. The connection and unit are the Schedules screen's
 * selection (same slice, same fallbacks), so picking a unit there or here is one choice.
 */
export function useTimelineView() {
  const client = useOpsClient();
  const queryClient = useQueryClient();
  const view = useConsole((s) => s.timeline);
  const connections = useQuery(connectionsListQuery(client));
  const profileId = shownProfile(
    useConsole((s) => s.schedulesProfileId),
    connections.data,
  );
  const overview = useQuery(overviewQuery(client, profileId));
  const businessUnitId = shownBusinessUnit(
    useConsole((s) => s.selectedBusinessUnitId),
    overview.data,
  );
  const bu = overview.data?.businessUnits.find((b) => b.id === businessUnitId) ?? null;
  const unitZone = buZoneOf(bu?.timeZone);
  const buZone = unitZone.zone;
  const weeks = useQuery(weeksQuery(client, profileId, businessUnitId));
  const allWeeks = useMemo(() => weeks.data?.weeks ?? [], [weeks.data]);
  const week = shownTimelineWeek(view.week, allWeeks, buZone, Date.now());
  const ofWeek = useMemo(() => schedulesOfWeek(allWeeks, week), [allWeeks, week]);
  const schedule = shownSchedule(view.scheduleId, ofWeek);
  // The rows come first: the services answer one call at a time, and the week's findings, pending
  // edits and script sessions asked for at once used to queue ahead of the roster the first paint
  // waits for. They follow the roster (or come first when the rows are filtered by findings).
  const [rowsIn, setRowsIn] = useState(false);
  const analysis = useQuery({
    ...weekAnalysisQuery(client, profileId, businessUnitId, week),
    enabled: rowsIn || view.onlyFindings,
  });
  const findings = useMemo(
    () => indexFindings(analysis.data?.findings ?? [], schedule?.scheduleId ?? null),
    [analysis.data, schedule?.scheduleId],
  );
  // No week is asked for until the unit's zone is read, nor with a span JSON cannot carry.
  const span = drawnWeekSpan(week, bu?.timeZone);
  const subject: TimelineSubject | null = useMemo(
    () =>
      profileId && businessUnitId && schedule && week && span
        ? { profileId, businessUnitId, scheduleId: schedule.scheduleId, week, ...span }
        : null,
    // span is derived from week and buZone: a new object each render, the same question.
    [profileId, businessUnitId, schedule?.scheduleId, week, buZone, span === null],
  );
  // "What agents see now": the week's published schedule beside the draft shown, when there is one.
  const compare = publishedToCompare(schedule, ofWeek);
  const publishedId = compare.published?.scheduleId ?? null;
  const ghostOn = view.ghostPublished && publishedId !== null;
  const changedOnly = view.changedOnly && publishedId !== null;
  const ghostSubject: TimelineSubject | null = useMemo(
    () => (ghostOn && subject && publishedId ? { ...subject, scheduleId: publishedId } : null),
    [ghostOn, subject, publishedId],
  );
  const changed = useQuery(changedAgentsQuery(client, changedOnly ? subject : null, publishedId));
  const filters: TimelineFilters = useMemo(
    () => ({
      search: view.search,
      managementUnitId: view.managementUnitId,
      agentIds: combineAgentIds(
        view.onlyFindings ? findings.agentIds : null,
        changedOnly ? (changed.data ?? null) : null,
      ),
    }),
    [view.search, view.managementUnitId, view.onlyFindings, findings.agentIds, changedOnly, changed.data],
  );
  // The rows a screen of this height shows first, a few more for the virtualizer's overscan.
  const top = subject
    ? { queryClient, subject, collapsedUnits: view.collapsedUnits, rows: Math.ceil(window.innerHeight / 30) + 8 }
    : null;
  // Asked once the week's schedules are known, so it brings the first rows' shifts along (one call, not two
  // in a row); without a schedule to show (none synced, or the weeks failed) it is the roster alone.
  const weeksSettled = weeks.data !== undefined || weeks.isError;
  const roster = useQuery({ ...rosterQuery(client, profileId, businessUnitId, filters, top), enabled: weeksSettled });
  const legend = useQuery(legendQuery(client, profileId, businessUnitId));
  useEffect(() => {
    if (roster.isSuccess) setRowsIn(true);
  }, [roster.isSuccess]);
  const collapsed = useMemo(() => new Set(view.collapsedUnits), [view.collapsedUnits]);
  const rows = useMemo(() => layoutRows(roster.data ?? [], collapsed), [roster.data, collapsed]);
  const unitIds = useMemo(
    () => [...new Set((roster.data ?? []).map((a) => a.managementUnitId).filter((m): m is string => !!m))].sort(),
    [roster.data],
  );
  const myZone = localZone();
  const zone = zoneFor(view.zoneMode, buZone, myZone);
  // The drawer's second zone: the other one the supervisor reads in (their own, or UTC when theirs is the BU's).
  const otherZone = zone !== buZone ? zone : myZone !== buZone ? myZone : 'UTC';

  return {
    /** The roster has answered once: what waits for the first rows may be asked for now. */
    rowsIn,
    view,
    connections: connections.data ?? [],
    /** The connections list has answered: until then nothing can be said to be synced or not. */
    connectionsLoaded: connections.data !== undefined,
    profileId,
    overview: overview.data ?? null,
    bu,
    buZone,
    /** The zone Genesys named for the unit that this computer cannot read (times are then in UTC). */
    unknownZone: unitZone.unknown,
    zone,
    myZone,
    otherZone,
    weeks: allWeeks,
    weeksLoaded: weeks.data !== undefined,
    week,
    ofWeek,
    schedule,
    analysis,
    findings,
    subject,
    filters,
    compare,
    ghostSubject,
    changedOnly,
    /** The changed set, when "Changed only" asked for it. */
    changedIds: changedOnly ? (changed.data ?? null) : null,
    changedPending: changedOnly && changed.isPending,
    roster,
    rows,
    unitIds,
    legend: legend.data ?? null,
    error:
      connections.error ??
      overview.error ??
      weeks.error ??
      roster.error ??
      (changedOnly ? changed.error : null) ??
      null,
    retry() {
      void overview.refetch();
      void weeks.refetch();
      void roster.refetch();
      if (changedOnly) void changed.refetch();
    },
  };
}

export type TimelineViewModel = ReturnType<typeof useTimelineView>;
