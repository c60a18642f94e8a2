/**
 * One edit for many agents (a whole MU at a time): the same intent, or one
 * built per agent, on each agent's week. Agents it cannot apply to are
 * skipped with why, the others changed; the result is one pending edit's
 * `changes`, so the whole bulk edit is one undo step.
 */
import type { FindingKind } from '../analysis/types';
import type { AgentWeek } from '../publish/agent-week';
import { shiftContent } from '../publish/agent-week';
import type { AnalysedWeek } from './analysed-week';
import { applyIntent, applyReadIntent, readIntent } from './apply';
import type { EditContext } from './context';
import { reanalyseAgents, type Reanalysis } from './reanalyse';
import { shiftKey } from './shift-ref';
import type { AgentChange, EditIntent } from './types';

export interface BulkAgent {
  week: AgentWeek;
  /** The agent schedule's version the edit is made on (the change's base). */
  baseAgentVersion: number | null;
  /** For holdBack: the week the agent sees published now (see EditContext). */
  publishedWeek?: AgentWeek | null;
  name?: string;
}

/** The intent for every agent, or one per agent (null: leave that agent out, without a reason). */
export type IntentFor = EditIntent | ((agentId: string, agent: BulkAgent) => EditIntent | null);

export interface BulkResult {
  changes: AgentChange[];
  skipped: Array<{ agentId: string; problems: string[] }>;
}

export function applyBulk(agents: ReadonlyMap<string, BulkAgent>, intentFor: IntentFor, ctx: EditContext): BulkResult {
  const changes: AgentChange[] = [];
  const skipped: BulkResult['skipped'] = [];
  // One intent for all: read once (per agent, zod would cost more than the edits).
  const shared = typeof intentFor === 'function' ? null : readIntent(intentFor);
  for (const [agentId, agent] of agents) {
    const intent = typeof intentFor === 'function' ? intentFor(agentId, agent) : intentFor;
    if (intent === null) continue;
    const own: EditContext = {
      ...ctx,
      ...(agent.publishedWeek !== undefined ? { publishedWeek: agent.publishedWeek } : {}),
      ...(agent.name !== undefined ? { agentName: agent.name } : {}),
    };
    const result = !shared
      ? applyIntent(agent.week, intent, own)
      : shared.ok
        ? applyReadIntent(agent.week, shared.intent, own)
        : shared;
    if (!result.ok) skipped.push({ agentId, problems: result.problems });
    else
      changes.push({
        agentId,
        baseAgentVersion: agent.baseAgentVersion,
        before: agent.week,
        after: result.week,
        ...(result.heldBack ? { heldBack: true } : {}),
      });
  }
  return { changes, skipped };
}

/** Shifts dropped, changed or added between two weeks of an agent. */
export function shiftsTouched(before: AgentWeek, after: AgentWeek): number {
  const was = new Map(before.shifts.map((s, i) => [shiftKey(s, i), s]));
  let touched = 0;
  const kept = new Set<string>();
  after.shifts.forEach((s, i) => {
    const key = shiftKey(s, i);
    kept.add(key);
    const old = was.get(key);
    if (!old || (old !== s && shiftContent(old) !== shiftContent(s))) touched++;
  });
  for (const key of was.keys()) if (!kept.has(key)) touched++;
  return touched;
}

export interface BulkSummary {
  agentsTouched: number;
  agentsSkipped: number;
  shiftsTouched: number;
  /** Findings the edit would create, and resolve, by kind. */
  newFindings: Partial<Record<FindingKind, number>>;
  resolvedFindings: Partial<Record<FindingKind, number>>;
  newErrors: number;
}

const byKind = (findings: ReadonlyArray<{ kind: FindingKind }>) => {
  const out: Partial<Record<FindingKind, number>> = {};
  for (const f of findings) out[f.kind] = (out[f.kind] ?? 0) + 1;
  return out;
};

/** What the bulk preview says, from one re-analysis of just the agents it changes. */
export function previewBulk(
  result: BulkResult,
  analysis: AnalysedWeek,
  scheduleId: string,
): { summary: BulkSummary; reanalysis: Reanalysis } {
  const reanalysis = reanalyseAgents(
    analysis,
    result.changes.map((c) => ({ agentId: c.agentId, scheduleId, week: c.after, heldBack: c.heldBack === true })),
  );
  return {
    summary: {
      agentsTouched: result.changes.length,
      agentsSkipped: result.skipped.length,
      shiftsTouched: result.changes.reduce((n, c) => n + shiftsTouched(c.before, c.after), 0),
      newFindings: byKind(reanalysis.added),
      resolvedFindings: byKind(reanalysis.removed),
      newErrors: reanalysis.added.filter((f) => f.severity === 'error').length,
    },
    reanalysis,
  };
}
