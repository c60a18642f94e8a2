/**
 * The sandbox org, generated from a seed: same seed and options, same org,
 * down to every id. Each part draws from its own forked stream, so growing
 * the agent count does not reshuffle the structure or earlier agents.
 */
import { createRng, type Rng } from '../random';
import { drawGroups, placeAgents, type AgentPlan } from './agents';
import { buildClients } from './clients';
import { addDays, dayMs, isoInstant, minuteMs, scheduleWindow, transitionsBetween, wallClockMs } from './calendar';
import type { BuildContext, WeekBuild } from './context';
import { buildForecasts, buildPlanningGroups } from './forecasts';
import type { AgentScheduleState, BusinessUnitState, OrgState, SandboxManifest, SandboxUser } from './model';
import { NameBook } from './names';
import { plantProblems } from './plant';
import { buildRevision, snapshotShifts } from './revision';
import { choosePlantRoles } from './roles';
import { buildScriptSessions } from './scripts';
import { buildWeekShifts } from './shifts';
import {
  buildActivityCodes,
  buildManagementUnits,
  businessUnitName,
  businessUnitZone,
  maxAgentsPerUnit,
  unitGroups,
  type CodeBook,
} from './structure';
import { addTimeOff } from './timeoff';

export { allPermissions, sandboxCredentials } from './clients';

export interface GeneratorOptions {
  seed: number;
  agents: number;
  weeks: number;
  now: Date;
}

const hourMs = 3_600_000;
/** Enough agents to carry every planted problem on its own agent. */
const minAgents = 20;
/** Genesys's cap for one business unit. */
const maxAgents = 5000;

function checkOptions(opts: GeneratorOptions): void {
  if (!Number.isInteger(opts.agents) || opts.agents < minAgents || opts.agents > maxAgents) {
    throw new RangeError(`agents must be a whole number from ${minAgents} to ${maxAgents}, got ${opts.agents}`);
  }
  if (!Number.isInteger(opts.weeks) || opts.weeks < 1 || opts.weeks > 52)
    throw new RangeError(`weeks must be a whole number from 1 to 52, got ${opts.weeks}`);
  if (Number.isNaN(opts.now.getTime())) throw new RangeError('now is not a valid date');
}

interface WeekInputs {
  bu: BusinessUnitState;
  agents: AgentPlan[];
  codes: CodeBook;
  transitions: number[];
  nowMs: number;
  currentWeekDate: string;
  supervisorId: string;
}

/** One week's schedule: past and current weeks published, later weeks still drafts. */
function buildWeek(weekDate: string, inputs: WeekInputs, rng: Rng): WeekBuild {
  const { bu, nowMs } = inputs;
  const days = Array.from({ length: 7 }, (_, d) => addDays(weekDate, d));
  const weekStart = wallClockMs(bu.timeZone, weekDate, 0);
  const weekEnd = wallClockMs(bu.timeZone, addDays(weekDate, 7), 0);
  // Schedules are built a few weeks ahead; all stamps lie before "now".
  const created = Math.min(weekStart - 21 * dayMs, nowMs - 7 * dayMs) - rng.int(0, 72) * hourMs;
  const modified = Math.min(created + rng.int(2, 14) * dayMs, nowMs - rng.int(1, 36) * hourMs);
  const agentSchedules = new Map<string, AgentScheduleState>();
  for (const agent of inputs.agents) {
    const r = agent.rng.fork(`week:${weekDate}`);
    agentSchedules.set(agent.user.id, {
      userId: agent.user.id,
      managementUnitId: agent.unit.id,
      version: r.int(1, 3),
      shifts: buildWeekShifts(agent, days, inputs.transitions, inputs.codes, r),
      fullDayTimeOffMarkers: [],
      dateModified: isoInstant(Math.max(created, modified - r.int(0, 600) * minuteMs)),
    });
  }
  const schedule = {
    id: rng.uuid(),
    businessUnitId: bu.id,
    weekDate,
    weekCount: 1,
    description: `Week of ${weekDate}`,
    published: weekDate <= inputs.currentWeekDate,
    version: rng.int(1, 4),
    dateCreated: isoInstant(created),
    dateModified: isoInstant(modified),
    modifiedByUserId: inputs.supervisorId,
    createdByUserId: inputs.supervisorId,
    agentSchedules,
  };
  const hasTransition = inputs.transitions.some((t) => t > weekStart - 12 * hourMs && t < weekEnd + 12 * hourMs);
  return { weekDate, days, schedule, hasTransition };
}

