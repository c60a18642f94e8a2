/**
 * The planted problems: each one exactly what the conflict taxonomy
 * describes, recorded in the manifest so tests can check the console finds
 * all of them and nothing else.
 */
import { DateTime } from 'luxon';
import type { Rng } from '../random';
import type { AgentPlan } from './agents';
import { addDays, isoInstant, minuteMs, offsetMinutes, wallClockMs } from './calendar';
import { agentWeek, isFreeDay, type BuildContext, type WeekBuild } from './context';
import type { PlantedProblem, ShiftState } from './model';
import { shuffled, type PlantRoles } from './roles';
import { activity, buildShift } from './shifts';
import { approvedVacation } from './timeoff';

type Kind = PlantedProblem['kind'];

function problem(
  ctx: BuildContext,
  kind: Kind,
  week: WeekBuild,
  agent: AgentPlan,
  shiftIds: string[],
  detail: string,
): PlantedProblem {
  const { schedule } = week;
  return {
    kind,
    businessUnitId: ctx.bu.id,
    scheduleId: schedule.id,
    weekDate: week.weekDate,
    userId: agent.user.id,
    managementUnitId: agent.unit.id,
    shiftIds,
    detail,
  };
}

function pickShift(week: WeekBuild, agent: AgentPlan, rng: Rng): ShiftState {
  return rng.pick(agentWeek(week, agent).shifts);
}

function addShift(week: WeekBuild, agent: AgentPlan, shift: ShiftState): void {
  const shifts = agentWeek(week, agent).shifts;
  shifts.push(shift);
  shifts.sort((a, b) => a.startDate.localeCompare(b.startDate));
}

/** A four-hour second shift starting two hours into an existing one: a double booking. */
function plantShiftOverlaps(ctx: BuildContext, agents: AgentPlan[], rng: Rng): PlantedProblem[] {
  const weekOrder = shuffled(ctx.weeks, rng);
  return agents.map((agent, k) => {
    const week = weekOrder[k % weekOrder.length] as WeekBuild;
    const existing = pickShift(week, agent, rng);
    const extra = buildShift(Date.parse(existing.startDate) + 120 * minuteMs, 240, ctx.codes, rng);
    addShift(week, agent, extra);
    return problem(
      ctx,
      'shiftOverlap',
      week,
      agent,
      [existing.id, extra.id],
      `second shift ${extra.startDate} (240 min) inside shift ${existing.startDate}`,
    );
  });
}

/**
 * A working day whose date, read in the BU zone, the MU zone or UTC, touches
 * only its own shift: the vacation then conflicts with that one shift however
 * a reader resolves the date.
 */
function workedDay(
  ctx: BuildContext,
  agent: AgentPlan,
  rng: Rng,
): { week: WeekBuild; shift: ShiftState; date: string } {
  let fallback: { week: WeekBuild; shift: ShiftState; date: string } | undefined;
  for (const weekIndex of shuffled(
    ctx.weeks.map((_, i) => i),
    rng,
  )) {
    const week = ctx.weeks[weekIndex] as WeekBuild;
    for (const shift of shuffled(agentWeek(week, agent).shifts, rng)) {
      const date = DateTime.fromISO(shift.startDate, { zone: ctx.bu.timeZone }).toISODate() ?? week.weekDate;
      fallback ??= { week, shift, date };
      if (isFreeDay(ctx, agent, weekIndex, date, shift)) return { week, shift, date };
    }
  }
  if (!fallback) throw new Error(`agent ${agent.user.id} has no shifts to plant time off over`);
  return fallback;
}

/** An approved full-day vacation on a day the agent works. */
function plantTimeOffOverlaps(ctx: BuildContext, agents: AgentPlan[], rng: Rng): PlantedProblem[] {
  return agents.map((agent) => {
    const { week, shift, date } = workedDay(ctx, agent, rng);
    approvedVacation(ctx, agent, week, date, rng);
    return problem(
      ctx,
      'timeOffOverlap',
      week,
      agent,
      [shift.id],
      `approved Vacation on ${date} over shift ${shift.startDate}`,
    );
  });
}

