/**
 * Findings and coverage that follow every edit: only the agents an edit
 * touched are analysed again (one `analyze` over just their data, so a bulk
 * edit pays the analysis's fixed cost once), the other agents' findings are
 * kept as they were, and the lists are merged in the analysis's own order.
 * Every finding of an agent comes from that agent's data alone (shifts, time
 * off, sessions, and the week-wide zones and schedules no edit changes), so
 * the result is the full analysis's; the property test holds it to that.
 */
import { analyze } from '../analysis/analyze';
import { compareFindings } from '../analysis/finding';
import type {
  ActivityInput,
  AgentInput,
  AnalysisInput,
  Finding,
  ManagementUnitInput,
  ShiftInput,
} from '../analysis/types';
import type { AgentWeek } from '../publish/agent-week';
import { shiftInputs, timeOffInputs } from './agent-input';
import { agentData, changedShiftIdsOf, type AgentData, type AnalysedWeek } from './analysed-week';
import { agentsMs, onQueueCounts } from './coverage-state';
import { instantMs } from '../time/instant';

export interface AgentWeekUpdate {
  agentId: string;
  scheduleId: string;
  /** The agent's whole week of that schedule after the edits. */
  week: AgentWeek;
  /** The agent is held back from this publish (their shifts do not change in it). */
  heldBack?: boolean;
}

export interface CoverageChange {
  /** Agents on queue per interval after the edit, the whole week. */
  onQueue: number[];
  /** The intervals that changed: index, and agents on queue before and after. */
  changed: Array<{ interval: number; before: number; after: number }>;
}

export interface Reanalysis {
  week: AnalysedWeek;
  findings: Finding[];
  /** Findings the edit creates (by id), and those it resolves. */
  added: Finding[];
  removed: Finding[];
  coverage: CoverageChange | null;
}

const sameActivity = (a: ActivityInput, b: ActivityInput) =>
  instantMs(a.startDate) === instantMs(b.startDate) &&
  a.lengthMinutes === b.lengthMinutes &&
  a.activityCodeId === b.activityCodeId;

const sameShift = (a: ShiftInput, b: ShiftInput) =>
  instantMs(a.startDate) === instantMs(b.startDate) &&
  a.lengthMinutes === b.lengthMinutes &&
  a.activities.length === b.activities.length &&
  a.activities.every((x, i) => sameActivity(x, b.activities[i] as ActivityInput));

/**
 * The agent's data with one schedule's week replaced. Edited means: not as
 * the full analysis had it, so an edit undone is no longer a change.
 */
function updated(week: AnalysedWeek, data: AgentData, u: AgentWeekUpdate): AgentData {
  const base = (week.base.get(u.agentId)?.shifts ?? []).filter((s) => s.scheduleId === u.scheduleId);
  const original = new Map(base.map((s) => [s.id, s]));
  const shifts = shiftInputs(u.agentId, u.scheduleId, u.week);
  const ofSchedule = new Set(data.shifts.filter((s) => s.scheduleId === u.scheduleId).map((s) => s.id));
  const edited = new Set(data.editedShiftIds.filter((id) => !ofSchedule.has(id)));
  for (const s of shifts) {
    const old = original.get(s.id);
    if (!old || !sameShift(old, s)) edited.add(s.id);
  }
  return {
    ...data,
    shifts: [...data.shifts.filter((s) => s.scheduleId !== u.scheduleId), ...shifts],
    fullDayTimeOff: [
      ...data.fullDayTimeOff.filter((m) => m.scheduleId !== u.scheduleId),
      ...timeOffInputs(u.agentId, u.scheduleId, u.week),
    ],
    editedShiftIds: [...edited],
    heldBack: u.heldBack === true,
  };
}

