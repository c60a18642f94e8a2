/**
 * Time off: approved full-day vacations (request plus marker) on days the
 * agent is off anyway, and pending or denied requests without markers.
 * Planted agents are left out, so the planted overlaps stay the only ones.
 */
import type { Rng } from '../random';
import type { AgentPlan } from './agents';
import { dayMs, isoInstant, wallClockMs } from './calendar';
import { agentWeek, isFreeDay, type BuildContext, type WeekBuild } from './context';
import type { FullDayTimeOffMarkerState, TimeOffRequestState } from './model';

const fullDayMinutes = 480;

export function timeOffRequest(
  ctx: BuildContext,
  agent: AgentPlan,
  date: string,
  status: TimeOffRequestState['status'],
  rng: Rng,
): TimeOffRequestState {
  // Submitted a week or more ahead of the day, and never after "now".
  const latest = Math.min(wallClockMs(ctx.bu.timeZone, date, 0) - 7 * dayMs, ctx.nowMs - dayMs);
  const request: TimeOffRequestState = {
    id: rng.uuid(),
    userId: agent.user.id,
    managementUnitId: agent.unit.id,
    isFullDayRequest: true,
    activityCodeId: ctx.codes.vacation.id,
    status,
    fullDayManagementUnitDates: [date],
    partialDayStartDateTimes: [],
    dailyDurationMinutes: fullDayMinutes,
    notes: rng.pick(['Family trip', 'Moving day', 'Personal day', 'Wedding', '']),
    submittedDate: isoInstant(latest - rng.int(0, 20 * 24) * 3_600_000),
    version: 1,
  };
  ctx.bu.timeOffRequests.push(request);
  return request;
}

/** An approved full-day vacation: the request and its marker in the week's schedule. */
export function approvedVacation(
  ctx: BuildContext,
  agent: AgentPlan,
  week: WeekBuild,
  date: string,
  rng: Rng,
): TimeOffRequestState {
  const request = timeOffRequest(ctx, agent, date, 'APPROVED', rng);
  const startOffsetMinutes = agent.pattern.parts[0]?.startMinute ?? 0;
  const marker: FullDayTimeOffMarkerState = {
    businessUnitDate: date,
    startOffsetMinutes,
    endOffsetMinutes: startOffsetMinutes + fullDayMinutes,
    lengthMinutes: fullDayMinutes,
    activityCodeId: ctx.codes.vacation.id,
    description: ctx.codes.vacation.name,
    paid: ctx.codes.vacation.countsAsPaidTime,
    timeOffRequestId: request.id,
  };
  agentWeek(week, agent).fullDayTimeOffMarkers.push(marker);
  return request;
}

function freeDate(ctx: BuildContext, agent: AgentPlan, weekIndex: number, rng: Rng): string | undefined {
  const week = ctx.weeks[weekIndex];
  if (!week) return undefined;
  const first = rng.int(0, 6);
  for (let k = 0; k < 7; k++) {
    const date = week.days[(first + k) % 7];
    if (date && isFreeDay(ctx, agent, weekIndex, date)) return date;
  }
  return undefined;
}

export function addTimeOff(ctx: BuildContext, plantedUserIds: Set<string>): void {
  const futureWeeks = ctx.weeks.map((w, i) => (w.weekDate > ctx.currentWeekDate ? i : -1)).filter((i) => i >= 0);
  for (const agent of ctx.agents) {
    // Overnight agents are left out: a 22:00 offset plus eight hours would run past the day.
    if (plantedUserIds.has(agent.user.id) || agent.pattern.kind === 'overnight') continue;
    const rng = agent.rng.fork('timeOff');
    const r = rng.next();
    if (r < 0.03) {
      const weekIndex = rng.int(0, ctx.weeks.length - 1);
      const date = freeDate(ctx, agent, weekIndex, rng);
      const week = ctx.weeks[weekIndex];
      if (date && week) approvedVacation(ctx, agent, week, date, rng);
    } else if (r < 0.06) {
      // Pending asks are for days still ahead; denied ones may be anywhere in the window.
      const pending = r < 0.045;
      const weekIndex = pending ? (futureWeeks.length ? rng.pick(futureWeeks) : -1) : rng.int(0, ctx.weeks.length - 1);
      const date = freeDate(ctx, agent, weekIndex, rng);
      if (date) timeOffRequest(ctx, agent, date, pending ? 'PENDING' : 'DENIED', rng);
    }
  }
}
