/**
 * `GET .../schedules/{scheduleId}/history/agents/{agentId}`: who changed an
 * agent in a schedule, and when. Every write that changes an agent records
 * what it changed – updates, the competing editors of `publish-morning` –
 * so a console can show it. Genesys does not say what `basePublishedSchedule`
 * holds for a schedule never published; the sandbox's choice: the agent's
 * schedule as it was before the first recorded change (as generated or
 * imported), or as it is now when nothing changed it.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { notFound } from '../http/api-error';
import type { Route } from '../http/route';
import type { AgentHistoryState, AgentScheduleChangeState, AgentScheduleState, ScheduleState } from '../org/model';
import type { SandboxRuntime } from '../runtime';
import type { AgentChange } from './agent-patch';
import { scheduleSelfUri, shiftResponse, userRef, wfmBase } from './convert';
import { findSchedule } from './lookup';
import { plainCopy } from '../org/plain-copy';

function historyOf(schedule: ScheduleState, userId: string, before: AgentScheduleState | undefined): AgentHistoryState {
  schedule.agentHistory ??= new Map();
  let history = schedule.agentHistory.get(userId);
  if (!history) {
    history = {
      base: {
        dateModified: before?.dateModified ?? schedule.dateCreated,
        modifiedByUserId: schedule.createdByUserId ?? schedule.modifiedByUserId,
        shifts: plainCopy(before?.shifts ?? []),
        fullDayTimeOffMarkers: plainCopy(before?.fullDayTimeOffMarkers ?? []),
      },
      changes: [],
      dropped: [],
    };
    schedule.agentHistory.set(userId, history);
  }
  return history;
}

/** Call before the write lands: `before` is the agent as it was. */
export function recordAgentChange(
  schedule: ScheduleState,
  userId: string,
  before: AgentScheduleState | undefined,
  change: AgentChange,
  modifiedByUserId: string,
  dateModified: string,
): void {
  historyOf(schedule, userId, before).changes.push({ dateModified, modifiedByUserId, ...plainCopy(change) });
}

/**
 * Publishing `to` over `from`: what editors changed in `from` after `to` was
 * created does not carry over, so `to`'s history lists it as dropped.
 */
export function carryDroppedChanges(from: ScheduleState, to: ScheduleState): void {
  for (const [userId, history] of from.agentHistory ?? []) {
    const late = history.changes.filter((c) => c.dateModified > to.dateCreated);
    if (late.length > 0) historyOf(to, userId, to.agentSchedules.get(userId)).dropped.push(...plainCopy(late));
  }
}

const changeMetadata = (c: { dateModified: string; modifiedByUserId: string }) => ({
  dateModified: c.dateModified,
  modifiedBy: userRef(c.modifiedByUserId),
});

const deletes = (c: AgentScheduleChangeState): Models.BuAgentScheduleHistoryDeletedChange => ({
  shiftIds: c.deletedShiftIds,
  fullDayTimeOffMarkerDates: c.deletedMarkerDates,
  agentSchedule: c.deletedAgentSchedule,
});

function historyResponse(
  runtime: SandboxRuntime,
  schedule: ScheduleState,
  history: AgentHistoryState,
): Models.BuAgentScheduleHistoryResponse {
  const bu = runtime.org.businessUnits.get(schedule.businessUnitId);
  const prior = (schedule.priorPublishedScheduleIds ?? [])
    .map((id) => bu?.schedules.get(id))
    .filter((s): s is ScheduleState => s !== undefined);
  return {
    priorPublishedSchedules: prior.map((s) => ({ id: s.id, weekDate: s.weekDate, selfUri: scheduleSelfUri(s) })),
    basePublishedSchedule: {
      metadata: changeMetadata(history.base),
      shifts: history.base.shifts.map((s) => shiftResponse(schedule, s)),
      fullDayTimeOffMarkers: history.base.fullDayTimeOffMarkers.map((m) => ({ ...m })),
    },
    changes: history.changes.map((c) => ({
      metadata: changeMetadata(c),
      shifts: c.shifts.map((s) => shiftResponse(schedule, s)),
      fullDayTimeOffMarkers: c.fullDayTimeOffMarkers.map((m) => ({ ...m })),
      deletes: deletes(c),
    })),
    droppedChanges: history.dropped.map((c) => ({
      metadata: changeMetadata(c),
      shiftIds: c.shifts.map((s) => s.id),
      fullDayTimeOffMarkerDates: c.fullDayTimeOffMarkers.map((m) => m.businessUnitDate),
      deletes: deletes(c),
    })),
  };
}

export function agentHistoryRoute(runtime: SandboxRuntime): Route {
  return {
    method: 'GET',
    template: `${wfmBase}/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}/history/agents/{agentId}`,
    auth: 'bearer',
    permission: 'wfm:schedule:view',
    handle(ctx) {
      const { bu, schedule } = findSchedule(runtime, ctx.params);
      const userId = ctx.params.agentId ?? '';
      if (runtime.org.users.get(userId)?.businessUnitId !== bu.id) throw notFound('agent', userId);
      const history = schedule.agentHistory?.get(userId) ?? {
        base: {
          dateModified: schedule.agentSchedules.get(userId)?.dateModified ?? schedule.dateCreated,
          modifiedByUserId: schedule.createdByUserId ?? schedule.modifiedByUserId,
          shifts: schedule.agentSchedules.get(userId)?.shifts ?? [],
          fullDayTimeOffMarkers: schedule.agentSchedules.get(userId)?.fullDayTimeOffMarkers ?? [],
        },
        changes: [],
        dropped: [],
      };
      return { status: 200, body: historyResponse(runtime, schedule, history) };
    },
  };
}
