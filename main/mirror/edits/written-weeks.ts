/**
 * The weeks this process has just written into the change set, by edit and agent. A pending change's row is
 * never changed once written (undo and redo move its edit's state, discard deletes it), so what was written is
 * what a read of that row parses back. The coverage strip follows each edit by the weeks it moved, and parsing
 * back the 1,500 weeks a bulk edit had just written was a third of that. Bounded: a miss reads the row.
 *
 * A week kept here may carry more than AgentWeek's fields (the stored text carries only those), so it is for
 * counting, not for handing on.
 */
import type { AgentChange } from '../../../shared/edits/types';
import type { AgentWeek } from '../../../shared/publish/agent-week';

/** About three bulk edits of a whole MU. */
const limit = 5_000;
let written = new Map<string, { week: AgentWeek; heldBack: boolean }>();
const keyOf = (editId: string, agentId: string) => `${editId}\u0000${agentId}`;

/** After an edit's rows are written (inside its transaction: an edit rolled back is never a mark, so never asked). */
export function rememberWritten(editId: string, changes: readonly AgentChange[]): void {
  if (written.size + changes.length > limit) written = new Map();
  for (const c of changes) written.set(keyOf(editId, c.agentId), { week: c.after, heldBack: c.heldBack === true });
}

/** The agent's week as edit `editId` wrote it, when this process wrote it and still remembers. */
export function writtenWeek(editId: string, agentId: string): { week: AgentWeek; heldBack: boolean } | undefined {
  return written.get(keyOf(editId, agentId));
}
