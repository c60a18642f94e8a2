/**
 * The app's Genesys client against a sandbox URL with client credentials, as
 * the console builds it, plus a request tally. Used in-process by the tests
 * and by the child process of the killed-sync test (which only has a URL).
 */
import { createGenesysApi, type GenesysApi } from '../../main/genesys/client/api';
import { createGenesysHttp } from '../../main/genesys/client/http';
import { createNotificationsClient, type NotificationsClient } from '../../main/genesys/notifications/channel-client';
import { createRequestTally, type RequestTally } from '../../main/genesys/client/request-tally';

export interface SandboxAccess {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface GenesysClient {
  api: GenesysApi;
  notifications: NotificationsClient;
  tally: RequestTally;
  close(): void;
}

async function token(access: SandboxAccess): Promise<string> {
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
