/** The token endpoint's answers a sandbox never gives: outages, proxies, echoed secrets. */
import { describe, expect, it } from 'vitest';
import { requestClientCredentialsToken } from './client-credentials';
import { OAuthError } from './oauth-error';

const env = { apiBase: 'https://api.mypurecloud.com', loginBase: 'https://login.mypurecloud.com' };
const secret = 'S3cret-value-that-must-never-show-up-anywhere-x';
const answer = (status: number, body: string, type = 'application/json') =>
  (async () => new Response(body, { status, headers: { 'content-type': type } })) as typeof fetch;

async function failure(fetchImpl: typeof fetch): Promise<OAuthError> {
  const err = await requestClientCredentialsToken(env, 'id-1', secret, fetchImpl).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(OAuthError);
  return err as OAuthError;
}

describe('requestClientCredentialsToken', () => {
  it('sends Basic auth and the form, and measures expiry on the given clock', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen = { url, init };
      return new Response(JSON.stringify({ access_token: 'tok', token_type: 'bearer', expires_in: 86400 }), {
        status: 200,
      });
    }) as unknown as typeof fetch;
    const tokens = await requestClientCredentialsToken(env, 'id-1', secret, fetchImpl, () => 1_000);
    expect(tokens).toEqual({ accessToken: 'tok', expiresAt: 1_000 + 86_400_000, grantType: 'client_credentials' });
    expect(seen?.url).toBe('https://login.mypurecloud.com/oauth/token');
    const headers = seen?.init.headers as Record<string, string>;
    expect(headers.authorization).toBe(`Basic ${Buffer.from(`id-1:${secret}`).toString('base64')}`);
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen?.init.body).toBe('grant_type=client_credentials');
  });

  it('redacts the secret even when the login host echoes it back', async () => {
    const err = await failure(
      answer(400, JSON.stringify({ error: 'invalid_request', description: `bad secret ${secret}` })),
    );
    expect(err.message).not.toContain(secret);
    expect(err.description).toContain('[redacted]');
  });

  it('explains an outage page and a network failure', async () => {
    const outage = await failure(answer(503, '<html>Service Unavailable</html>', 'text/html'));
    expect(outage).toMatchObject({ error: 'server_error', status: 503 });
    expect(outage.message).toMatch(/try again in a minute/);
    const offline = await failure((async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND login.mypurecloud.com') });
    }) as typeof fetch);
    expect(offline).toMatchObject({ error: 'network_error', status: null });
    expect(offline.message).toMatch(
      /could not reach the Genesys Cloud login host.*ENOTFOUND.*Check the network connection/,
    );
  });

  it('refuses a 200 without a token', async () => {
    expect((await failure(answer(200, '{}'))).error).toBe('invalid_response');
  });
});
