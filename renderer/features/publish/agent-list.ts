/**
 * The per-agent state list: which agents a filter keeps (states and a name search), how many are in
 * each state, and the words and icon of each state. Pure.
 */
import type { AgentStatus, PublishAgentView } from '../../../shared/contract/publish';

export const agentStatuses: readonly AgentStatus[] = ['pending', 'applied', 'held', 'conflict', 'failed'];

/** Each state has an icon and a word; the colour only groups (it is never the only signal). */
export const statusLook: Record<
  AgentStatus,
  { icon: string; word: string; tone: 'info' | 'ok' | 'caution' | 'danger' }
> = {
  pending: { icon: '…', word: 'Pending', tone: 'info' },
  applied: { icon: '✓', word: 'Applied', tone: 'ok' },
  held: { icon: '‖', word: 'Held', tone: 'caution' },
  conflict: { icon: '⚠', word: 'Conflict', tone: 'danger' },
  failed: { icon: '✕', word: 'Failed', tone: 'danger' },
};

export function countByStatus(agents: readonly PublishAgentView[]): Record<AgentStatus, number> {
  const counts: Record<AgentStatus, number> = { pending: 0, applied: 0, held: 0, conflict: 0, failed: 0 };
  for (const a of agents) counts[a.status] += 1;
  return counts;
}

/** The name shown for an agent: the mirror's name, else its id (an agent the mirror does not know). */
export const agentLabel = (a: Pick<PublishAgentView, 'agentId' | 'agentName'>): string => a.agentName ?? a.agentId;

/**
 * The agents the filter keeps, in a stable order: those needing the supervisor first (conflict,
 * failed, held), then pending and applied, each by name.
 */
export function filterAgents(
  agents: readonly PublishAgentView[],
  statuses: readonly AgentStatus[],
  search: string,
): PublishAgentView[] {
  const wanted = statuses.length ? new Set(statuses) : null;
  const needle = search.trim().toLocaleLowerCase();
  const rank: Record<AgentStatus, number> = { conflict: 0, failed: 1, held: 2, pending: 3, applied: 4 };
  return agents
    .filter((a) => (!wanted || wanted.has(a.status)) && (!needle || agentLabel(a).toLocaleLowerCase().includes(needle)))
    .sort((a, b) => rank[a.status] - rank[b.status] || agentLabel(a).localeCompare(agentLabel(b)));
}

/** The agents a one-click retry applies to: conflicted and failed ones. */
export const retryable = (a: Pick<PublishAgentView, 'status'>): boolean =>
  a.status === 'conflict' || a.status === 'failed';
