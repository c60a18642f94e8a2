/**
 * A bulk edit's changes computed a slice of its agents at a time, with the
 * services' event loop let run between slices (a timeline scroll, a status
 * call, the analysis answer), so a 1,500-agent edit never holds the thread
 * for the ~half second its computing takes. The changes are then kept in
 * ONE write, as any edit is.
 *
 * Between slices anything else may write the mirror (a sync, an undo, a
 * second edit): the edit would be computed on two states of it. So the
 * mirror's state is noted before the first slice and compared before the
 * write; when it moved the caller computes the edit again in one go.
 */
import type Database from 'better-sqlite3';
import type { EditIntent } from '../../../shared/edits/types';
import { weekJson } from '../../mirror/edits/edit-rows';
import { prepared } from '../../mirror/statement-cache';
import { addChangesOf, labelOf, type AgentBase, type ComputedChanges, type UnitContext } from './changes-for';

/** Thread time one slice aims at: well inside the ~50 ms a blocked loop starts to show. */
const sliceTargetMs = 15;
const firstSlice = 50;

export interface SteppedInput {
  intent: EditIntent;
  agentIds: readonly string[];
  /** The unit's context for all the agents (names for the label). */
  unit: UnitContext;
  /** The same for a slice of them (holdBack reads only their published weeks). */
  unitFor(agentIds: readonly string[]): UnitContext;
  basesFor(agentIds: readonly string[]): AgentBase[];
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every commit to the file moves one of these: data_version for other
 * connections' commits, total_changes for this connection's own writes.
 */
export function mirrorState(db: Database.Database): string {
  const version = prepared(db, 'PRAGMA data_version').pluck().get() as number;
  const changes = prepared(db, 'SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}

/**
 * The edit's changes, or null when the mirror moved while they were being
 * computed. Each week's JSON text is made here too, slice by slice, so the
 * write only inserts it.
 */
export async function changesInSteps(db: Database.Database, input: SteppedInput): Promise<ComputedChanges | null> {
  const before = mirrorState(db);
  const computed: Omit<ComputedChanges, 'label'> = { changes: [], skipped: [] };
  let firstAsked: AgentBase | undefined;
  let size = firstSlice;
  for (let at = 0; at < input.agentIds.length;) {
    const started = performance.now();
    const slice = input.agentIds.slice(at, at + size);
    const bases = input.basesFor(slice);
    firstAsked ??= bases[0];
    const from = computed.changes.length;
    addChangesOf(input.intent, bases, input.unitFor(slice), computed);
    for (let i = from; i < computed.changes.length; i++) {
      const change = computed.changes[i]!;
      weekJson(change.before);
      weekJson(change.after);
    }
    at += slice.length;
    // The next slice sized on this one's pace: a bulk edit's agents cost alike, a busy machine slows them all.
    const spent = Math.max(performance.now() - started, 0.1);
    size = Math.max(10, Math.min(1000, Math.round((slice.length * sliceTargetMs) / spent)));
    if (at < input.agentIds.length) {
      await breathe();
      if (mirrorState(db) !== before) return null;
    }
  }
  if (mirrorState(db) !== before) return null;
  const first = computed.changes[0];
  const firstBase = (agentId: string | undefined) =>
    first && agentId === first.agentId
      ? { agentId, week: first.before, baseAgentVersion: first.baseAgentVersion }
      : firstAsked;
  return { label: labelOf(input.intent, firstBase, computed.changes, input.unit), ...computed };
}
