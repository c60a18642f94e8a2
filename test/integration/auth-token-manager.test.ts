/**
 * Token expiry against the sandbox org, on one injected clock shared by the
 * org and the app: a client-credentials profile re-acquires silently; a
 * supervisor profile asks for a sign-in once and its pending work resumes.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestClientCredentialsToken } from '../../main/genesys/auth/client-credentials';
import { startPkceSignIn } from '../../main/genesys/auth/loopback-signin';
import { createTokenManager, type TokenStore } from '../../main/genesys/auth/token-manager';
import { environmentFor } from '../../main/genesys/regions';
import { AuthRequiredError, type TokenSet } from '../../main/genesys/types';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';

const lifetimeSeconds = 600;
let clockMs = Date.parse('2026-11-23T12:00:00Z');
const now = () => clockMs;
const advance = (seconds: number) => void (clockMs += seconds * 1000);
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    agents: 40,
    weeks: 1,
    autoApprove: true,
    tokenLifetimeSeconds: lifetimeSeconds,
    now: () => new Date(clockMs),
  });
});
afterAll(() => sandbox?.close());

const env = () => environmentFor({ baseUrl: sandbox.baseUrl });
const memoryStore = (): TokenStore & { saved: TokenSet | null } => ({
  saved: null,
  load() {
    return this.saved;
  },
  save(t) {
    this.saved = t;
  },
});
const statusWith = async (token: string, path = '/api/v2/organizations/me') =>
  (await fetch(`${sandbox.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })).status;

/** The scripted system browser: authorize, then follow the redirect to the loopback callback. */
async function browserHop(authorizeUrl: string): Promise<void> {
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  await fetch(authorize.headers.get('location')!);
}

async function supervisorSignIn(): Promise<TokenSet> {
  const clientId = [...sandbox.runtime.org.clients.values()].find(
    (c) => c.name === 'Publish Desk supervisor sign-in',
  )!.clientId;
  const signin = await startPkceSignIn({ env: env(), clientId, openBrowser: browserHop, now });
  return signin.result;
}

describe('token manager against the sandbox org', () => {
  it('client credentials: re-acquires after expiry, once for concurrent callers', async () => {
    const tokenRequests = vi.fn(fetch);
    const onAuthRequired = vi.fn();
    const tokens = createTokenManager({
      profileId: 'sandbox-cc',
      signIn: () => requestClientCredentialsToken(env(), sandbox.clientId, sandbox.clientSecret, tokenRequests, now),
      store: memoryStore(),
      now,
      onAuthRequired,
    });
    const first = await tokens.getAccessToken();
    expect(await statusWith(first)).toBe(200);

    advance(lifetimeSeconds + 1);
    expect(await statusWith(first)).toBe(401); // the org agrees it has expired
    const renewed = await Promise.all(Array.from({ length: 5 }, () => tokens.getAccessToken()));
    expect(new Set(renewed).size).toBe(1);
    expect(renewed[0]).not.toBe(first);
    expect(await statusWith(renewed[0]!)).toBe(200);
    expect(tokenRequests).toHaveBeenCalledTimes(2);

    tokens.invalidate(); // as after a 401
    expect(await tokens.getAccessToken()).not.toBe(renewed[0]);
    expect(onAuthRequired).not.toHaveBeenCalled();
  });

  it('supervisor sign-in: asks once for a new sign-in, and pending work continues after it', async () => {
    const onAuthRequired = vi.fn();
    const store = memoryStore();
    const tokens = createTokenManager({ profileId: 'supervisor', signIn: null, store, now, onAuthRequired });
    tokens.accept(await supervisorSignIn());
    const first = await tokens.getAccessToken();
    expect(await statusWith(first, '/api/v2/users/me')).toBe(200);
    expect(store.saved?.refreshToken).toBeUndefined(); // the org issues none, like Genesys may not

    advance(lifetimeSeconds + 1);
    await expect(tokens.getAccessToken()).rejects.toBeInstanceOf(AuthRequiredError);
    await expect(tokens.getAccessToken()).rejects.toMatchObject({ profileId: 'supervisor' });
    expect(onAuthRequired).toHaveBeenCalledTimes(1);
    expect(onAuthRequired).toHaveBeenCalledWith('supervisor');

    // The publish step that hit the lapse waits for the sign-in instead of being dropped.
    const pendingWork = tokens
      .whenSignedIn()
      .then(async () => statusWith(await tokens.getAccessToken(), '/api/v2/users/me'));
    tokens.accept(await supervisorSignIn());
    expect(await pendingWork).toBe(200);
  });
});
