import { describe, expect, it, vi } from 'vitest';
import { AuthRequiredError, type TokenSet } from '../types';
import { OAuthError } from './oauth-error';
import { createTokenManager, type TokenManagerOptions } from './token-manager';

let clock = 0;
const memoryStore = (initial: TokenSet | null = null) => {
  let saved = initial;
  return { load: () => saved, save: vi.fn((t: TokenSet | null) => void (saved = t)), peek: () => saved };
};
const token = (name: string, lifetimeMs = 600_000, extra: Partial<TokenSet> = {}): TokenSet => ({
  accessToken: name,
  expiresAt: clock + lifetimeMs,
  grantType: 'authorization_code',
  ...extra,
});
const manager = (o: Partial<TokenManagerOptions>) =>
  createTokenManager({
    profileId: 'p1',
    signIn: null,
    store: memoryStore(),
    now: () => clock,
    onAuthRequired: vi.fn(),
    ...o,
  });

describe('token manager, client credentials', () => {
  it('reuses a fresh token and renews within the skew of expiry, with one request for all callers', async () => {
    clock = 0;
    let issued = 0;
    const signIn = vi.fn(async () => token(`t${++issued}`, 600_000, { grantType: 'client_credentials' }));
    const tokens = manager({ signIn });
    expect(await tokens.getAccessToken()).toBe('t1');
    clock = 539_000;
    expect(await tokens.getAccessToken()).toBe('t1');
    clock = 541_000; // inside the 60 s skew
    expect(await Promise.all([1, 2, 3].map(() => tokens.getAccessToken()))).toEqual(['t2', 't2', 't2']);
    expect(signIn).toHaveBeenCalledTimes(2);
    tokens.invalidate();
    expect(await tokens.getAccessToken()).toBe('t3');
  });

  it('passes a refused secret on to the caller and tries again next time', async () => {
    const signIn = vi.fn(async (): Promise<TokenSet> => {
      throw new OAuthError('invalid_client', 'client authentication failed', 401, 'check the secret');
    });
    const tokens = manager({ signIn });
    await expect(tokens.getAccessToken()).rejects.toThrow('check the secret');
    await expect(tokens.getAccessToken()).rejects.toThrow('check the secret');
    expect(signIn).toHaveBeenCalledTimes(2);
  });
});

describe('token manager, supervisor sign-in', () => {
  it('raises auth required once per lapse, and wakes pending work after the next sign-in', async () => {
    clock = 0;
    const onAuthRequired = vi.fn();
    const store = memoryStore(token('a'));
    const tokens = manager({ store, onAuthRequired });
    expect(await tokens.getAccessToken()).toBe('a');
    clock = 600_000;
    await expect(tokens.getAccessToken()).rejects.toBeInstanceOf(AuthRequiredError);
    await expect(tokens.getAccessToken()).rejects.toMatchObject({ profileId: 'p1' });
    expect(onAuthRequired).toHaveBeenCalledTimes(1);
    expect(onAuthRequired).toHaveBeenCalledWith('p1');

    const pending = tokens.whenSignedIn().then(() => tokens.getAccessToken());
    tokens.accept(token('b'));
    expect(await pending).toBe('b');
    expect(store.peek()?.accessToken).toBe('b');

    tokens.invalidate(); // a 401 on 'b'
    await expect(tokens.getAccessToken()).rejects.toBeInstanceOf(AuthRequiredError);
    expect(onAuthRequired).toHaveBeenCalledTimes(2);
  });

  it('uses a refresh token when one was issued, keeps it through an outage, drops it when refused', async () => {
    clock = 0;
    const store = memoryStore(token('a', -1, { refreshToken: 'r1' }));
    const refresh = vi.fn(async (r: string) => token(`from-${r}`, 600_000, { refreshToken: 'r2' }));
    const tokens = manager({ store, refresh });
    expect(await tokens.getAccessToken()).toBe('from-r1');

    clock = 600_000;
    refresh.mockRejectedValueOnce(new OAuthError('network_error', 'offline', null, 'offline'));
    await expect(tokens.getAccessToken()).rejects.toThrow('offline');
    expect(store.peek()?.refreshToken).toBe('r2');

    refresh.mockRejectedValueOnce(new OAuthError('invalid_grant', 'expired', 400, 'expired'));
    await expect(tokens.getAccessToken()).rejects.toBeInstanceOf(AuthRequiredError);
    expect(store.peek()).toBeNull();
  });
});
