/**
 * The one step "an intent and the agents' weeks → the edit's changes": the
 * only caller of the pure edit functions of shared/edits/ (applyIntent,
 * intentLabel, describeChange), so the store and the contract do not care
 * how an edit kind is computed.
 */
import { applyIntent } from '../../../shared/edits/apply';
import type { EditContext } from '../../../shared/edits/context';
import { describeChange } from '../../../shared/edits/describe';
import { intentLabel } from '../../../shared/edits/labels';
import type { AgentChange, EditIntent } from '../../../shared/edits/types';
import type { AgentWeek } from '../../../shared/publish/agent-week';

/** What an agent's next edit starts from: their effective week (pending edits applied) and that chain's base version. */
export interface AgentBase {
  agentId: string;
  week: AgentWeek;
  baseAgentVersion: number | null;
}

/** The unit's side of the edit context, and per agent what only that agent has. */
export interface UnitContext {
  timeZone: string;
  activityCodes: EditContext['activityCodes'];
  /** The week the agent sees published now; null when nothing is published for them. */
  publishedWeek(agentId: string): AgentWeek | null;
  agentName(agentId: string): string | undefined;
}

export interface ComputedChanges {
  /** The edit in words, naming the agent (one) or how many (a bulk edit). */
  label: string;
  changes: AgentChange[];
  /** Agents the intent could not apply to, with why (a bulk edit goes on without them). */
  skipped: Array<{ agentId: string; problems: string[] }>;
}

const sameWeek = (a: AgentWeek, b: AgentWeek) => JSON.stringify(a) === JSON.stringify(b);

function contextFor(unit: UnitContext, agentId: string, withName: boolean): EditContext {
  const name = withName ? unit.agentName(agentId) : undefined;
  return {
    timeZone: unit.timeZone,
    activityCodes: unit.activityCodes,
    publishedWeek: unit.publishedWeek(agentId),
    ...(name ? { agentName: name } : {}),
  };
}

export function changesFor(intent: EditIntent, bases: readonly AgentBase[], unit: UnitContext): ComputedChanges {
  const changes: AgentChange[] = [];
  const skipped: ComputedChanges['skipped'] = [];
  for (const base of bases) {
    const outcome = applyIntent(base.week, intent, contextFor(unit, base.agentId, false));
    if (!outcome.ok) {
      skipped.push({ agentId: base.agentId, problems: outcome.problems });
      continue;
    }
    // Holding back an agent whose week already is the published one still matters: publish must leave them alone.
    if (!outcome.heldBack && sameWeek(outcome.week, base.week)) {
      skipped.push({ agentId: base.agentId, problems: ['This edit changes nothing in the agent’s week.'] });
      continue;
    }
    changes.push({
      agentId: base.agentId,
      baseAgentVersion: base.baseAgentVersion,
      before: base.week,
      after: outcome.week,
      ...(outcome.heldBack ? { heldBack: true } : {}),
    });
  }
  // Said of the week before the edit (the shift it names is there then): the first agent it changed, or was asked.
  const first = bases.find((b) => b.agentId === changes[0]?.agentId) ?? bases[0];
  const label = first
    ? intentLabel(intent, first.week, contextFor(unit, first.agentId, changes.length <= 1))
    : intent.kind;
  return { label: changes.length > 1 ? `${label} for ${changes.length} agents` : label, changes, skipped };
}

/** One agent's base week against their effective week, in words, on the BU's clock. */
export function describeAgentChange(change: AgentChange, unit: UnitContext): string[] {
  return describeChange(change, contextFor(unit, change.agentId, false));
}
