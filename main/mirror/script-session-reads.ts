/**
 * Reads of the observed script sessions for the live badges: a unit's agents
 * in a session with no end seen, and when the mirror last heard about them.
 * script_sessions holds no business unit (a conversation belongs to an org);
 * the unit's agents pick its rows.
 */
import type Database from 'better-sqlite3';
import type { ActiveScriptSession } from '../../shared/contract/script-sessions';
import { prepared } from './statement-cache';

export interface MirroredScriptSessions {
  sessions: ActiveScriptSession[];
  /**
   * The latest read the mirror knows of for the unit: the newest `seen_at` of its agents' sessions, or
   * else the start of its last good sync (which read them too, and found none). Null: never read.
   */
  asOf: string | null;
}

export function readActiveScriptSessions(
  db: Database.Database,
  profileId: string,
  businessUnitId: string,
): MirroredScriptSessions {
  const sessions = prepared(
    db,
    `SELECT agent_id AS agentId, conversation_id AS conversationId, script_id AS scriptId, start
       FROM script_sessions
      WHERE "end" IS NULL AND agent_id IN (SELECT id FROM agents WHERE business_unit_id = ?)
      ORDER BY start, conversation_id`,
  ).all(businessUnitId) as ActiveScriptSession[];
  const seen = prepared(
    db,
    `SELECT max(seen_at) AS at FROM script_sessions
      WHERE agent_id IN (SELECT id FROM agents WHERE business_unit_id = ?)`,
  ).get(businessUnitId) as { at: string | null };
  const synced = prepared(
    db,
    `SELECT max(started_at) AS at FROM sync_runs WHERE profile_id = ? AND business_unit_id = ? AND status = 'ok'`,
  ).get(profileId, businessUnitId) as { at: string | null };
  return { sessions, asOf: latest(seen.at, synced.at) };
}

/** The open sessions of every agent, as one comparable value: whether a re-read moved anything. */
export function openScriptSessionsSignature(db: Database.Database): string {
  const rows = prepared(
    db,
    `SELECT conversation_id AS id, agent_id AS agent FROM script_sessions WHERE "end" IS NULL ORDER BY conversation_id`,
  ).all() as Array<{ id: string; agent: string }>;
  return rows.map((r) => `${r.id}:${r.agent}`).join(',');
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
