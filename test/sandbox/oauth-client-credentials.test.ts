/**
 * The sandbox login host over real HTTP, client credentials: the token, every way it is refused (wrong
 * secret, unknown grant, expired token, bad token), and the user directory the token reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import { clientCredentialsToken } from './harness';
import { exchange, formHeaders, get } from './oauth-kit';

let clockMs = Date.parse('2026-11-23T12:00:00Z');
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ agents: 40, weeks: 1, tokenLifetimeSeconds: 3600, now: () => new Date(clockMs) });
});

afterAll(async () => {
  await sandbox?.close();
});

describe('client credentials', () => {
  it('issues a bearer token that opens the API', async () => {
    const res = await fetch(`${sandbox.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: {
        ...formHeaders,
        authorization: `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    const org = await get(sandbox, '/api/v2/organizations/me', body.access_token);
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({
      id: sandbox.runtime.org.id,
      name: sandbox.runtime.org.name,
      thirdPartyOrgName: sandbox.runtime.org.thirdPartyOrgName,
    });
    // There is no user behind a client-credentials token.
    const me = await get(sandbox, '/api/v2/users/me', body.access_token);
    expect(me.status).toBe(400);
    expect(me.body).toMatchObject({ code: 'bad.request', status: 400 });
    expect(String(me.body.message)).toMatch(/client credentials/i);
  });

  it('answers a wrong secret with the OAuth error body', async () => {
    const res = await fetch(`${sandbox.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: {
        ...formHeaders,
        authorization: `Basic ${Buffer.from(`${sandbox.clientId}:not-the-secret`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as Record<string, string>;
    expect(body.error).toBe('invalid_client');
    expect(body.description).toBeTruthy();
    expect(body.error_description).toBe(body.description);
  });

  it('refuses unknown grant types and grants the client does not have', async () => {
    const basic = `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString('base64')}`;
    const res = await fetch(`${sandbox.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { ...formHeaders, authorization: basic },
      body: 'grant_type=password',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'unsupported_grant_type' });
    const code = await exchange(sandbox, {
      client_id: sandbox.clientId,
      code: 'x',
      code_verifier: 'y'.repeat(43),
      redirect_uri: 'http://127.0.0.1:1/cb',
    });
    expect(code.status).toBe(400);
    expect(code.body.error).toBe('unauthorized_client');
  });

  it('answers missing, unknown and expired bearer tokens with 401', async () => {
    const none = await get(sandbox, '/api/v2/organizations/me');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ code: 'authentication.required', status: 401 });
    const bogus = await get(sandbox, '/api/v2/organizations/me', 'not-a-token');
    expect(bogus.body).toMatchObject({ code: 'bad.credentials', message: 'Invalid login credentials.' });
    const token = await clientCredentialsToken(sandbox);
    clockMs += 3601 * 1000;
    const expired = await get(sandbox, '/api/v2/organizations/me', token);
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: 'bad.credentials' });
    expect(expired.body.contextId).toBeTruthy();
  });

  it('names the missing permission in a 403', async () => {
    // A client without directory access; org.clients is read when a token is issued.
    const restricted = {
      clientId: 'test-no-directory',
      clientSecret: 's3cret',
      name: 'No directory',
      permissions: ['wfm:schedule:view'],
      grantTypes: ['client_credentials' as const],
    };
    sandbox.runtime.org.clients.set(restricted.clientId, restricted);
    const token = await clientCredentialsToken(sandbox, restricted.clientId, restricted.clientSecret);
    const res = await get(sandbox, '/api/v2/users', token);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      code: 'missing.permissions',
      messageParams: { permissions: '[directory:user:view]' },
    });
    expect(String(res.body.message)).toContain('directory:user:view');
  });
});

describe('user directory', () => {
  it('pages users and fetches them by id', async () => {
    const token = await clientCredentialsToken(sandbox);
    const first = await get(sandbox, '/api/v2/users?pageSize=10&pageNumber=1', token);
    expect(first.status).toBe(200);
    const total = sandbox.runtime.org.users.size;
    expect(first.body).toMatchObject({ pageSize: 10, pageNumber: 1, total, pageCount: Math.ceil(total / 10) });
    const entities = first.body.entities as Array<{ id: string; name: string; state: string }>;
    expect(entities).toHaveLength(10);
    const ids = entities.slice(0, 3).map((u) => u.id);
    const byId = await get(sandbox, `/api/v2/users?${ids.map((id) => `id=${id}`).join('&')}`, token);
    expect((byId.body.entities as Array<{ id: string }>).map((u) => u.id).sort()).toEqual([...ids].sort());
    expect((await get(sandbox, '/api/v2/users?pageSize=501', token)).status).toBe(400);
  });
});
