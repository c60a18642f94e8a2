/**
 * The current week's draft revision: a second schedule for the week a
 * supervisor started from the week's plan and edited – a few dozen agents
 * with a shift moved, added or removed – beside the published schedule, so
 * publishing it over the published one can be rehearsed. It is built from
 * the week as generated, before the planted problems went in, so the
 * problems stay where the manifest says (the published week) and nowhere
 * else: a shift on a day of approved time off is left out of it.
 */
import type { Rng } from '../random';
import type { AgentPlan } from './agents';
import { addDays, isoInstant, minuteMs, wallClockMs } from './calendar';
import { agentWeek, shiftEndMs, type BuildContext, type WeekBuild } from './context';
import type { AgentScheduleState, RevisionManifest, ScheduleState, ShiftState } from './model';
import { shuffled } from './roles';
import { buildActivities, buildShift, partStartMs } from './shifts';
import { plainCopy } from './plain-copy';

const hourMs = 60 * minuteMs;

interface Span {
  start: number;
  end: number;
}

export interface RevisionInputs {
  /** The current week's shifts as generated, before any problem was planted (see `snapshotShifts`). */
  clean: Map<string, ShiftState[]>;
  transitions: number[];
  plantedIds: Set<string>;
  editorId: string;
}

/** A deep copy of a week's shifts, taken before the planted problems change them. */
export function snapshotShifts(week: WeekBuild): Map<string, ShiftState[]> {
  return new Map([...week.schedule.agentSchedules].map(([id, a]) => [id, plainCopy(a.shifts)]));
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const span = (s: ShiftState): Span => ({ start: Date.parse(s.startDate), end: shiftEndMs(s) });

/** Whole days the agent is off on (approved requests and markers), read in the BU and the MU zone alike. */
function daysOff(ctx: BuildContext, agent: AgentPlan, published: AgentScheduleState): Span[] {
  const dates = [
    ...ctx.bu.timeOffRequests
      .filter((r) => r.userId === agent.user.id && r.status === 'APPROVED')
      .flatMap((r) => r.fullDayManagementUnitDates),
    ...published.fullDayTimeOffMarkers.map((m) => m.businessUnitDate),
  ];
  return dates.flatMap((date) =>
    [ctx.bu.timeZone, agent.unit.timeZone].map((zone) => ({
      start: wallClockMs(zone, date, 0),
      end: wallClockMs(zone, addDays(date, 1), 0),
    })),
  );
}

type Edit = RevisionManifest['edits'][number]['kind'];

interface AgentEdit {
  ctx: BuildContext;
  inputs: RevisionInputs;
  agent: AgentPlan;
  week: WeekBuild;
  shifts: ShiftState[];
  /** What a new or moved shift must stay clear of: days off and the neighbouring weeks' shifts. */
  blocked: Span[];
  rng: Rng;
}

/** A candidate span is fine when it crosses no DST change and touches nothing blocked or other shifts. */
function fits(e: AgentEdit, candidate: Span, except?: ShiftState): boolean {
  if (e.inputs.transitions.some((t) => t > candidate.start && t <= candidate.end)) return false;
  const others = e.shifts.filter((s) => s !== except).map(span);
  return ![...others, ...e.blocked].some((b) => overlaps(b, candidate));
}

function moveShift(e: AgentEdit): boolean {
  const shift = e.rng.pick(e.shifts);
  const start = Date.parse(shift.startDate) + e.rng.pick([-60, -30, 30, 60]) * minuteMs;
  if (!fits(e, { start, end: start + shift.lengthMinutes * minuteMs }, shift)) return false;
  shift.startDate = isoInstant(start);
  shift.activities = buildActivities(start, shift.lengthMinutes, e.ctx.codes, e.rng);
  shift.manuallyEdited = true;
  return true;
}

/** An extra shift on a day off, at the agent's usual time. */
function addShift(e: AgentEdit): boolean {
  const part = e.agent.pattern.parts[0];
  if (!part) return false;
  const free = e.week.days.filter((_, d) => !e.agent.pattern.workdays.includes(d));
  for (const date of shuffled(free, e.rng)) {
    const start = partStartMs(e.agent, date, part);
    if (!fits(e, { start, end: start + part.lengthMinutes * minuteMs })) continue;
    e.shifts.push({ ...buildShift(start, part.lengthMinutes, e.ctx.codes, e.rng), manuallyEdited: true });
    return true;
  }
  return false;
}

function removeShift(e: AgentEdit): boolean {
  e.shifts.splice(e.rng.int(0, e.shifts.length - 1), 1);
  return true;
}

function editAgent(e: AgentEdit): Edit {
  const kind = e.rng.pick<Edit>(['moved', 'added', 'removed']);
  // A move or an addition that does not fit anywhere becomes a removal, which always does.
  if (kind === 'moved' && moveShift(e)) return 'moved';
  if (kind === 'added' && addShift(e)) return 'added';
  removeShift(e);
  return 'removed';
}

/** What an agent's week looks like, ids aside: equal for the published week and an untouched revision. */
function weekSignature(a: AgentScheduleState): string {
  const shifts = a.shifts.map((s) =>
    [
      s.startDate,
      s.lengthMinutes,
      ...s.activities.map((x) => `${x.startDate}+${x.lengthMinutes}:${x.activityCodeId}`),
    ].join(' '),
  );
  return JSON.stringify([shifts.sort(), a.fullDayTimeOffMarkers.map((m) => m.businessUnitDate).sort()]);
}

/** About one agent in fifteen, "a few dozen" for a 500-agent unit. */
const editCount = (agents: number) => Math.min(40, Math.max(3, Math.round(agents / 15)));

export function buildRevision(
  ctx: BuildContext,
  inputs: RevisionInputs,
  rng: Rng,
): { schedule: ScheduleState; manifest: RevisionManifest } {
  const index = ctx.weeks.findIndex((w) => w.weekDate === ctx.currentWeekDate);
  const week = ctx.weeks[index];
  if (!week) throw new Error(`no schedule for the current week ${ctx.currentWeekDate}`);
  // Started after the published schedule's last save, edited until a little before "now".
  const created = Math.min(
    Math.max(Date.parse(week.schedule.dateModified) + hourMs, ctx.nowMs - rng.int(24, 72) * hourMs),
    ctx.nowMs - 30 * minuteMs,
  );
  const modified = Math.min(created + rng.int(10, 600) * minuteMs, ctx.nowMs - 5 * minuteMs);

  const agentSchedules = new Map<string, AgentScheduleState>();
  const edits: RevisionManifest['edits'] = [];
  const eligible = shuffled(
    ctx.agents.filter((a) => !inputs.plantedIds.has(a.user.id) && a.pattern.kind === 'day'),
    rng.fork('editOrder'),
  );
  const edited = new Set(eligible.slice(0, editCount(ctx.agents.length)).map((a) => a.user.id));
  for (const agent of ctx.agents) {
    const published = agentWeek(week, agent);
    const off = daysOff(ctx, agent, published);
    const r = rng.fork(`agent:${agent.user.id}`);
    const shifts = (inputs.clean.get(agent.user.id) ?? [])
      .filter((s) => !off.some((o) => overlaps(o, span(s))))
      .map((s) => ({ ...plainCopy(s), id: r.uuid() }));
    let changed = false;
    if (edited.has(agent.user.id) && shifts.length >= 3) {
      const neighbours = [ctx.weeks[index - 1], ctx.weeks[index + 1]].flatMap((w) =>
        w ? agentWeek(w, agent).shifts.map(span) : [],
      );
      const kind = editAgent({ ctx, inputs, agent, week, shifts, blocked: [...off, ...neighbours], rng: r });
      edits.push({ userId: agent.user.id, kind });
      changed = true;
    }
    shifts.sort((a, b) => a.startDate.localeCompare(b.startDate));
    agentSchedules.set(agent.user.id, {
      userId: agent.user.id,
      managementUnitId: published.managementUnitId,
      version: changed ? r.int(2, 4) : 1,
      shifts,
      fullDayTimeOffMarkers: plainCopy(published.fullDayTimeOffMarkers),
      dateModified: isoInstant(changed ? Math.max(created, modified - r.int(0, 120) * minuteMs) : created),
    });
  }

  const schedule: ScheduleState = {
    id: rng.uuid(),
    businessUnitId: ctx.bu.id,
    weekDate: week.weekDate,
    weekCount: 1,
    description: `Week of ${week.weekDate} (revised)`,
    published: false,
    version: rng.int(2, 5),
    dateCreated: isoInstant(created),
    dateModified: isoInstant(modified),
    modifiedByUserId: inputs.editorId,
    createdByUserId: inputs.editorId,
    agentSchedules,
  };
  const changedUserIds = ctx.agents
    .map((a) => a.user.id)
    .filter((id) => weekSignature(agentSchedules.get(id)!) !== weekSignature(week.schedule.agentSchedules.get(id)!))
    .sort();
  return {
    schedule,
    manifest: {
      scheduleId: schedule.id,
      weekDate: week.weekDate,
      revisesScheduleId: week.schedule.id,
      changedUserIds,
      edits,
    },
  };
}
