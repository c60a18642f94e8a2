/**
 * Rows of pending_edits and pending_agent_changes to and from the change
 * set's shapes. What is read back is checked: the file may have been
 * written by another build, or damaged, and a change set that cannot be
 * read must say so in words rather than hand publish a half-understood edit.
 */
import { editIntent } from '../../../shared/edits/types';
import type { PendingEditState, PendingEditSummary } from '../../../shared/contract/edits';
import { editSource } from '../../../shared/contract/edits';
import type { AgentWeek } from '../../../shared/publish/agent-week';
import { OpsError } from '../../../shared/ops-error';

export interface EditRow {
  id: string;
  seq: number;
  createdAt: string;
  label: string;
  sourceJson: string;
  intentJson: string;
  baseScheduleVersion: number;
  state: PendingEditState;
  /** JSON arrays from the changes, aggregated in the same query. */
  agentIdsJson: string;
  heldBackJson: string;
}

/** The columns of EditRow, for `SELECT … FROM pending_edits e`. */
export const editColumns = `e.id, e.seq, e.created_at AS createdAt, e.label, e.source_json AS sourceJson,
  e.intent_json AS intentJson, e.base_schedule_version AS baseScheduleVersion, e.state,
  (SELECT json_group_array(agent_id) FROM pending_agent_changes WHERE edit_id = e.id) AS agentIdsJson,
  (SELECT json_group_array(agent_id) FROM pending_agent_changes WHERE edit_id = e.id AND held_back = 1) AS heldBackJson`;

export class ChangeSetDamaged extends OpsError {
  constructor(detail: string) {
    super(
      'storage',
      `A pending edit on this machine cannot be read (${detail}). It was written by another version of Publish Desk or the database is damaged; discard the schedule's pending edits to go on.`,
    );
    this.name = 'ChangeSetDamaged';
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ChangeSetDamaged(`${what} is not JSON`);
  }
}

export function summaryOf(row: EditRow): PendingEditSummary {
  const intent = editIntent.safeParse(parseJson(row.intentJson, 'its intent'));
  if (!intent.success) throw new ChangeSetDamaged(`edit ${row.seq} has an intent this build does not know`);
  const source = editSource.safeParse(parseJson(row.sourceJson, 'its source'));
  if (!source.success) throw new ChangeSetDamaged(`edit ${row.seq} has a source this build does not know`);
  return {
    id: row.id,
    seq: row.seq,
    createdAt: row.createdAt,
    label: row.label,
    source: source.data,
    intent: intent.data,
    baseScheduleVersion: row.baseScheduleVersion,
    state: row.state,
    agentIds: parseJson(row.agentIdsJson, 'its agents') as string[],
    heldBackAgentIds: parseJson(row.heldBackJson, 'its held agents') as string[],
  };
}

/**
 * A week written by this store. Checked for its outline only: a full schema
 * check of 1,500 weeks would cost more than the overlay that reads them may
 * take, and the content was computed by main, not taken from a caller.
 */
export function weekOf(text: string, what: string): AgentWeek {
  const week = parseJson(text, what) as Partial<AgentWeek> | null;
  if (!week || !Array.isArray(week.shifts) || !Array.isArray(week.fullDayTimeOffMarkers))
    throw new ChangeSetDamaged(`${what} is not an agent week`);
  return week as AgentWeek;
}

// Weeks are never changed once made (the edit core is pure and returns new weeks), so a week's text can be kept with
// it: a bulk edit compares each agent's week before and after by this text and then stores the same two texts.
const texts = new WeakMap<AgentWeek, string>();

/** Only what AgentWeek holds, so nothing a caller attached rides along into the file. */
export function weekJson(week: AgentWeek): string {
  let text = texts.get(week);
  if (text === undefined) {
    text = JSON.stringify({ shifts: week.shifts, fullDayTimeOffMarkers: week.fullDayTimeOffMarkers });
    texts.set(week, text);
  }
  return text;
}
