/**
 * The one step "an intent and the agents' weeks → the edit's changes": the
 * only caller of the pure edit functions, so the store and the contract do
 * not care which build of them runs (the interim ones until shared/edits/
 * has applyIntent and describeChange).
 */
import type { AgentChange, EditIntent } from '../../../shared/edits/types';
import type { AgentWeek } from '../../../shared/publish/agent-week';
import { interimApplyIntent, interimDescribeChange, interimLabel, type IntentContext } from './interim-intents';

/** What an agent's next edit starts from: their effective week (pending edits applied) and that chain's base version. */
export interface AgentBase {
  agentId: string;
  week: AgentWeek;
  baseAgentVersion: number | null;
}

export interface ComputedChanges {
  /** The intent in words, without the agents. */
  label: string;
  changes: AgentChange[];
  /** Agents the intent could not apply to (a bulk edit goes on without them). */
  skipped: Array<{ agentId: string; problems: string[] }>;
}

export type { IntentContext };

const sameWeek = (a: AgentWeek, b: AgentWeek) => JSON.stringify(a) === JSON.stringify(b);

export function changesFor(intent: EditIntent, bases: readonly AgentBase[], ctx: IntentContext): ComputedChanges {
  const changes: AgentChange[] = [];
  const skipped: ComputedChanges['skipped'] = [];
  const heldBack = intent.kind === 'holdBack';
  for (const base of bases) {
    const outcome = interimApplyIntent(base.agentId, base.week, intent, ctx);
    if (!outcome.ok) {
      skipped.push({ agentId: base.agentId, problems: outcome.problems });
      continue;
    }
    // Holding back an agent whose week already is the published one still matters: publish must leave them alone.
    if (!heldBack && sameWeek(outcome.week, base.week)) {
      skipped.push({ agentId: base.agentId, problems: ['This edit changes nothing in the agent’s week.'] });
      continue;
    }
    changes.push({
      agentId: base.agentId,
      baseAgentVersion: base.baseAgentVersion,
      before: base.week,
      after: outcome.week,
      ...(heldBack ? { heldBack: true } : {}),
    });
  }
  return { label: interimLabel(intent), changes, skipped };
}

/** One agent's base week against their effective week, in words. */
export function describeAgentChange(before: AgentWeek, after: AgentWeek, heldBack: boolean): string[] {
  const lines = interimDescribeChange(before, after);
  return heldBack ? ['Held back: this publish leaves the agent as they are published now', ...lines] : lines;
}
