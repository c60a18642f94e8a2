/** Token requests (client credentials, the code exchange, a refresh) go in the Activity log too, never their bodies. */
import type { AuditSink, TokenSet } from '../../genesys/types';

export type AuditedTokenRequest = (profileId: string, request: () => Promise<TokenSet>) => Promise<TokenSet>;

export function auditTokenRequests(audit: AuditSink, now: () => Date): AuditedTokenRequest {
  return async (profileId, request) => {
    const started = Date.now();
    const entry = {
      at: now().toISOString(),
      profileId,
      method: 'POST',
      pathTemplate: '/oauth/token',
      attempt: 1,
      contextId: null,
    };
    try {
      const tokens = await request();
      audit.record({ ...entry, status: 200, durationMs: Date.now() - started, errorKind: null });
      return tokens;
    } catch (err) {
      const status = (err as { status?: number | null }).status ?? null;
      audit.record({ ...entry, status, durationMs: Date.now() - started, errorKind: (err as Error).name });
      throw err;
    }
  };
}
