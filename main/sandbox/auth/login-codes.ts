/**
 * The supervisor sign-in's moving parts: loopback redirect URIs (RFC 8252),
 * PKCE S256 (RFC 7636), single-use authorization codes and the one-time
 * nonces of pending consent pages. Kept in memory like the real login host.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Genesys codes are short-lived; 60 s is plenty for a loopback redirect. */
const codeLifetimeMs = 60_000;
/** A consent page left open longer than this must be restarted from the app. */
const consentLifetimeMs = 10 * 60_000;

export interface AuthorizeRequest {
  clientId: string;
  userId: string;
  redirectUri: string;
  codeChallenge: string;
  state: string | null;
}

interface IssuedCode extends AuthorizeRequest {
  expiresAt: number;
  used: boolean;
}

export type CodeRedemption = { ok: true; userId: string } | { ok: false; reason: string };

/** Loopback only, explicit port, no fragment: what RFC 8252 §7.3 allows a native app. */
export function isLoopbackRedirect(uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  const loopbackHost = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  return url.protocol === 'http:' && loopbackHost && url.port !== '' && url.hash === '' && !uri.includes('#');
}

/** A S256 challenge is base64url of 32 bytes: exactly 43 characters. */
export const isS256Challenge = (challenge: string) => /^[A-Za-z0-9_-]{43}$/.test(challenge);

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createLoginCodes(now: () => Date) {
  const codes = new Map<string, IssuedCode>();
  const consents = new Map<string, AuthorizeRequest & { expiresAt: number }>();

  // Spent and stale entries go when new ones come, so nothing grows without bound.
  function sweep(nowMs: number): void {
    for (const [k, c] of codes) if (c.expiresAt + codeLifetimeMs < nowMs) codes.delete(k);
    for (const [k, c] of consents) if (c.expiresAt < nowMs) consents.delete(k);
  }

  return {
    issueCode(request: AuthorizeRequest): string {
      const nowMs = now().getTime();
      sweep(nowMs);
      const code = randomBytes(32).toString('base64url');
      codes.set(code, { ...request, expiresAt: nowMs + codeLifetimeMs, used: false });
      return code;
    },

    /** Every check of RFC 6749 §4.1.3 and RFC 7636 §4.6; any failure is `invalid_grant`. */
    redeem(code: string, clientId: string, redirectUri: string, verifier: string): CodeRedemption {
      const issued = codes.get(code);
      if (!issued) return { ok: false, reason: 'The authorization code is invalid.' };
      // A code is spent by its first redemption attempt, even a failed one, so a verifier cannot be guessed.
      const wasUsed = issued.used;
      issued.used = true;
      if (wasUsed) return { ok: false, reason: 'The authorization code has already been used.' };
      if (issued.expiresAt <= now().getTime()) return { ok: false, reason: 'The authorization code has expired.' };
      if (issued.clientId !== clientId)
        return { ok: false, reason: 'The authorization code was issued to another client.' };
      if (issued.redirectUri !== redirectUri)
        return { ok: false, reason: 'redirect_uri does not match the authorization request.' };
      if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || s256(verifier) !== issued.codeChallenge) {
        return { ok: false, reason: 'code_verifier does not match the code_challenge.' };
      }
      return { ok: true, userId: issued.userId };
    },

    openConsent(request: AuthorizeRequest): string {
      const nowMs = now().getTime();
      sweep(nowMs);
      const nonce = randomBytes(24).toString('base64url');
      consents.set(nonce, { ...request, expiresAt: nowMs + consentLifetimeMs });
      return nonce;
    },

    /** The pending request behind a consent form; each nonce answers once. */
    takeConsent(nonce: string): AuthorizeRequest | undefined {
      const pending = consents.get(nonce);
      consents.delete(nonce);
      if (!pending || pending.expiresAt <= now().getTime()) return undefined;
      const { expiresAt: _expiresAt, ...request } = pending;
      return request;
    },
  };
}

export type LoginCodes = ReturnType<typeof createLoginCodes>;
