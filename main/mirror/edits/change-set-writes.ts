/**
 * Writes to a schedule's pending change set. Each is ONE transaction: an
 * edit is in the file whole (every agent's change) or not at all, whatever
 * stops the process, and the undo and redo stacks move as one.
 *
 * The stacks: edits in `seq` order, 'applied' ones first, then 'undone' ones
 * (the redo stack). Undo marks the last applied edit undone, redo the first
 * undone one applied again, and a new edit clears the redo stack, as every
 * editor does: the undone edits were built on weeks the new one replaces.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AgentChange, EditIntent, EditSource, PendingEdit } from '../../../shared/edits/types';
import { badInput, OpsError } from '../../../shared/ops-error';
import { prepared } from '../statement-cache';
import { weekJson } from './edit-rows';
import { rememberWritten } from './written-weeks';

export interface NewEdit {
  businessUnitId: string;
  scheduleId: string;
  label: string;
  source: EditSource;
  intent: EditIntent;
  baseScheduleVersion: number;
  changes: readonly AgentChange[];
  createdAt: string;
}

interface LaterEdit {
  id: string;
  seq: number;
  state: 'applied' | 'undone';
  label: string;
  agentIdsJson: string;
}

export function createChangeSetWrites(db: Database.Database) {
  const sql = (text: string) => prepared(db, text);

  const apply = db.transaction((edit: NewEdit): PendingEdit => {
    if (edit.changes.length === 0) throw badInput('This edit changes no agent, so there is nothing to keep.');
    sql(`DELETE FROM pending_edits WHERE schedule_id = ? AND state = 'undone'`).run(edit.scheduleId);
    const seq =
      (sql('SELECT coalesce(max(seq), 0) FROM pending_edits WHERE schedule_id = ?')
        .pluck()
        .get(edit.scheduleId) as number) + 1;
    const id = randomUUID();
    sql(`INSERT INTO pending_edits (id, business_unit_id, schedule_id, seq, created_at, label, source_json, intent_json,
      base_schedule_version, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'applied')`).run(
      id,
      edit.businessUnitId,
      edit.scheduleId,
      seq,
      edit.createdAt,
      edit.label,
      JSON.stringify(edit.source),
      JSON.stringify(edit.intent),
      edit.baseScheduleVersion,
    );
    const change =
      sql(`INSERT INTO pending_agent_changes (edit_id, agent_id, base_agent_version, before_json, after_json,
      held_back) VALUES (?, ?, ?, ?, ?, ?)`);
    for (const c of edit.changes)
      change.run(id, c.agentId, c.baseAgentVersion, weekJson(c.before), weekJson(c.after), c.heldBack ? 1 : 0);
    rememberWritten(id, edit.changes);
    return { ...edit, id, seq, changes: [...edit.changes] };
  });

  /** Marks one edit undone or applied again; the id, or null when the stack was empty. */
  const step = (state: 'applied' | 'undone', scheduleId: string): string | null => {
    const pick =
      state === 'undone'
        ? `SELECT id FROM pending_edits WHERE schedule_id = ? AND state = 'applied' ORDER BY seq DESC LIMIT 1`
        : `SELECT id FROM pending_edits WHERE schedule_id = ? AND state = 'undone' ORDER BY seq LIMIT 1`;
    const id = sql(pick).pluck().get(scheduleId) as string | undefined;
    if (id === undefined) return null;
    sql('UPDATE pending_edits SET state = ? WHERE id = ?').run(state, id);
    return id;
  };

  /**
   * Removes one edit. Every later edit of the same agents was computed from
   * this one's `after`: an applied one would be left describing a week that
   * never was, so the discard is refused and says which (undo or discard
   * those first); undone ones (the redo stack) go with it, and so on
   * transitively through their own agents, as a new edit would clear them.
   * Rebasing the later edits instead would re-run their intents on other
   * weeks, which can fail or mean something else than what was asked.
   */
  const discard = db.transaction((scheduleId: string, editId: string): string[] => {
    const target = sql('SELECT seq, label FROM pending_edits WHERE id = ? AND schedule_id = ?').get(
      editId,
      scheduleId,
    ) as { seq: number; label: string } | undefined;
    if (!target) throw badInput(`There is no pending edit ${editId} on this schedule (it may have been discarded).`);
    const touched = new Set(
      sql('SELECT agent_id FROM pending_agent_changes WHERE edit_id = ?').pluck().all(editId) as string[],
    );
    const later = sql(`SELECT e.id, e.seq, e.state, e.label,
        (SELECT json_group_array(agent_id) FROM pending_agent_changes WHERE edit_id = e.id) AS agentIdsJson
      FROM pending_edits e WHERE e.schedule_id = ? AND e.seq > ? ORDER BY e.seq`).all(
      scheduleId,
      target.seq,
    ) as LaterEdit[];
    const dropped = [editId];
    const blocking: string[] = [];
    for (const e of later) {
      const agents = JSON.parse(e.agentIdsJson) as string[];
      if (!agents.some((a) => touched.has(a))) continue;
      if (e.state === 'applied') {
        blocking.push(`"${e.label}"`);
        continue;
      }
      dropped.push(e.id);
      for (const a of agents) touched.add(a);
    }
    if (blocking.length > 0)
      throw new OpsError(
        'conflict',
        `"${target.label}" cannot be discarded on its own: later edits of the same agents were made on top of it (${blocking.join(', ')}). Undo or discard those first.`,
      );
    const remove = sql('DELETE FROM pending_edits WHERE id = ?');
    for (const id of dropped) remove.run(id);
    return dropped;
  });

  const discardAll = db.transaction((scheduleId: string): string[] => {
    const ids = sql('SELECT id FROM pending_edits WHERE schedule_id = ? ORDER BY seq')
      .pluck()
      .all(scheduleId) as string[];
    sql('DELETE FROM pending_edits WHERE schedule_id = ?').run(scheduleId);
    return ids;
  });

  return {
    apply,
    undo: db.transaction((scheduleId: string) => step('undone', scheduleId)),
    redo: db.transaction((scheduleId: string) => step('applied', scheduleId)),
    discard,
    discardAll,
  };
}
