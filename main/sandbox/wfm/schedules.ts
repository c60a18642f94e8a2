/** Schedule listings per week and schedule metadata. */
import type { Models } from 'purecloud-platform-client-v2';
import { badRequest, requireIsoDate } from '../http/api-error';
import type { Route } from '../http/route';
import type { ScheduleState } from '../org/model';
import type { SandboxRuntime } from '../runtime';
import { scheduleListItem, scheduleMetadata, wfmBase } from './convert';
import { findBusinessUnit, findSchedule } from './lookup';

const schedulesPath = `${wfmBase}/businessunits/{businessUnitId}/weeks/{weekId}/schedules`;

export function scheduleRoutes(runtime: SandboxRuntime): Route[] {
  return [
    {
      method: 'GET',
      template: schedulesPath,
      auth: 'bearer',
      permission: 'wfm:schedule:view',
      handle: (ctx) => {
        const bu = findBusinessUnit(runtime, ctx.params.businessUnitId);
        const onlyPublished = ctx.query.get('includeOnlyPublished') === 'true';
        const spans = weekFilter(ctx.params.weekId, ctx.query);
        const entities = [...bu.schedules.values()]
          .filter((s) => spans(s) && (!onlyPublished || s.published))
          .sort((a, b) => a.weekDate.localeCompare(b.weekDate) || a.dateCreated.localeCompare(b.dateCreated))
          .map(scheduleListItem);
        const body: Models.BuScheduleListing = { entities };
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      template: `${schedulesPath}/{scheduleId}`,
      auth: 'bearer',
      permission: 'wfm:schedule:view',
      handle: (ctx) => {
        const { bu, schedule } = findSchedule(runtime, ctx.params);
        return { status: 200, body: scheduleMetadata(bu, schedule) };
      },
    },
  ];
}

/**
 * Which schedules a week listing returns: those spanning the week, or for
 * `recent`, those starting inside the given range (±26 weeks by default).
 */
function weekFilter(weekId: string | undefined, query: URLSearchParams): (s: ScheduleState) => boolean {
  if (weekId === 'recent') {
    const earliest = query.get('earliestWeekDate');
    const latest = query.get('latestWeekDate');
    if (earliest) requireIsoDate(earliest, 'earliestWeekDate');
    if (latest) requireIsoDate(latest, 'latestWeekDate');
    if (earliest && latest && earliest > latest) throw badRequest('earliestWeekDate must not be after latestWeekDate');
    return (s) => (!earliest || s.weekDate >= earliest) && (!latest || s.weekDate <= latest);
  }
  const week = requireIsoDate(weekId, 'weekId');
  const weekStart = Date.parse(`${week}T00:00:00Z`);
  return (s) => {
    const start = Date.parse(`${s.weekDate}T00:00:00Z`);
    return weekStart >= start && weekStart < start + s.weekCount * 7 * 86_400_000;
  };
}
