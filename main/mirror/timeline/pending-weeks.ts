/**
 * The pending change set as the timeline and the analysis read it: per agent
 * and schedule, the last applied edit (the agent's effective week is its
 * `after`). Two reads, both driven by the indexes of migration 006:
 * - the effective weeks of a page of agents (one query per timeline window,
 *   whatever the page's size, and nothing read for agents without edits);
 * - which edit each agent's week stands at, without reading a single week:
 *   what tells a cached count or analysis which agents moved since.
 */
import type Database from 'better-sqlite3';
import type { AgentWeek } from '../../../shared/publish/agent-week';
import { weekOf } from '../edits/edit-rows';
import { prepared } from '../statement-cache';

export interface PendingAgentWeek {
  agentId: string;
  scheduleId: string;
  /** The last applied edit that changed the agent in that schedule. */
  editId: string;
  week: AgentWeek;
  heldBack: boolean;
}

/**
 * The effective weeks of `agentIds` in the unit's mirrored schedules (or one
 * of them). The page's agents are the outer loop (CROSS JOIN: the planner has
 * no statistics for json_each), each one probing the by-agent index; an
 * agent's change is theirs when no later applied edit of that schedule
 * changed them too (no GROUP BY: nothing sorted per window).
 */
export function pendingWeeksOf(
  db: Database.Database,
  q: { businessUnitId: string; scheduleId?: string | undefined },
  agentIds: readonly string[],
): PendingAgentWeek[] {
  if (agentIds.length === 0) return [];
  const rows = prepared(
    db,
    `SELECT c.agent_id, e.schedule_id, e.id, c.after_json, c.held_back
     FROM json_each(@ids) j CROSS JOIN pending_agent_changes c ON c.agent_id = j.value
       CROSS JOIN pending_edits e ON e.id = c.edit_id
     WHERE e.business_unit_id = @bu AND e.state = 'applied' ${q.scheduleId ? 'AND e.schedule_id = @schedule' : ''}
       AND EXISTS (SELECT 1 FROM schedules s WHERE s.id = e.schedule_id)
       AND NOT EXISTS (SELECT 1 FROM pending_agent_changes c2 CROSS JOIN pending_edits e2 ON e2.id = c2.edit_id
         WHERE c2.agent_id = c.agent_id AND e2.schedule_id = e.schedule_id AND e2.state = 'applied' AND e2.seq > e.seq)`,
  )
    .raw()
    .all({ ids: JSON.stringify(agentIds), bu: q.businessUnitId, schedule: q.scheduleId }) as Array<
    [string, string, string, string, number]
  >;
  return rows.map(([agentId, scheduleId, editId, json, heldBack]) => ({
    agentId,
    scheduleId,
    editId,
    week: weekOf(json, `the pending week of agent ${agentId}`),
    heldBack: heldBack === 1,
  }));
}

/** Agent id → the id of the last applied edit that changed them in the schedule: where each pending week stands. */
export type PendingMarks = ReadonlyMap<string, string>;

export function pendingMarks(db: Database.Database, scheduleId: string): PendingMarks {
  const rows = prepared(
    db,
    `WITH last AS (
       SELECT c.agent_id AS agentId, max(e.seq) AS seq
       FROM pending_edits e JOIN pending_agent_changes c ON c.edit_id = e.id
       WHERE e.schedule_id = @schedule AND e.state = 'applied'
       GROUP BY c.agent_id)
     SELECT l.agentId, e.id FROM last l CROSS JOIN pending_edits e ON e.schedule_id = @schedule AND e.seq = l.seq`,
  )
    .raw()
    .all({ schedule: scheduleId }) as Array<[string, string]>;
  return new Map(rows);
}

/** The agents whose pending week differs between two marks (edited, undone, redone or discarded in between). */
export function movedAgents(before: PendingMarks, after: PendingMarks): string[] {
  const moved: string[] = [];
  for (const [agentId, editId] of after) if (before.get(agentId) !== editId) moved.push(agentId);
  for (const agentId of before.keys()) if (!after.has(agentId)) moved.push(agentId);
  return moved;
}
