/**
 * Scripted conversations for analytics: three still running (the planted
 * script sessions) and a trail of finished ones over the last eight hours.
 * Nothing starts after "now".
 */
import type { Rng } from '../random';
import type { AgentPlan } from './agents';
import { isoInstant, minuteMs } from './calendar';
import { agentWeek, shiftEndMs, type BuildContext, type WeekBuild } from './context';
import type { PlantedProblem, ScriptSessionState } from './model';
import { shuffled } from './roles';
import { unitGroups } from './structure';

const activeCount = 3;

export function buildScriptSessions(
  ctx: BuildContext,
  planted: Set<string>,
  rng: Rng,
): { sessions: ScriptSessionState[]; problems: PlantedProblem[] } {
  const scripts = ['Card dispute', 'Address change', 'Retention offer'].map((label) =>
    rng.fork(`script:${label}`).uuid(),
  );
  const queues = unitGroups.map((g) => rng.fork(`queue:${g.queueLabel}`).uuid());
  const session = (agent: AgentPlan, start: number, end: number | null, r: Rng): ScriptSessionState => ({
    conversationId: r.uuid(),
    userId: agent.user.id,
    scriptId: r.pick(scripts),
    queueId: queues[agent.group] ?? r.pick(queues),
    start: isoInstant(start),
    end: end === null ? null : isoInstant(end),
  });

  const current = ctx.weeks.findIndex((w) => w.weekDate === ctx.currentWeekDate);
  const nearWeeks = ctx.weeks.slice(current, current + 2);
  const weekWithShift = (agent: AgentPlan): WeekBuild | undefined =>
    nearWeeks.find((w) => agentWeek(w, agent).shifts.length > 0);
  const onShiftNow = (agent: AgentPlan) =>
    nearWeeks.some((w) =>
      agentWeek(w, agent).shifts.some((s) => Date.parse(s.startDate) <= ctx.nowMs && shiftEndMs(s) > ctx.nowMs),
    );
  // Agents on shift right now first: a live conversation off shift would be odd.
  const pool = shuffled(
    ctx.agents.filter((a) => !planted.has(a.user.id) && weekWithShift(a)),
    rng.fork('activeOrder'),
  );
  const onShift = pool.filter(onShiftNow);
  const active = (
    onShift.length >= activeCount ? onShift : [...onShift, ...pool.filter((a) => !onShift.includes(a))]
  ).slice(0, activeCount);

  const sessions: ScriptSessionState[] = [];
  const problems: PlantedProblem[] = [];
  for (const agent of active) {
    const r = agent.rng.fork('scriptSession');
    const start = ctx.nowMs - r.int(5, 115) * minuteMs;
    sessions.push(session(agent, start, null, r));
    const week = weekWithShift(agent) as WeekBuild;
    problems.push({
      kind: 'scriptSession',
      businessUnitId: ctx.bu.id,
      scheduleId: week.schedule.id,
      weekDate: week.weekDate,
      userId: agent.user.id,
      managementUnitId: agent.unit.id,
      detail: `scripted conversation active since ${isoInstant(start)}`,
    });
  }

  const activeIds = new Set(active.map((a) => a.user.id));
  const others = ctx.agents.filter((a) => !activeIds.has(a.user.id));
  const endedCount = Math.min(60, Math.max(6, Math.round(ctx.agents.length / 50)));
  const endedRng = rng.fork('ended');
  for (let n = 0; n < endedCount && others.length; n++) {
    const agent = endedRng.pick(others);
    const start = ctx.nowMs - endedRng.int(30, 480) * minuteMs;
    sessions.push(session(agent, start, start + endedRng.int(3, 25) * minuteMs, endedRng));
  }
  sessions.sort((a, b) => a.start.localeCompare(b.start));
  return { sessions, problems };
}
