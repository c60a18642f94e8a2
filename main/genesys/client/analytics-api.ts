/** Conversation details, paged through, for the active-script-session check. */
import type { Models } from 'purecloud-platform-client-v2';
import type { GenesysHttp } from './http';
import { analyticsConversationQueryResponse, type AnalyticsConversation } from './schemas';

/** The detail query's largest page. */
export const conversationPageSize = 100;
/** A guard: 100 pages of 100 is far more than one morning's scripted calls. */
const maxPages = 100;

export function createAnalyticsApi(http: GenesysHttp) {
  return {
    /** Every page of the query; the caller's `paging` is replaced. */
    async queryConversationDetails(query: Omit<Models.ConversationQuery, 'paging'>): Promise<AnalyticsConversation[]> {
      const conversations: AnalyticsConversation[] = [];
      for (let pageNumber = 1; pageNumber <= maxPages; pageNumber++) {
        const page = await http.request({
          method: 'POST',
          pathTemplate: '/api/v2/analytics/conversations/details/query',
          body: { ...query, paging: { pageSize: conversationPageSize, pageNumber } },
          schema: analyticsConversationQueryResponse,
          isWrite: false,
        });
        conversations.push(...page.conversations);
        const total = page.totalHits ?? 0;
        if (page.conversations.length < conversationPageSize || conversations.length >= total) break;
      }
      return conversations;
    },
  };
}

/** Agents in an active scripted conversation now: no `conversationEnd`, an agent session with a `scriptId`. */
export function activeScriptAgents(
  conversations: readonly AnalyticsConversation[],
): Array<{ userId: string; conversationId: string; scriptId: string }> {
  const out: Array<{ userId: string; conversationId: string; scriptId: string }> = [];
  for (const c of conversations) {
    if (c.conversationEnd) continue;
    for (const p of c.participants) {
      const scripted = p.sessions.find((s) => s.scriptId);
      if (p.purpose === 'agent' && p.userId && scripted?.scriptId)
        out.push({ userId: p.userId, conversationId: c.conversationId, scriptId: scripted.scriptId });
    }
  }
  return out;
}