export function generateOrg(opts: GeneratorOptions): { org: OrgState; manifest: SandboxManifest } {
  checkOptions(opts);
  const root = createRng(opts.seed);
  const nowMs = opts.now.getTime();
  const names = new NameBook('sandbox-org.example');

  const supervisors: SandboxUser[] = Array.from({ length: 4 }, (_, i) => {
    const r = root.fork(`supervisor:${i}`);
    return { id: r.fork('id').uuid(), ...names.next(r.fork('name')) };
  });
  const supervisorId = supervisors[0]?.id ?? '';

  const buId = root.fork('businessUnit').uuid();
  const groups = drawGroups(root, opts.agents);
  const groupSizes = unitGroups.map((_, g) => groups.filter((x) => x === g).length);
  const units = buildManagementUnits(root.fork('managementUnits'), buId, groupSizes);
  const codes = buildActivityCodes(root.fork('activityCodes'));
  const agents = placeAgents(root, groups, units, names, maxAgentsPerUnit);

  const window = scheduleWindow(opts.now, businessUnitZone, opts.weeks);
  const roles = choosePlantRoles(agents, businessUnitZone, window.transitionMs !== null, root.fork('plantRoles'));
  const plantedIds = new Set(Object.values(roles).flatMap((list: AgentPlan[]) => list.map((a) => a.user.id)));

  const bu: BusinessUnitState = {
    id: buId,
    name: businessUnitName,
    timeZone: businessUnitZone,
    startDayOfWeek: 'Monday',
    version: 1,
    managementUnits: units.flat(),
    activityCodes: Object.values(codes),
    schedules: new Map(),
    timeOffRequests: [],
  };

  // Offset changes of every zone in play, a little beyond the window, for the DST guard.
  const first = wallClockMs(businessUnitZone, window.weekDates[0] ?? window.currentWeekDate, 0) - 2 * dayMs;
  const last = first + (opts.weeks * 7 + 4) * dayMs;
  const zones = new Set([businessUnitZone, ...bu.managementUnits.map((mu) => mu.timeZone)]);
  const transitions = [...zones].flatMap((zone) => transitionsBetween(zone, first, last));

  const inputs: WeekInputs = {
    bu,
    agents,
    codes,
    transitions,
    nowMs,
    currentWeekDate: window.currentWeekDate,
    supervisorId,
  };
  const weeks = window.weekDates.map((weekDate) => buildWeek(weekDate, inputs, root.fork(`week:${weekDate}`)));
  for (const week of weeks) bu.schedules.set(week.schedule.id, week.schedule);
  // From the weeks as built, before time off and the planted problems change them; each schedule names its week's.
  bu.planningGroups = buildPlanningGroups(root.fork('planningGroups'));
  bu.shortTermForecasts = buildForecasts(
    { bu, planningGroups: bu.planningGroups, agents, weeks, onQueueId: codes.onQueue.id, supervisorId, nowMs },
    root.fork('forecasts'),
  );
  const forecastOfWeek = new Map(
    [...bu.shortTermForecasts.values()].map((f) => [
      f.weekDate,
      { id: f.id, weekDate: f.weekDate, description: f.description },
    ]),
  );
  for (const week of weeks) week.schedule.shortTermForecast = forecastOfWeek.get(week.weekDate);

  const ctx: BuildContext = {
    bu,
    codes,
    agents,
    weeks,
    nowMs,
    currentWeekDate: window.currentWeekDate,
    dstWeekDate: window.dstWeekDate,
  };
  addTimeOff(ctx, plantedIds);
  const currentWeek = weeks.find((w) => w.weekDate === window.currentWeekDate);
  const clean = currentWeek ? snapshotShifts(currentWeek) : new Map();
  const planted = plantProblems(ctx, roles, window.transitionMs, root.fork('plant'));
  const scripts = buildScriptSessions(ctx, plantedIds, root.fork('scriptSessions'));
  // Built last and kept out of ctx.weeks: the plants and script sessions above never see it.
  const revision = buildRevision(
    ctx,
    { clean, transitions, plantedIds, editorId: supervisors[1]?.id ?? supervisorId },
    root.fork('revision'),
  );
  revision.schedule.shortTermForecast = forecastOfWeek.get(revision.schedule.weekDate);
  bu.schedules.set(revision.schedule.id, revision.schedule);

  const org: OrgState = {
    id: root.fork('org').uuid(),
    name: 'Sandbox Org',
    thirdPartyOrgName: 'sandbox-org',
    businessUnits: new Map([[bu.id, bu]]),
    users: new Map([...supervisors, ...agents.map((a) => a.user)].map((u) => [u.id, u])),
    clients: buildClients(opts.seed, supervisorId),
    scriptSessions: scripts.sessions,
  };
  const manifest: SandboxManifest = {
    seed: opts.seed,
    businessUnitId: bu.id,
    agentCount: agents.length,
    weeks: weeks.map((w) => ({ weekDate: w.weekDate, scheduleId: w.schedule.id, published: w.schedule.published })),
    dstWeekDate: window.dstWeekDate,
    planted: [...planted, ...scripts.problems],
    revision: revision.manifest,
  };
  return { org, manifest };
}
