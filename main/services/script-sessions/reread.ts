/**
 * One live re-read of a connection's script sessions. Unlike the sync's read
 * (every conversation of the last hours, ended ones included), it asks only
 * for conversations still going (`conversationEnd` notExists) in which an
 * agent's segment ran a script (`scriptId` exists): usually one page, so the
 * cadence can stay at 30 s. A session that ended is simply not in the answer,
 * and the store's `record` closes it (an open session of the window not seen
 * again is gone).
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { GenesysApi } from '../../genesys/client/api';
import { openScriptSessionsSignature } from '../../mirror/script-session-reads';
import { createScriptSessionStore, scriptSessionsOf } from '../../mirror/script-session-store';
import { scriptSessionWindowMs } from '../../mirror/sync/sync-script-sessions';
import type Database from 'better-sqlite3';

export const activeScriptedConversations: Pick<Models.ConversationQuery, 'conversationFilters' | 'segmentFilters'> = {
  conversationFilters: [
    { type: 'and', predicates: [{ type: 'dimension', dimension: 'conversationEnd', operator: 'notExists' }] },
  ],
  segmentFilters: [
    {
      type: 'and',
      predicates: [
        { type: 'dimension', dimension: 'purpose', operator: 'matches', value: 'agent' },
        { type: 'dimension', dimension: 'scriptId', operator: 'exists' },
      ],
    },
  ],
};

export function createScriptSessionReread(db: Database.Database) {
  const store = createScriptSessionStore(db);
  /** Reads and records; answers whether the open sessions moved. */
  return async (api: Pick<GenesysApi, 'queryConversationDetails'>, seenAt: Date): Promise<{ changed: boolean }> => {
    const windowStart = new Date(seenAt.getTime() - scriptSessionWindowMs);
    const conversations = await api.queryConversationDetails({
      interval: `${windowStart.toISOString()}/${seenAt.toISOString()}`,
      ...activeScriptedConversations,
    });
    const before = openScriptSessionsSignature(db);
    store.record(scriptSessionsOf(conversations), windowStart.toISOString(), seenAt.toISOString());
    return { changed: openScriptSessionsSignature(db) !== before };
  };
}
