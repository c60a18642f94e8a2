/**
 * Client credentials against the sandbox org over HTTP: the token opens the
 * API, and a wrong secret gives an error that says what to do and never
 * carries the secret.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestClientCredentialsToken } from '../../main/genesys/auth/client-credentials';
import { OAuthError } from '../../main/genesys/auth/oauth-error';
import { environmentFor } from '../../main/genesys/regions';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';

const clockMs = Date.parse('2026-11-23T12:00:00Z');
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ agents: 40, weeks: 1, tokenLifetimeSeconds: 3600, now: () => new Date(clockMs) });
});
afterAll(() => sandbox?.close());

const env = () => environmentFor({ baseUrl: sandbox.baseUrl });

describe('client credentials sign-in', () => {
  it('gets a bearer token that opens the API, expiring when the org says', async () => {
    const tokens = await requestClientCredentialsToken(
      env(),
      sandbox.clientId,
      sandbox.clientSecret,
      fetch,
      () => clockMs,
    );
    expect(tokens).toMatchObject({ grantType: 'client_credentials', expiresAt: clockMs + 3_600_000 });
    expect(tokens.refreshToken).toBeUndefined();
    const org = await fetch(`${env().apiBase}/api/v2/organizations/me`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(org.status).toBe(200);
  });

  it('says to check the id and secret in Admin > OAuth, without the secret, when the secret is wrong', async () => {
    const wrongSecret = `${sandbox.clientSecret.slice(0, -4)}XXXX`;
    const err = await requestClientCredentialsToken(env(), sandbox.clientId, wrongSecret).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuthError);
    const oauth = err as OAuthError;
    expect(oauth).toMatchObject({ error: 'invalid_client', status: 401 });
    expect(oauth.message).toMatch(/check the client id and secret in Genesys Cloud Admin > OAuth/i);
    const everything = [
      oauth.message,
      oauth.stack,
      oauth.description,
      JSON.stringify(oauth),
      inspect(oauth, { depth: 5 }),
    ].join('\n');
    for (const secret of [
      wrongSecret,
      sandbox.clientSecret,
      Buffer.from(`${sandbox.clientId}:${wrongSecret}`).toString('base64'),
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('refuses the supervisor (PKCE) client, which has no secret', async () => {
    const supervisor = [...sandbox.runtime.org.clients.values()].find(
      (c) => c.name === 'Publish Desk supervisor sign-in',
    )!;
    await expect(requestClientCredentialsToken(env(), supervisor.clientId, 'anything')).rejects.toMatchObject({
      error: 'invalid_client',
    });
  });

  it('explains a login host that cannot be reached', async () => {
    const gone = await startSandbox({ agents: 40, weeks: 1 });
    await gone.close();
    const err = await requestClientCredentialsToken(
      environmentFor({ baseUrl: gone.baseUrl }),
      gone.clientId,
      gone.clientSecret,
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ error: 'network_error', status: null });
    expect((err as Error).message).toMatch(
      /could not reach the Genesys Cloud login host.*Check the network connection/,
    );
  });
});
