/**
 * Reads of a schedule's pending change set. The effective week of every
 * agent with pending changes is one query (the last applied edit's `after`
 * per agent), because the timeline and the analysis overlay it on the
 * mirror's weeks for a whole schedule at a time.
 */
import type Database from 'better-sqlite3';
import type { ChangeSetStatus, EffectiveAgentWeek, PendingEditSummary } from '../../../shared/contract/edits';
import type { AgentChange, PendingEdit } from '../../../shared/edits/types';
import type { AgentWeek } from '../../../shared/publish/agent-week';
import { prepared } from '../statement-cache';
import { editColumns, summaryOf, weekOf, type EditRow } from './edit-rows';

/** An agent's first applied change: the week and version the agent's pending edits started from. */
export interface AgentBaseWeek {
  agentId: string;
  week: AgentWeek;
  baseAgentVersion: number | null;
}

// Only some agents: a JSON array of ids. A text of its own rather than `@agents IS NULL OR …`, so that
// SQLite can start from the agents' index instead of every change of the schedule.
const someAgents = (some: boolean) => (some ? `c.agent_id IN (SELECT value FROM json_each(@agents))` : '1');

export function createChangeSetReads(db: Database.Database) {
  const sql = (text: string) => prepared(db, text);
  const params = (scheduleId: string, agentIds?: readonly string[]) =>
    agentIds ? { schedule: scheduleId, agents: JSON.stringify(agentIds) } : { schedule: scheduleId };

  /**
   * Per agent, the change of its last (or first) applied edit. The extreme
   * seq per agent comes from the indexes alone; only then is one week per
   * agent read, so the cost does not grow with the edits stacked on an agent
   * (CROSS JOIN keeps that order: SQLite would otherwise scan every change).
   */
  const extremeRows = (which: 'max' | 'min', some: boolean, select: string, rest: string) =>
    sql(`WITH extreme AS (
        SELECT c.agent_id AS agentId, ${which}(e.seq) AS seq
        FROM pending_edits e JOIN pending_agent_changes c ON c.edit_id = e.id
        WHERE e.schedule_id = @schedule AND e.state = 'applied' AND ${someAgents(some)}
        GROUP BY c.agent_id)
      SELECT ${select}
      FROM extreme x CROSS JOIN pending_edits e ON e.schedule_id = @schedule AND e.seq = x.seq
        CROSS JOIN pending_agent_changes c ON c.edit_id = e.id AND c.agent_id = x.agentId
      ${rest}`);
  const extremeChange = (which: 'max' | 'min', column: 'after_json' | 'before_json', some: boolean) =>
    extremeRows(
      which,
      some,
      `x.agentId, e.id AS editId, c.${column} AS weekJson, c.base_agent_version AS baseAgentVersion,
        c.held_back AS heldBack`,
      'ORDER BY x.agentId',
    );

  type ExtremeRow = {
    agentId: string;
    editId: string;
    weekJson: string;
    baseAgentVersion: number | null;
    heldBack: number;
  };

  function status(businessUnitId: string, scheduleId: string): ChangeSetStatus {
    const row = sql(`SELECT coalesce(sum(state = 'applied'), 0) AS applied, coalesce(sum(state = 'undone'), 0) AS undone
      FROM pending_edits WHERE schedule_id = ?`).get(scheduleId) as { applied: number; undone: number };
    return { businessUnitId, scheduleId, count: row.applied, canUndo: row.applied > 0, canRedo: row.undone > 0 };
  }

  function edits(scheduleId: string): PendingEditSummary[] {
    const rows = sql(`SELECT ${editColumns} FROM pending_edits e WHERE e.schedule_id = ? ORDER BY e.seq`).all(
      scheduleId,
    ) as EditRow[];
    return rows.map(summaryOf);
  }

  function edit(editId: string): PendingEditSummary | null {
    const row = sql(`SELECT ${editColumns} FROM pending_edits e WHERE e.id = ?`).get(editId) as EditRow | undefined;
    return row ? summaryOf(row) : null;
  }

  /** The week each agent will have after the applied edits; agents without pending changes are not listed. */
  function effectiveWeeks(scheduleId: string, agentIds?: readonly string[]): EffectiveAgentWeek[] {
    const rows = extremeChange('max', 'after_json', agentIds !== undefined).all(
      params(scheduleId, agentIds),
    ) as ExtremeRow[];
    return rows.map((r) => ({
      agentId: r.agentId,
      week: weekOf(r.weekJson, `the pending week of agent ${r.agentId}`),
      baseAgentVersion: r.baseAgentVersion,
      heldBack: r.heldBack === 1,
      editId: r.editId,
    }));
  }

  /** The week each agent with applied changes had before the first of them. */
  function baseWeeks(scheduleId: string, agentIds?: readonly string[]): AgentBaseWeek[] {
    const rows = extremeChange('min', 'before_json', agentIds !== undefined).all(
      params(scheduleId, agentIds),
    ) as ExtremeRow[];
    return rows.map((r) => ({
      agentId: r.agentId,
      week: weekOf(r.weekJson, `the base week of agent ${r.agentId}`),
      baseAgentVersion: r.baseAgentVersion,
    }));
  }

  /**
   * How many agents the applied edits send (their last change not held back): what `effectiveWeeks` would list
   * unheld, counted without parsing a week. Publish asks it before starting, of 1,000 edited agents.
   */
  function sendingAgentCount(scheduleId: string): number {
    return extremeRows('max', false, 'count(*)', 'WHERE c.held_back = 0')
      .pluck()
      .get({ schedule: scheduleId }) as number;
  }

  /** The applied edits whole, in order, with every agent's change: what publish uploads and rebases. */
  function appliedEdits(businessUnitId: string, scheduleId: string): PendingEdit[] {
    const changes = new Map<string, AgentChange[]>();
    for (const c of sql(`SELECT c.edit_id AS editId, c.agent_id AS agentId, c.base_agent_version AS baseAgentVersion,
        c.before_json AS beforeJson, c.after_json AS afterJson, c.held_back AS heldBack
      FROM pending_edits e JOIN pending_agent_changes c ON c.edit_id = e.id
      WHERE e.schedule_id = ? AND e.state = 'applied' ORDER BY e.seq, c.agent_id`).all(scheduleId) as Array<{
      editId: string;
      agentId: string;
      baseAgentVersion: number | null;
      beforeJson: string;
      afterJson: string;
      heldBack: number;
    }>) {
      let list = changes.get(c.editId);
      if (!list) changes.set(c.editId, (list = []));
      list.push({
        agentId: c.agentId,
        baseAgentVersion: c.baseAgentVersion,
        before: weekOf(c.beforeJson, `a week before of agent ${c.agentId}`),
        after: weekOf(c.afterJson, `a week after of agent ${c.agentId}`),
        ...(c.heldBack === 1 ? { heldBack: true } : {}),
      });
    }
    return edits(scheduleId)
      .filter((e) => e.state === 'applied')
      .map((e) => ({
        id: e.id,
        businessUnitId,
        scheduleId,
        seq: e.seq,
        createdAt: e.createdAt,
        label: e.label,
        source: e.source,
        intent: e.intent,
        baseScheduleVersion: e.baseScheduleVersion,
        changes: changes.get(e.id) ?? [],
      }));
  }

  /** Whether any edit (applied or undone) is kept for the schedule, e.g. after Genesys deleted it. */
  function hasEdits(businessUnitId: string, scheduleId: string): boolean {
    return (
      sql('SELECT 1 FROM pending_edits WHERE business_unit_id = ? AND schedule_id = ? LIMIT 1').get(
        businessUnitId,
        scheduleId,
      ) !== undefined
    );
  }

  return { status, edits, edit, effectiveWeeks, baseWeeks, sendingAgentCount, appliedEdits, hasEdits };
}
