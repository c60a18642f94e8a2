/**
 * Step 5 of a sync: scripted conversations of the last hours, from analytics
 * conversation details. An agent in one with no `conversationEnd` is in an
 * active script session now; publishes touching them are reported to fail.
 */
import { scriptSessionsOf } from '../script-session-store';
import type { SyncContext } from './sync-context';

/** Scripted calls are minutes long; eight hours covers a shift's worth without paging through a day. */
export const scriptSessionWindowMs = 8 * 3_600_000;

export async function syncScriptSessions(ctx: SyncContext): Promise<void> {
  ctx.progress({ phase: 'scriptSessions', done: 0, total: 1 });
  const seenAt = ctx.now();
  const windowStart = new Date(seenAt.getTime() - scriptSessionWindowMs);
  const conversations = await ctx.api.queryConversationDetails({
    interval: `${windowStart.toISOString()}/${seenAt.toISOString()}`,
  });
  ctx.checkpoint();
  ctx.stores.scriptSessions.record(scriptSessionsOf(conversations), windowStart.toISOString(), seenAt.toISOString());
  ctx.changed.add('script_sessions');
  ctx.progress({ phase: 'scriptSessions', done: 1, total: 1 });
}
