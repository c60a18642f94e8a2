/**
 * The one step "an intent and the agents' weeks → the edit's changes": the
 * only caller of the pure edit functions of shared/edits/ (applyIntent,
 * intentLabel, describeChange), so the store and the contract do not care
 * how an edit kind is computed.
 */
import { applyReadIntent, readIntent } from '../../../shared/edits/apply';
import type { EditContext } from '../../../shared/edits/context';
import { describeChange } from '../../../shared/edits/describe';
import { intentLabel } from '../../../shared/edits/labels';
import type { AgentChange, EditIntent } from '../../../shared/edits/types';
import type { AgentWeek } from '../../../shared/publish/agent-week';
import { weekJson } from '../../mirror/edits/edit-rows';

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

// What the store would keep, compared as the text it keeps (made once per week, then written as is).
const sameWeek = (a: AgentWeek, b: AgentWeek) => a === b || weekJson(a) === weekJson(b);

/**
 * `withPublished`: only holdBack reads the published week, and for a bulk
 * edit reading it means reading a second schedule's weeks for every agent.
 */
function contextFor(unit: UnitContext, agentId: string, withName: boolean, withPublished: boolean): EditContext {
  const name = withName ? unit.agentName(agentId) : undefined;
  return {
    timeZone: unit.timeZone,
    activityCodes: unit.activityCodes,
    ...(withPublished ? { publishedWeek: unit.publishedWeek(agentId) } : {}),
    ...(name ? { agentName: name } : {}),
  };
}

const readsPublished = (intent: EditIntent) => intent.kind === 'holdBack';

/** The changes of some agents, appended to `into`: a bulk edit runs this a slice of its agents at a time. */
export function addChangesOf(
  intent: EditIntent,
  bases: readonly AgentBase[],
  unit: UnitContext,
  into: Omit<ComputedChanges, 'label'>,
): void {
  const withPublished = readsPublished(intent);
  const read = readIntent(intent);
  for (const base of bases) {
    const outcome = read.ok
      ? applyReadIntent(base.week, read.intent, contextFor(unit, base.agentId, false, withPublished))
      : read;
    if (!outcome.ok) {
      into.skipped.push({ agentId: base.agentId, problems: outcome.problems });
      continue;
    }
    // Holding back an agent whose week already is the published one still matters: publish must leave them alone.
    if (!outcome.heldBack && sameWeek(outcome.week, base.week)) {
      into.skipped.push({ agentId: base.agentId, problems: ['This edit changes nothing in the agent’s week.'] });
      continue;
    }
    into.changes.push({
      agentId: base.agentId,
      baseAgentVersion: base.baseAgentVersion,
      before: base.week,
      after: outcome.week,
      ...(outcome.heldBack ? { heldBack: true } : {}),
    });
  }
}

/** The edit in words once every agent's change is known: said of the first agent it changed (or was asked), before it. */
export function labelOf(
  intent: EditIntent,
  firstBase: (agentId: string | undefined) => AgentBase | undefined,
  changes: readonly AgentChange[],
  unit: UnitContext,
): string {
  const first = firstBase(changes[0]?.agentId);
  const label = first
    ? intentLabel(intent, first.week, contextFor(unit, first.agentId, changes.length <= 1, readsPublished(intent)))
    : intent.kind;
  return changes.length > 1 ? `${label} for ${changes.length} agents` : label;
}

export function changesFor(intent: EditIntent, bases: readonly AgentBase[], unit: UnitContext): ComputedChanges {
  const computed: Omit<ComputedChanges, 'label'> = { changes: [], skipped: [] };
  addChangesOf(intent, bases, unit, computed);
  const firstBase = (agentId: string | undefined) => bases.find((b) => b.agentId === agentId) ?? bases[0];
  return { label: labelOf(intent, firstBase, computed.changes, unit), ...computed };
}

/** One agent's base week against their effective week, in words, on the BU's clock. */
export function describeAgentChange(change: AgentChange, unit: UnitContext): string[] {
  return describeChange(change, contextFor(unit, change.agentId, false, false));
}
