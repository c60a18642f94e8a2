/**
 * "An edit that would create a new error says so before it is applied": the
 * edit on the agent's week, and what the analysis would then say, from the
 * analysis of that agent alone (reanalyse.ts). Nothing is kept: applying is
 * the store's business; the preview's `reanalysis.week` is what to carry on
 * with once it is.
 */
import type { Finding } from '../analysis/types';
import type { AgentWeek } from '../publish/agent-week';
import { applyIntent } from './apply';
import type { AnalysedWeek } from './analysed-week';
import type { EditContext } from './context';
import { reanalyseAgents, type Reanalysis } from './reanalyse';

export interface PreviewTarget {
  analysis: AnalysedWeek;
  agentId: string;
  scheduleId: string;
}

export type Preview =
  | {
      ok: true;
      week: AgentWeek;
      heldBack: boolean;
      added: Finding[];
      removed: Finding[];
      /** The errors the edit would create, in words; empty when it creates none. */
      warnings: string[];
      reanalysis: Reanalysis;
    }
  | { ok: false; problems: string[] };

export function newErrorWarnings(added: readonly Finding[]): string[] {
  return added.filter((f) => f.severity === 'error').map((f) => `This edit creates an error: ${f.explanation}`);
}

export function previewIntent(week: AgentWeek, intent: unknown, ctx: EditContext, target: PreviewTarget): Preview {
  const result = applyIntent(week, intent, ctx);
  if (!result.ok) return result;
  const heldBack = result.heldBack === true;
  const reanalysis = reanalyseAgents(target.analysis, [
    { agentId: target.agentId, scheduleId: target.scheduleId, week: result.week, heldBack },
  ]);
  return {
    ok: true,
    week: result.week,
    heldBack,
    added: reanalysis.added,
    removed: reanalysis.removed,
    warnings: newErrorWarnings(reanalysis.added),
    reanalysis,
  };
}
