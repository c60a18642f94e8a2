/**
 * Everything the Publish screen shows above a publish: which connection, unit, week and schedule
 * (the Schedules screen's connection and unit, so it is one choice across screens), the schedule's
 * pending edits, whether Genesys can be reached (publishing needs it), and the publish shown.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useOpsClient } from '../../ops-client-context';
import { useConsole } from '../../store/context';
import { connectionsListQuery } from '../connections/queries';
import { changeSetQuery } from '../edits/queries';
import { overviewQuery, weeksQuery } from '../schedules/queries';
import { shownBusinessUnit, shownProfile } from '../schedules/selection';
import { buZoneOf } from '../timeline/bu-zone';
import { schedulesOfWeek, shownSchedule, shownTimelineWeek } from '../timeline/schedule-choice';
import { shownPublish, type PublishSubject } from './choice';
import { publishListQuery, publishStateQuery } from './queries';

export function usePublishView() {
  const client = useOpsClient();
  const picks = useConsole((s) => s.publish);
  const connections = useQuery(connectionsListQuery(client));
  const profileId = shownProfile(
    useConsole((s) => s.schedulesProfileId),
    connections.data,
  );
  const connection = connections.data?.find((c) => c.id === profileId) ?? null;
  const overview = useQuery(overviewQuery(client, profileId));
  const businessUnitId = shownBusinessUnit(
    useConsole((s) => s.selectedBusinessUnitId),
    overview.data,
  );
  const bu = overview.data?.businessUnits.find((b) => b.id === businessUnitId) ?? null;
  // The unit's own zone, or UTC while it is unread or unknown here: never one that makes the week NaN.
  const buZone = buZoneOf(bu?.timeZone).zone;
  const weeks = useQuery(weeksQuery(client, profileId, businessUnitId));
  const allWeeks = useMemo(() => weeks.data?.weeks ?? [], [weeks.data]);
  const week = shownTimelineWeek(picks.week, allWeeks, buZone, Date.now());
  const ofWeek = useMemo(() => schedulesOfWeek(allWeeks, week), [allWeeks, week]);
  const schedule = shownSchedule(picks.scheduleId, ofWeek);
  const subject: PublishSubject | null = useMemo(
    () =>
      profileId && businessUnitId && week && schedule
        ? { profileId, businessUnitId, week, scheduleId: schedule.scheduleId }
        : null,
    [profileId, businessUnitId, week, schedule],
  );
  const changeSet = useQuery(
    changeSetQuery(
      client,
      subject
        ? { profileId: subject.profileId, businessUnitId: subject.businessUnitId, scheduleId: subject.scheduleId }
        : null,
    ),
  );
  const list = useQuery(publishListQuery(client, profileId, businessUnitId));
  const summary = shownPublish(list.data ?? [], subject, picks.jobId);
  const state = useQuery(publishStateQuery(client, summary?.jobId ?? null));

  /** Publishing talks to Genesys: offline or signed out, the screen says so instead of offering it. */
  const offlineReason = overview.data?.offline
    ? `Genesys Cloud could not be reached (${overview.data.offline.reason}).`
    : connection && connection.state !== 'signedIn'
      ? `${connection.name} is not signed in.`
      : null;

  return {
    picks,
    connections: connections.data ?? [],
    connection,
    profileId,
    overview: overview.data ?? null,
    bu,
    buZone,
    weeks: allWeeks,
    weeksLoaded: weeks.data !== undefined,
    week,
    ofWeek,
    schedule,
    subject,
    pendingEdits: changeSet.data?.count ?? null,
    list: list.data ?? [],
    summary,
    state,
    offlineReason,
    loading: connections.isPending || (profileId !== null && overview.isPending),
    error: connections.error ?? overview.error ?? weeks.error ?? list.error ?? null,
    retry() {
      void connections.refetch();
      void overview.refetch();
      void weeks.refetch();
      void list.refetch();
    },
  };
}

export type PublishViewModel = ReturnType<typeof usePublishView>;
