/**
 * Agents' mirrored weeks kept between edits. A bulk edit on a whole
 * management unit reads its agents' weeks (shift rows, packed activities,
 * descriptions) before computing anything, ~150 ms for 740 agents, and the
 * supervisor's next bulk edit, preview or undo asks for the same agents.
 *
 * A kept week is answered only while the mirror still holds exactly it: the
 * agent schedule's `metadata.version` (Genesys moves it on every change to
 * the agent's week) and the packed week's bytes (rewritten with the rows in
 * the same transaction on every write) are read again on every call, one
 * cheap query for all the agents, and must both be as they were. A sync by
 * another connection (the heavy worker) therefore shows at once; nothing is
 * kept for an agent whose packed week is missing (those are read afresh).
 *
 * Weeks are never changed once made (the edit core is pure), so a kept week
 * can be handed out again; it also keeps the text the change-set store made
 * of it (edit-rows.ts `weekJson`), so storing it as an edit's "before" costs
 * nothing the second time.
 */
import type Database from 'better-sqlite3';
import { prepared } from '../statement-cache';
import { readAgentWeeksAfresh } from './agent-weeks';
import type { MirroredAgentWeek } from './agent-week-rows';

interface Kept {
  version: number;
  packed: Buffer;
  week: MirroredAgentWeek;
}

/** Two management units at Genesys' cap of 1,500 agents and some: a few tens of MB at most. */
const keptMax = 4000;
const keptByDb = new WeakMap<Database.Database, Map<string, Kept>>();

const keyOf = (scheduleId: string, agentId: string) => `${scheduleId}\u0000${agentId}`;

/**
 * The mirrored weeks of `agentIds` in schedule `scheduleId` (every agent of
 * the schedule when omitted: read afresh, as a whole schedule is read once).
 * An agent the schedule has no agent schedule for is absent from the answer.
 */
export function readAgentWeeks(
  db: Database.Database,
  scheduleId: string,
  agentIds?: readonly string[],
): Map<string, MirroredAgentWeek> {
  if (agentIds === undefined) return readAgentWeeksAfresh(db, scheduleId);
  if (agentIds.length === 0) return new Map();
  let kept = keptByDb.get(db);
  if (!kept) keptByDb.set(db, (kept = new Map()));
  const marks = prepared(
    db,
    `SELECT s.agent_id, s.version, t.packed FROM agent_schedules s
       LEFT JOIN timeline_weeks t ON t.schedule_id = s.schedule_id AND t.agent_id = s.agent_id
     WHERE s.schedule_id = @schedule AND s.agent_id IN (SELECT value FROM json_each(@agents))`,
  )
    .raw()
    .all({ schedule: scheduleId, agents: JSON.stringify(agentIds) }) as Array<[string, number, Buffer | null]>;
  const out = new Map<string, MirroredAgentWeek>();
  const missed = new Map<string, [number, Buffer | null]>();
  for (const [agentId, version, packed] of marks) {
    const k = kept.get(keyOf(scheduleId, agentId));
    if (k && packed && k.version === version && k.packed.equals(packed)) out.set(agentId, k.week);
    else missed.set(agentId, [version, packed]);
  }
  if (missed.size === 0) return out;
  for (const [agentId, week] of readAgentWeeksAfresh(db, scheduleId, [...missed.keys()])) {
    out.set(agentId, week);
    const [version, packed] = missed.get(agentId) ?? [null, null];
    // Kept only when read at the version and packed week just checked (a write in between: not kept).
    if (packed && version === week.version) {
      const key = keyOf(scheduleId, agentId);
      kept.delete(key);
      kept.set(key, { version, packed, week });
      if (kept.size > keptMax) kept.delete(kept.keys().next().value!);
    }
  }
  return out;
}
