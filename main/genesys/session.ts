/**
 * A working client for one connection: the audited HTTP client, the
 * notifications channel that async operations finish on, and the typed API.
 * Made per task (a sync) and closed after it, so no socket outlives its use.
 */
import { createGenesysApi, type GenesysApi } from './client/api';
import { createGenesysHttp } from './client/http';
import { createNotificationsClient } from './notifications/channel-client';
import type { AuditSink, GenesysEnvironment, TokenProvider } from './types';
import { createRequestTally } from './client/request-tally';
import type { RateBudget } from './client/throttle';

export interface GenesysSession {
  api: GenesysApi;
  requestCount(): number;
  close(): void;
}

export function openGenesysSession(args: {
  profileId: string;
  env: GenesysEnvironment;
  tokens: TokenProvider;
  audit: AuditSink;
  /**
   * The signed-in user's id (supervisor sign-in) or null (client credentials),
   * when the caller knows; otherwise the client asks `/api/v2/users/me` once.
   */
  tokenUser?: string | null;
  /** Each answer's rate-limit budget (a poller sizes its cadence by it). */
  onRateBudget?: (budget: RateBudget) => void;
}): GenesysSession {
  const tally = createRequestTally(args.audit);
  const http = createGenesysHttp({
    env: args.env,
    tokens: args.tokens,
    audit: tally.sink,
    profileId: args.profileId,
    ...(args.onRateBudget ? { onRateBudget: args.onRateBudget } : {}),
  });
  const notifications = createNotificationsClient({ http });
  return {
    api: createGenesysApi(http, {
      operations: notifications,
      ...(args.tokenUser !== undefined ? { tokenUser: args.tokenUser } : {}),
    }),
    requestCount: tally.total,
    close: () => notifications.close(),
  };
}
