/**
 * Per-agent rebase: after a re-read, what each agent of the publish should be
 * sent as, on top of what Genesys has now.
 *
 * - An agent the change set does not edit (a draft's unedited agent) takes
 *   theirs: nothing is sent for it.
 * - Genesys already has what we want (our earlier write landed, or the other
 *   editor did the same): nothing to send.
 * - Nobody touched the agent since our base (its own version did not move,
 *   or its content is still the base's): our week is re-applied as it is.
 * - The agent's version moved: our change is re-applied on top of theirs when
 *   the two do not overlap (week-merge.ts says exactly when); otherwise it is
 *   a **true conflict** for the supervisor, with both sides and a merge
 *   (ours winning the contested items) when that merge is possible.
 *
 * So an edit of theirs on an agent we did not touch is never lost, and an
 * edit of ours is never dropped silently: it is in what is sent, or in a
 * conflict. Each result carries the plan the upload builder takes.
 */
import { agentWeekMatches, type AgentWeek, type AgentWeekPlan } from './agent-week';
import type { VersionedWeek } from './agent-week-schema';
import { isContested, mergeWeeks, withoutUnknownIds, type Contested } from './week-merge';

/** Who changed the agent, and when (from the agent's schedule history, `changes[].metadata`). */
export interface ChangeStamp {
  modifiedBy: string;
  /** ISO instant. */
  modifiedAt: string;
}

export interface AgentRebaseInput {
  agentId: string;
  /** What our edit was made on, with its `baseAgentVersion`. */
  base: VersionedWeek;
  /** The week we intend; null for an agent the change set does not edit. */
  mine: AgentWeek | null;
  /** What Genesys has now, just re-read. */
  theirs: VersionedWeek;
  /** The agent's changes since the base, when the caller read its history: named in a merge or a conflict. */
  history?: readonly ChangeStamp[];
}

export interface AgentConflict {
  agentId: string;
  base: VersionedWeek;
  theirs: VersionedWeek;
  mine: AgentWeek;
  /** Their changes and ours together, ours winning the contested items; null when that would overlap shifts. */
  merge: AgentWeek | null;
  contested: Contested;
  changedBy: ChangeStamp[];
}

export type ConflictChoice = 'theirs' | 'mine' | 'merge';

export type AgentRebase =
  | { outcome: 'unedited'; agentId: string; plan: AgentWeekPlan }
  | { outcome: 'alreadyApplied'; agentId: string; plan: AgentWeekPlan }
  | { outcome: 'reapplied'; agentId: string; plan: AgentWeekPlan }
  | { outcome: 'merged'; agentId: string; plan: AgentWeekPlan; changedBy: ChangeStamp[] }
  | { outcome: 'conflict'; agentId: string; conflict: AgentConflict };

const planOn = (agentId: string, theirs: VersionedWeek, intended: AgentWeek): AgentWeekPlan => ({
  userId: agentId,
  current: theirs.version === null ? null : { ...theirs.week, version: theirs.version },
  intended: withoutUnknownIds(intended, theirs.week),
});

export function rebaseAgent(input: AgentRebaseInput): AgentRebase {
  const { agentId, base, mine, theirs } = input;
  const changedBy = [...(input.history ?? [])];
  if (mine === null) return { outcome: 'unedited', agentId, plan: planOn(agentId, theirs, theirs.week) };
  if (agentWeekMatches(theirs.week, mine))
    return { outcome: 'alreadyApplied', agentId, plan: planOn(agentId, theirs, theirs.week) };
  const untouched = theirs.version === base.version || agentWeekMatches(theirs.week, base.week);
  if (untouched) return { outcome: 'reapplied', agentId, plan: planOn(agentId, theirs, mine) };
  const { merged, contested } = mergeWeeks(base.week, mine, theirs.week);
  if (!isContested(contested)) {
    if (agentWeekMatches(theirs.week, merged))
      return { outcome: 'alreadyApplied', agentId, plan: planOn(agentId, theirs, theirs.week) };
    return { outcome: 'merged', agentId, plan: planOn(agentId, theirs, merged), changedBy };
  }
  const merge = contested.overlaps.length === 0 ? merged : null;
  return { outcome: 'conflict', agentId, conflict: { agentId, base, theirs, mine, merge, contested, changedBy } };
}

/** The supervisor's decision on a true conflict, as the plan to send (null: `merge` was not offered). */
export function resolveConflict(conflict: AgentConflict, choice: ConflictChoice): AgentWeekPlan | null {
  const { agentId, theirs } = conflict;
  if (choice === 'theirs') return planOn(agentId, theirs, theirs.week);
  if (choice === 'mine') return planOn(agentId, theirs, conflict.mine);
  return conflict.merge ? planOn(agentId, theirs, conflict.merge) : null;
}
