/**
 * A Genesys client for one publish run. Its HTTP makes ONE attempt per call,
 * reads included: the machine decides every retry (exactly `Retry-After` for
 * a 429, reconcile after a 5xx), so each refusal must come back to it as it
 * came. The notifications channel keeps the client's usual retries (it is
 * how an operation's end is heard, not a step of the publish).
 */
import { createGenesysApi, type GenesysApi, type OperationEvents } from '../genesys/client/api';
import { createGenesysHttp, type GenesysHttp } from '../genesys/client/http';
import { createNotificationsClient } from '../genesys/notifications/channel-client';
import type { ConnectionState } from '../genesys/notifications/channel-types';
import type { AuditSink, GenesysEnvironment, TokenProvider } from '../genesys/types';

export interface PublishSession {
  http: GenesysHttp;
  api: GenesysApi;
  operations: OperationEvents;
  /** The notification channel's state now (preflight's item). */
  channelState(): ConnectionState;
  close(): void;
}

export function openPublishSession(args: {
  profileId: string;
  env: GenesysEnvironment;
  tokens: TokenProvider;
  audit: AuditSink;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}): PublishSession {
  const common = {
    env: args.env,
    tokens: args.tokens,
    audit: args.audit,
    profileId: args.profileId,
    ...(args.now ? { now: args.now } : {}),
    ...(args.sleep ? { sleep: args.sleep } : {}),
  };
  const http = createGenesysHttp({ ...common, maxReadAttempts: 1 });
  const notifications = createNotificationsClient({ http: createGenesysHttp(common) });
  // The machine re-reads after an unheard operation, so the client's own wait polls rarely.
  const api = createGenesysApi(http, {
    operations: notifications,
    tokenUser: null,
    writes: { ...(args.sleep ? { sleep: args.sleep } : {}), ...(args.now ? { now: args.now } : {}) },
  });
  return {
    http,
    api,
    operations: notifications,
    channelState: () => notifications.state,
    close: () => notifications.close(),
  };
}
