/**
 * Which agents a bulk edit goes to: picked one by one (the row's checkbox), a run of rows (shift-click
 * from the last one picked), every agent the current filter shows, or a whole management unit from its
 * header. Pure, over the grid's rows in screen order; the selection keeps the order it was made in.
 */
import type { RowItem } from '../timeline/roster-rows';

export interface AgentSelection {
  agentIds: readonly string[];
  /** The last agent picked alone: where a shift-click's run starts. */
  anchor: string | null;
}

export const noSelection: AgentSelection = { agentIds: [], anchor: null };

const agentsOf = (rows: readonly RowItem[]): string[] => rows.flatMap((r) => (r.kind === 'agent' ? [r.agentId] : []));

export function toggleAgent(sel: AgentSelection, agentId: string): AgentSelection {
  const has = sel.agentIds.includes(agentId);
  return {
    agentIds: has ? sel.agentIds.filter((id) => id !== agentId) : [...sel.agentIds, agentId],
    anchor: agentId,
  };
}

/** Shift-click: every agent row between the anchor and `agentId`, both included, added to the selection. */
export function selectRun(sel: AgentSelection, rows: readonly RowItem[], agentId: string): AgentSelection {
  const order = agentsOf(rows);
  const to = order.indexOf(agentId);
  const from = sel.anchor === null ? -1 : order.indexOf(sel.anchor);
  if (to === -1) return sel;
  if (from === -1) return toggleAgent(sel, agentId);
  const run = order.slice(Math.min(from, to), Math.max(from, to) + 1);
  return { agentIds: union(sel.agentIds, run), anchor: sel.anchor };
}

/** "Select all shown": the agents the filter shows (folded units included: they match the filter too). */
export function selectAll(sel: AgentSelection, rosterAgentIds: readonly string[]): AgentSelection {
  return { agentIds: union(sel.agentIds, rosterAgentIds), anchor: sel.anchor };
}

/** A unit's header: all of its agents, or none of them when all are already selected. */
export function toggleUnit(sel: AgentSelection, unitAgentIds: readonly string[]): AgentSelection {
  const chosen = new Set(sel.agentIds);
  const all = unitAgentIds.length > 0 && unitAgentIds.every((id) => chosen.has(id));
  if (!all) return { agentIds: union(sel.agentIds, unitAgentIds), anchor: sel.anchor };
  const leaving = new Set(unitAgentIds);
  return { agentIds: sel.agentIds.filter((id) => !leaving.has(id)), anchor: sel.anchor };
}

/** Agents no longer shown (a new filter, another unit) drop out, so a bulk edit never reaches an unseen agent. */
export function keepShown(sel: AgentSelection, rosterAgentIds: readonly string[]): AgentSelection {
  const shown = new Set(rosterAgentIds);
  const agentIds = sel.agentIds.filter((id) => shown.has(id));
  return agentIds.length === sel.agentIds.length ? sel : { agentIds, anchor: sel.anchor };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set(a);
  const out = [...a];
  for (const id of b) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}
