/**
 * The sandbox login host over real HTTP, supervisor sign-in (authorization
 * code + PKCE): end to end, and every way it is refused (reused code, bad
 * verifier, bad redirect URI, missing permission). Client credentials:
 * oauth-client-credentials.test.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import { exchange, form, formHeaders, get } from './oauth-kit';

let clockMs = Date.parse('2026-11-23T12:00:00Z');
let sandbox: RunningSandbox;
let consentSandbox: RunningSandbox;

function supervisorClient(s: RunningSandbox) {
  const client = [...s.runtime.org.clients.values()].find((c) => c.grantTypes.includes('authorization_code'));
  if (!client?.userId) throw new Error('the sandbox org has no supervisor sign-in client');
  return { clientId: client.clientId, userId: client.userId };
}

function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

const authorize = (s: RunningSandbox, params: Record<string, string>) =>
  fetch(`${s.baseUrl}/oauth/authorize?${new URLSearchParams(params)}`, { redirect: 'manual' });

/** The browser half of the sign-in: authorize, follow nothing, read the code off the redirect. */
async function signInCode(s: RunningSandbox, redirectUri = 'http://127.0.0.1:53682/callback') {
  const { clientId } = supervisorClient(s);
  const pkce = pkcePair();
  const res = await authorize(s, {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    state: 'st-42',
  });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  expect(location.searchParams.get('state')).toBe('st-42');
  return { clientId, code: location.searchParams.get('code')!, verifier: pkce.verifier, redirectUri, location };
}

beforeAll(async () => {
  sandbox = await startSandbox({
    agents: 40,
    weeks: 1,
    autoApprove: true,
    tokenLifetimeSeconds: 3600,
    now: () => new Date(clockMs),
  });
  consentSandbox = await startSandbox({ agents: 40, weeks: 1, autoApprove: false });
});

afterAll(async () => {
  await sandbox?.close();
  await consentSandbox?.close();
});

describe('supervisor sign-in (authorization code + PKCE)', () => {
  it('signs in end to end and acts as the supervisor', async () => {
    const { clientId, code, verifier, redirectUri, location } = await signInCode(sandbox);
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    const token = await exchange(sandbox, {
      code,
      code_verifier: verifier,
      client_id: clientId,
      redirect_uri: redirectUri,
    });
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token_type: 'bearer' });
    expect(token.body.refresh_token).toBeUndefined();
    const me = await get(sandbox, '/api/v2/users/me', String(token.body.access_token));
    expect(me.status).toBe(200);
    const user = sandbox.runtime.org.users.get(supervisorClient(sandbox).userId)!;
    expect(me.body).toMatchObject({ id: user.id, name: user.name, email: user.email, state: 'active' });
  });

  it('accepts a code once only', async () => {
    const { clientId, code, verifier, redirectUri } = await signInCode(sandbox);
    const fields = { code, code_verifier: verifier, client_id: clientId, redirect_uri: redirectUri };
    expect((await exchange(sandbox, fields)).status).toBe(200);
    const again = await exchange(sandbox, fields);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a wrong verifier, a different redirect URI and an expired code', async () => {
    const a = await signInCode(sandbox);
    const wrongVerifier = await exchange(sandbox, {
      code: a.code,
      code_verifier: pkcePair().verifier,
      client_id: a.clientId,
      redirect_uri: a.redirectUri,
    });
    expect(wrongVerifier).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const b = await signInCode(sandbox);
    const otherRedirect = await exchange(sandbox, {
      code: b.code,
      code_verifier: b.verifier,
      client_id: b.clientId,
      redirect_uri: 'http://127.0.0.1:9999/callback',
    });
    expect(otherRedirect).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const c = await signInCode(sandbox);
    clockMs += 61_000;
    const late = await exchange(sandbox, {
      code: c.code,
      code_verifier: c.verifier,
      client_id: c.clientId,
      redirect_uri: c.redirectUri,
    });
    expect(late).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('will not redirect to anything but a loopback address', async () => {
    const { clientId } = supervisorClient(sandbox);
    const base = {
      response_type: 'code',
      client_id: clientId,
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
      state: 's',
    };
    for (const redirect_uri of [
      'https://evil.example/callback',
      'http://192.168.1.5:8080/callback',
      'http://127.0.0.1/callback',
    ]) {
      const res = await authorize(sandbox, { ...base, redirect_uri });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
    const unknownClient = await authorize(sandbox, {
      ...base,
      client_id: 'nobody',
      redirect_uri: 'http://127.0.0.1:5000/cb',
    });
    expect(unknownClient.status).toBe(400);
    const localhost = await authorize(sandbox, { ...base, redirect_uri: 'http://localhost:5000/cb' });
    expect(localhost.status).toBe(302);
  });

  it('sends protocol errors back to the app, with its state', async () => {
    const { clientId } = supervisorClient(sandbox);
    const res = await authorize(sandbox, {
      response_type: 'code',
      client_id: clientId,
      redirect_uri: 'http://127.0.0.1:5000/cb',
      code_challenge: 'plain-challenge',
      code_challenge_method: 'plain',
      state: 'keep-me',
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('keep-me');
  });

  it('shows a consent page whose Approve and Deny answer the app', async () => {
    const { clientId, userId } = supervisorClient(consentSandbox);
    const pkce = pkcePair();
    const redirectUri = 'http://127.0.0.1:53682/callback';
    const params = {
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
      state: 'a<b',
    };
    const page = await authorize(consentSandbox, params);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    const userName = consentSandbox.runtime.org.users.get(userId)!.name;
    expect(html).toContain('Approve');
    expect(html).toContain(userName.replace(/'/g, '&#39;'));
    const nonce = /name="nonce" value="([^"]+)"/.exec(html)![1]!;
    const decide = (decision: string, n = nonce) =>
      fetch(`${consentSandbox.baseUrl}/oauth/authorize/decision`, {
        method: 'POST',
        headers: formHeaders,
        body: form({ nonce: n, decision }),
        redirect: 'manual',
      });
    const approved = new URL((await decide('approve')).headers.get('location')!);
    const code = approved.searchParams.get('code')!;
    expect(approved.searchParams.get('state')).toBe('a<b');
    const token = await exchange(consentSandbox, {
      code,
      code_verifier: pkce.verifier,
      client_id: clientId,
      redirect_uri: redirectUri,
    });
    expect(token.status).toBe(200);
    // The form's nonce answers once.
    expect((await decide('approve')).status).toBe(400);

    const second = /name="nonce" value="([^"]+)"/.exec(await (await authorize(consentSandbox, params)).text())![1]!;
    const deniedAt = new URL((await decide('deny', second)).headers.get('location')!);
    expect(deniedAt.searchParams.get('error')).toBe('access_denied');
    expect(deniedAt.searchParams.get('code')).toBeNull();
  });
});
