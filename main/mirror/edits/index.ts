/**
 * A schedule's pending change set in the mirror (migration 006): the edits a
 * supervisor made and publish has not uploaded yet. Kept beside the mirrored
 * Genesys rows, never in them, so a sync can rewrite a schedule while its
 * edits and their bases stay exactly as they were.
 */
import type Database from 'better-sqlite3';
import { createChangeSetReads } from './change-set-reads';
import { createChangeSetWrites } from './change-set-writes';

export function createChangeSetStore(db: Database.Database) {
  return { ...createChangeSetReads(db), ...createChangeSetWrites(db) };
}

export type ChangeSetStore = ReturnType<typeof createChangeSetStore>;
export type { NewEdit } from './change-set-writes';
export type { AgentBaseWeek } from './change-set-reads';
export { readAgentWeek, readAgentWeeksAfresh, readAgentWeeksFromRows, type MirroredAgentWeek } from './agent-weeks';
export { readAgentWeeks } from './kept-weeks';
