/**
 * The app's Genesys client against a sandbox URL, as the console builds it,
 * plus a request tally: with client credentials (the default), or with a
 * supervisor's token (authorization code grant). Used in-process by the tests
 * and by the child process of the killed-sync test (which only has a URL).
 */
import { createGenesysApi, type GenesysApi } from '../../main/genesys/client/api';
import { createGenesysHttp } from '../../main/genesys/client/http';
import { createNotificationsClient, type NotificationsClient } from '../../main/genesys/notifications/channel-client';
import { createRequestTally, type RequestTally } from '../../main/genesys/client/request-tally';
import type { RunningSandbox } from '../../main/sandbox/server';

export interface SandboxAccess {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** A bearer token to use instead of the client-credentials grant (e.g. a supervisor's). */
  bearer?: () => Promise<string>;
}

export interface GenesysClient {
  api: GenesysApi;
  notifications: NotificationsClient;
  tally: RequestTally;
  close(): void;
}

async function token(access: SandboxAccess): Promise<string> {
  if (access.bearer) return access.bearer();
  const res = await fetch(`${access.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${access.clientId}:${access.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (res.status !== 200) throw new Error(`token request failed: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/**
 * A supervisor's token (authorization code grant), as the sandbox issues it
 * at the end of the PKCE sign-in (test/integration/auth-pkce.test.ts walks
 * that sign-in over HTTP; here only its token matters).
 */
export function supervisorToken(sandbox: RunningSandbox): { token: string; userId: string } {
  const client = [...sandbox.runtime.org.clients.values()].find((c) => c.grantTypes.includes('authorization_code'))!;
  const grant = sandbox.runtime.tokens.issue(client.clientId, 'authorization_code', client.userId);
  return { token: grant.token, userId: client.userId! };
}

export function genesysClient(access: SandboxAccess): GenesysClient {
  const tally = createRequestTally();
  let bearer: Promise<string> | null = null;
  const http = createGenesysHttp({
    env: { apiBase: access.baseUrl, loginBase: access.baseUrl },
    tokens: { getAccessToken: () => (bearer ??= token(access)), invalidate: () => (bearer = null) },
    audit: tally.sink,
    profileId: 'sandbox',
    // Retries of flaky reads without real waiting: the tests assert outcomes, never durations.
    sleep: async () => {},
    timeoutMs: 5_000,
  });
  const notifications = createNotificationsClient({ http, heartbeatTimeoutMs: 60_000, reconnectDelayMs: 20 });
  const api = createGenesysApi(http, { operations: notifications, queryTimeoutMs: 5_000 });
  return { api, notifications, tally, close: () => notifications.close() };
}
