/**
 * The seams of the Genesys Cloud client: where its tokens come from, where
 * its requests are recorded, and which hosts it talks to. Written down once
 * so the OAuth flows, the HTTP client and the notifications client agree.
 */

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
  constructor(readonly profileId: string, message = 'Sign in again to continue: the Genesys Cloud session has ended.') {
    super(message);
    this.name = 'AuthRequiredError';
  }
}

/** One request as the Activity log shows it. Never a body, a header or a token. */
export interface AuditEntry {
  at: string;
  profileId: string;
  method: string;
  /** The SDK's path template, e.g. `/api/v2/workforcemanagement/businessunits/{businessUnitId}`. */
  pathTemplate: string;
  /** null when no HTTP answer came (timeout, reset). */
  status: number | null;
  durationMs: number;
  /** 1 for the first try, 2.. for retries of reads. */
  attempt: number;
  contextId: string | null;
  /** The GenesysError kind when it failed. */
  errorKind: string | null;
}

export interface AuditSink {
  record(entry: AuditEntry): void;
}