/** The input of just these agents: the week-wide parts as they were, the agents' own data as it is now. */
function agentsInput(week: AnalysedWeek, touched: ReadonlyMap<string, AgentData>): AnalysisInput {
  const agents: AgentInput[] = [];
  const units = new Map<string, ManagementUnitInput>();
  for (const agentId of touched.keys()) {
    const agent = week.agents.get(agentId);
    if (!agent) continue;
    agents.push(agent);
    const unit = week.units.get(agent.managementUnitId);
    if (unit) units.set(unit.id, unit);
  }
  const all = [...touched.values()];
  return {
    ...week.input,
    managementUnits: [...units.values()],
    agents,
    shifts: all.flatMap((d) => d.shifts),
    fullDayTimeOff: all.flatMap((d) => d.fullDayTimeOff),
    timeOffRequests: all.flatMap((d) => d.timeOffRequests),
    scriptSessions: all.flatMap((d) => d.scriptSessions),
    changedShiftIds: all.flatMap((d) => changedShiftIdsOf(week, d)),
  };
}

/** Two lists in the analysis's order as one; an id in `fresh` is listed once, as `orderFindings` keeps it. */
function merge(kept: readonly Finding[], fresh: readonly Finding[]): Finding[] {
  const freshIds = new Set(fresh.map((f) => f.id));
  const listed = new Set<string>();
  const out: Finding[] = [];
  const push = (f: Finding) => {
    if (freshIds.has(f.id)) {
      if (listed.has(f.id)) return;
      listed.add(f.id);
    }
    out.push(f);
  };
  let i = 0;
  let j = 0;
  while (i < kept.length || j < fresh.length) {
    const a = kept[i];
    const b = fresh[j];
    if (b === undefined || (a !== undefined && compareFindings(a, b) <= 0)) {
      push(a as Finding);
      i++;
    } else {
      push(b);
      j++;
    }
  }
  return out;
}

function coverageChange(week: AnalysedWeek, touched: ReadonlyMap<string, AgentData>) {
  const state = week.coverage;
  if (!state) return { state: null, change: null };
  // Two counters for all the touched agents, not two per agent: a bulk edit on an MU is 1,500 agents.
  const before = agentsMs(
    state,
    [...touched.keys()].map((agentId) => agentData(week, agentId).shifts),
  );
  const after = agentsMs(
    state,
    [...touched.values()].map((d) => d.shifts),
  );
  const ms = Float64Array.from(state.ms);
  for (let i = 0; i < ms.length; i++) ms[i] = (ms[i] as number) + (after[i] as number) - (before[i] as number);
  const next = { ...state, ms };
  const intervalMs = state.grid.intervalMinutes * 60_000;
  const changed: CoverageChange['changed'] = [];
  for (let i = 0; i < ms.length; i++)
    if (ms[i] !== state.ms[i])
      changed.push({
        interval: i,
        before: (state.ms[i] as number) / intervalMs,
        after: (ms[i] as number) / intervalMs,
      });
  return { state: next, change: { onQueue: onQueueCounts(next), changed } };
}

export function reanalyseAgents(week: AnalysedWeek, updates: readonly AgentWeekUpdate[]): Reanalysis {
  const touched = new Map<string, AgentData>();
  for (const u of updates)
    touched.set(u.agentId, updated(week, touched.get(u.agentId) ?? agentData(week, u.agentId), u));
  const fresh = analyze(agentsInput(week, touched)).filter((f) => f.agentId !== null && touched.has(f.agentId));
  const kept: Finding[] = [];
  const before = new Map<string, Finding>();
  for (const f of week.findings) {
    if (f.agentId !== null && touched.has(f.agentId)) before.set(f.id, f);
    else kept.push(f);
  }
  const freshIds = new Set(fresh.map((f) => f.id));
  const { state, change } = coverageChange(week, touched);
  const findings = merge(kept, fresh);
  const edited = new Map(week.edited);
  for (const [agentId, data] of touched) edited.set(agentId, data);
  return {
    week: { ...week, edited, findings, coverage: state },
    findings,
    added: fresh.filter((f) => !before.has(f.id)),
    removed: [...before.values()].filter((f) => !freshIds.has(f.id)),
    coverage: change,
  };
}
