/**
 * Observed script sessions: what the analytics detail query showed, and
 * when. Nothing documents that publishes fail for these agents; users
 * report it, so the console shows them and lets the supervisor hold back.
 */
import type Database from 'better-sqlite3';
import type { AnalyticsConversation } from '../genesys/client/schemas';

export interface ObservedScriptSession {
  conversationId: string;
  agentId: string;
  scriptId: string;
  start: string | null;
  /** null: still active when seen. */
  end: string | null;
}

/** Every agent session with a script, ended or not: an ended one closes what an earlier sync saw open. */
export function scriptSessionsOf(conversations: readonly AnalyticsConversation[]): ObservedScriptSession[] {
  const out: ObservedScriptSession[] = [];
  for (const c of conversations) {
    for (const p of c.participants) {
      const scripted = p.sessions.find((s) => s.scriptId);
      if (p.purpose !== 'agent' || !p.userId || !scripted?.scriptId) continue;
      out.push({
        conversationId: c.conversationId,
        agentId: p.userId,
        scriptId: scripted.scriptId,
        start: c.conversationStart ?? null,
        end: c.conversationEnd ?? null,
      });
    }
  }
  return out;
}

export function createScriptSessionStore(db: Database.Database) {
  const upsert =
    db.prepare(`INSERT INTO script_sessions (conversation_id, agent_id, script_id, start, "end", seen_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (conversation_id) DO UPDATE SET agent_id = excluded.agent_id, script_id = excluded.script_id, start = excluded.start,
      "end" = excluded."end", seen_at = excluded.seen_at`);
  // Open sessions that started inside the window but were not seen again are gone: the query would have shown them.
  const vanished = db.prepare(`DELETE FROM script_sessions WHERE "end" IS NULL AND start >= ? AND seen_at < ?`);

  return {
    /** One observation of the window [windowStart, seenAt] (ISO instants). */
    record: db.transaction((sessions: readonly ObservedScriptSession[], windowStart: string, seenAt: string) => {
      for (const s of sessions) upsert.run(s.conversationId, s.agentId, s.scriptId, s.start, s.end, seenAt);
      vanished.run(windowStart, seenAt);
    }),
  };
}
