/**
 * Keeps one connection profile's access token fresh. Client-credentials
 * profiles re-acquire silently; supervisor (PKCE) profiles cannot, because
 * only the person at the keyboard can sign in again, so they raise
 * `AuthRequiredError` and tell the app once. Nothing is dropped: the caller
 * keeps its pending work and retries after the sign-in (`whenSignedIn`).
 */
import { AuthRequiredError, type TokenProvider, type TokenSet } from '../types';
import { OAuthError } from './oauth-error';

export interface TokenStore {
  load(): TokenSet | null;
  save(tokens: TokenSet | null): void;
}

export interface TokenManagerOptions {
  profileId: string;
  /** Client credentials: fetches a new token unattended. null for supervisor sign-in profiles. */
  signIn: (() => Promise<TokenSet>) | null;
  /** Supervisor profiles: trades a refresh token for new tokens, when Genesys issued one. */
  refresh?: (refreshToken: string) => Promise<TokenSet>;
  store: TokenStore;
  now?: () => number;
  /** Raised once per lapse (an `auth.required` event upstream); re-armed by `accept`. */
  onAuthRequired: (profileId: string) => void;
  /** A token this close to expiry counts as expired, so a request never leaves with a dying token. */
  skewMs?: number;
}

export interface TokenManager extends TokenProvider {
  /** Stores the tokens of a completed supervisor sign-in and wakes `whenSignedIn` waiters. */
  accept(tokens: TokenSet): void;
  /** Forgets the tokens (sign out). */
  clear(): void;
  /** Whether a token is on hand that is not about to expire. */
  hasValidToken(): boolean;
  /** Resolves after the next `accept`: pending work waits here, then retries. */
  whenSignedIn(): Promise<void>;
}

export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const { profileId, signIn, refresh, store, onAuthRequired } = options;
  const now = options.now ?? Date.now;
  const skewMs = options.skewMs ?? 60_000;
  let current: TokenSet | null | undefined; // undefined: not loaded from the store yet
  let inFlight: Promise<string> | null = null;
  let authRequiredRaised = false;
  let waiters: Array<() => void> = [];

  const tokens = (): TokenSet | null => (current === undefined ? (current = store.load()) : current);
  const isFresh = (t: TokenSet | null): t is TokenSet => !!t && !!t.accessToken && t.expiresAt - skewMs > now();

  function keep(next: TokenSet | null): void {
    current = next;
    store.save(next);
  }

  function authRequired(): never {
    if (!authRequiredRaised) {
      authRequiredRaised = true;
      onAuthRequired(profileId);
    }
    throw new AuthRequiredError(profileId);
  }

  async function renew(): Promise<string> {
    if (signIn) {
      const next = await signIn();
      keep(next);
      return next.accessToken;
    }
    const refreshToken = tokens()?.refreshToken;
    if (refresh && refreshToken) {
      try {
        const next = await refresh(refreshToken);
        keep(next);
        return next.accessToken;
      } catch (err) {
        // Offline or a login-host outage says nothing about the refresh token: keep it and let the caller retry.
        if (!(err instanceof OAuthError) || err.status === null || err.status >= 500) throw err;
        // A refused refresh token is spent: drop it, and the supervisor signs in again.
        keep(null);
      }
    }
    return authRequired();
  }

  return {
    async getAccessToken() {
      const t = tokens();
      if (isFresh(t)) return t.accessToken;
      // One renewal for every caller waiting at this moment: no burst of token requests.
      inFlight ??= renew().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },

    invalidate() {
      const t = tokens();
      if (!t) return;
      // The access token is no good (a 401); a refresh token may still be.
      keep(t.refreshToken ? { ...t, accessToken: '', expiresAt: 0 } : null);
    },

    accept(next) {
      keep(next);
      authRequiredRaised = false;
      const wake = waiters;
      waiters = [];
      for (const w of wake) w();
    },

    clear() {
      keep(null);
    },

    hasValidToken: () => isFresh(tokens()),

    whenSignedIn: () => new Promise<void>((resolve) => waiters.push(resolve)),
  };
}
