/**
 * The seams of the Genesys Cloud client: where its tokens come from, where
 * its requests are recorded, and which hosts it talks to. Written down once
 * so the OAuth flows, the HTTP client and the notifications client agree.
 */
import type { AuditRow } from '../../shared/activity';

/** Hosts of one Genesys Cloud region (or of the sandbox org, where both are its base URL). */
export interface GenesysEnvironment {
  /** e.g. `https://api.mypurecloud.com` (no trailing slash). */
  apiBase: string;
  /** e.g. `https://login.mypurecloud.com` (no trailing slash). */
  loginBase: string;
}

export interface TokenSet {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Genesys may not issue one: plan for a clean re-login. */
  refreshToken?: string;
  grantType: 'client_credentials' | 'authorization_code';
}

/**
 * Gives the client a valid bearer token. Throws `AuthRequiredError` when the
 * user must sign in again (expired token and no refresh possible).
 */
export interface TokenProvider {
  getAccessToken(): Promise<string>;
  /** Called after a 401: the token is no good; the next call must not reuse it. */
  invalidate(): void;
}

export class AuthRequiredError extends Error {
  constructor(
    readonly profileId: string,
    message = 'Sign in again to continue: the Genesys Cloud session has ended.',
  ) {
    super(message);
    this.name = 'AuthRequiredError';
  }
}

/** One request as the Activity log shows it (the row before SQLite gives it an id). */
export type AuditEntry = Omit<AuditRow, 'id'>;

export interface AuditSink {
  record(entry: AuditEntry): void;
}
