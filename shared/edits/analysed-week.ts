/**
 * An analysed week that follows edits: the input analysed in full once,
 * indexed by agent, plus the agents edited since, each agent's data whole.
 * Every edit then re-analyses only the agents it touched (see reanalyse.ts),
 * and the full input is only put together again when someone asks for it
 * (main's worker, a test comparing with a full pass).
 */
import { analyze } from '../analysis/analyze';
import type {
  AgentInput,
  AnalysisInput,
  Finding,
  FullDayTimeOffInput,
  ManagementUnitInput,
  ScriptSessionInput,
  ShiftInput,
  TimeOffRequestInput,
} from '../analysis/types';
import { coverageOf, type CoverageState } from './coverage-state';

/** Everything of one agent the analysis reads (every schedule of the input). */
export interface AgentData {
  shifts: readonly ShiftInput[];
  fullDayTimeOff: readonly FullDayTimeOffInput[];
  timeOffRequests: readonly TimeOffRequestInput[];
  scriptSessions: readonly ScriptSessionInput[];
  /** Keys of the agent's shifts the edits changed: they change in this publish whatever `changedShiftIds` said. */
  editedShiftIds: readonly string[];
  /** Held back: this publish changes none of the agent's shifts. */
  heldBack: boolean;
}

export interface AnalysedWeek {
  /** The input as analysed in full; its agents' data may since be replaced by `edited`. */
  readonly input: AnalysisInput;
  readonly base: ReadonlyMap<string, AgentData>;
  readonly edited: ReadonlyMap<string, AgentData>;
  readonly agents: ReadonlyMap<string, AgentInput>;
  readonly units: ReadonlyMap<string, ManagementUnitInput>;
  readonly draftSchedules: ReadonlySet<string>;
  /** The input's own `changedShiftIds`, or null for its default (every shift of a draft). */
  readonly explicitChanged: ReadonlySet<string> | null;
  /** In the analysis's order. */
  readonly findings: readonly Finding[];
  readonly coverage: CoverageState | null;
}

export const noData: AgentData = {
  shifts: [],
  fullDayTimeOff: [],
  timeOffRequests: [],
  scriptSessions: [],
  editedShiftIds: [],
  heldBack: false,
};

type Mutable = { -readonly [K in keyof AgentData]: AgentData[K] extends readonly (infer T)[] ? T[] : AgentData[K] };

function indexByAgent(input: AnalysisInput): Map<string, AgentData> {
  const index = new Map<string, Mutable>();
  const of = (agentId: string): Mutable => {
    let data = index.get(agentId);
    if (!data) {
      data = {
        shifts: [],
        fullDayTimeOff: [],
        timeOffRequests: [],
        scriptSessions: [],
        editedShiftIds: [],
        heldBack: false,
      };
      index.set(agentId, data);
    }
    return data;
  };
  for (const s of input.shifts ?? []) of(s.agentId).shifts.push(s);
  for (const m of input.fullDayTimeOff ?? []) of(m.agentId).fullDayTimeOff.push(m);
  for (const r of input.timeOffRequests ?? []) of(r.agentId).timeOffRequests.push(r);
  for (const s of input.scriptSessions ?? []) of(s.agentId).scriptSessions.push(s);
  return index;
}

export interface AnalysedWeekOptions {
  /** The findings of `analyze(input)` when the caller has them already (the mirror stores them); else they are computed. */
  findings?: readonly Finding[];
  /** Keep the on-queue coverage of this schedule's week up to date too. */
  coverage?: { scheduleId: string; weekDate: string };
}

/** One full pass (or the findings given): the starting point of incremental analysis. */
export function analysedWeek(input: AnalysisInput, options: AnalysedWeekOptions = {}): AnalysedWeek {
  const base = indexByAgent(input);
  return {
    input,
    base,
    edited: new Map(),
    agents: new Map((input.agents ?? []).map((a) => [a.id, a])),
    units: new Map((input.managementUnits ?? []).map((mu) => [mu.id, mu])),
    draftSchedules: new Set((input.schedules ?? []).filter((s) => s.published !== true).map((s) => s.id)),
    explicitChanged: Array.isArray(input.changedShiftIds) ? new Set(input.changedShiftIds) : null,
    findings: options.findings ?? analyze(input),
    coverage: options.coverage ? coverageOf(input, base, options.coverage.scheduleId, options.coverage.weekDate) : null,
  };
}

export function agentData(week: AnalysedWeek, agentId: string): AgentData {
  return week.edited.get(agentId) ?? week.base.get(agentId) ?? noData;
}

/** The shifts of an agent that change in this publish, as the analysis's `changedShiftIds` means it. */
export function changedShiftIdsOf(week: AnalysedWeek, data: AgentData): string[] {
  if (data.heldBack) return [];
  const edited = new Set(data.editedShiftIds);
  const explicit = week.explicitChanged;
  return data.shifts
    .filter((s) => edited.has(s.id) || (explicit ? explicit.has(s.id) : week.draftSchedules.has(s.scheduleId)))
    .map((s) => s.id);
}

/** The whole input as it stands after the edits: what a full re-analysis would be given. O(the week). */
export function currentInput(week: AnalysedWeek): AnalysisInput {
  const untouched = <T extends { agentId: string }>(list: readonly T[] | undefined) =>
    (list ?? []).filter((x) => !week.edited.has(x.agentId));
  const edited = [...week.edited.values()];
  const needsList = week.explicitChanged !== null || edited.some((d) => d.heldBack || d.editedShiftIds.length > 0);
  let changedShiftIds: string[] | undefined;
  if (needsList) {
    changedShiftIds = [];
    for (const [agentId, data] of week.base)
      if (!week.edited.has(agentId)) changedShiftIds.push(...changedShiftIdsOf(week, data));
    for (const data of edited) changedShiftIds.push(...changedShiftIdsOf(week, data));
  }
  const { changedShiftIds: _given, ...rest } = week.input;
  return {
    ...rest,
    shifts: [...untouched(week.input.shifts), ...edited.flatMap((d) => d.shifts)],
    fullDayTimeOff: [...untouched(week.input.fullDayTimeOff), ...edited.flatMap((d) => d.fullDayTimeOff)],
    timeOffRequests: [...untouched(week.input.timeOffRequests), ...edited.flatMap((d) => d.timeOffRequests)],
    scriptSessions: [...untouched(week.input.scriptSessions), ...edited.flatMap((d) => d.scriptSessions)],
    ...(changedShiftIds ? { changedShiftIds } : {}),
  };
}