/** A break set down inside the meal. */
function plantActivityOverlap(ctx: BuildContext, agents: AgentPlan[], rng: Rng): PlantedProblem[] {
  return agents.map((agent) => {
    const week = rng.pick(ctx.weeks);
    const shift = pickShift(week, agent, rng);
    const meal = shift.activities.find((a) => a.activityCodeId === ctx.codes.meal.id);
    if (!meal) throw new Error('a day shift without a meal');
    shift.activities.push(activity(ctx.codes.break, Date.parse(meal.startDate) + 5 * minuteMs, 15));
    shift.activities.sort((a, b) => a.startDate.localeCompare(b.startDate));
    return problem(
      ctx,
      'activityOverlap',
      week,
      agent,
      [shift.id],
      `Break at ${meal.startDate} + 5 min inside the Meal`,
    );
  });
}

/** The local wall clock written as UTC: start and activities all moved by the BU offset. */
function plantNaiveUtc(ctx: BuildContext, agents: AgentPlan[], rng: Rng): PlantedProblem[] {
  const calm = ctx.weeks.filter((w) => !w.hasTransition);
  const published = calm.filter((w) => w.schedule.published);
  // A one-week window may hold only the DST week; day shifts never touch the Sunday change, so it still works.
  const pool = published.length ? published : calm.length ? calm : ctx.weeks;
  return agents.map((agent) => {
    const week = rng.pick(pool);
    const shift = pickShift(week, agent, rng);
    const realStart = shift.startDate;
    const offset = offsetMinutes(ctx.bu.timeZone, Date.parse(realStart));
    const move = (iso: string) => isoInstant(Date.parse(iso) + offset * minuteMs);
    shift.startDate = move(shift.startDate);
    for (const a of shift.activities) a.startDate = move(a.startDate);
    agentWeek(week, agent).shifts.sort((a, b) => a.startDate.localeCompare(b.startDate));
    return problem(
      ctx,
      'naiveUtcShift',
      week,
      agent,
      [shift.id],
      `stored ${shift.startDate}, should be ${realStart} (BU offset ${offset} min)`,
    );
  });
}

/** The night across the DST change, 22:00 to 06:30 on the wall clock, stored with its true elapsed length. */
function plantDstShift(ctx: BuildContext, agents: AgentPlan[], transitionMs: number, rng: Rng): PlantedProblem[] {
  const week = ctx.weeks.find((w) => w.weekDate === ctx.dstWeekDate);
  const zone = ctx.bu.timeZone;
  const changeDate = DateTime.fromMillis(transitionMs, { zone }).toISODate() ?? '';
  const nightBefore = addDays(changeDate, -1);
  if (!week || !week.days.includes(nightBefore)) return [];
  return agents.map((agent) => {
    const start = wallClockMs(zone, nightBefore, 22 * 60);
    const elapsed = (wallClockMs(zone, changeDate, 6 * 60 + 30) - start) / minuteMs;
    const shift = buildShift(start, elapsed, ctx.codes, rng);
    addShift(week, agent, shift);
    return problem(
      ctx,
      'dstShift',
      week,
      agent,
      [shift.id],
      `${nightBefore} 22:00 to ${changeDate} 06:30 ${zone}: 510 min on the wall clock, ${elapsed} min elapsed`,
    );
  });
}

export function plantProblems(
  ctx: BuildContext,
  roles: PlantRoles,
  transitionMs: number | null,
  rng: Rng,
): PlantedProblem[] {
  const planted = [
    ...plantShiftOverlaps(ctx, roles.shiftOverlap, rng.fork('shiftOverlap')),
    ...plantTimeOffOverlaps(ctx, roles.timeOffOverlap, rng.fork('timeOffOverlap')),
    ...plantActivityOverlap(ctx, roles.activityOverlap, rng.fork('activityOverlap')),
    ...plantNaiveUtc(ctx, roles.naiveUtcShift, rng.fork('naiveUtcShift')),
    ...(transitionMs === null ? [] : plantDstShift(ctx, roles.dstShift, transitionMs, rng.fork('dstShift'))),
  ];
  for (const mu of ctx.bu.managementUnits) {
    if (mu.timeZone === ctx.bu.timeZone) continue;
    planted.push({
      kind: 'zoneMismatch',
      businessUnitId: ctx.bu.id,
      managementUnitId: mu.id,
      detail: `MU ${mu.name} keeps ${mu.timeZone}, the BU ${ctx.bu.timeZone}`,
    });
  }
  return planted;
}
