/**
 * `POST {loginBase}/oauth/token` for every grant: one place that sends the
 * form, reads the token answer and turns refusals into `OAuthError`s.
 */
import type { GenesysEnvironment, TokenSet } from '../types';
import { oauthError, type OAuthGrant } from './oauth-error';

export type FetchLike = typeof fetch;

export interface TokenRequest {
  env: GenesysEnvironment;
  grant: OAuthGrant;
  form: Record<string, string>;
  /** The `Authorization` header value, for confidential clients. */
  authorization?: string;
  /** Values that must never appear in an error message (client secret, code verifier). */
  secrets: string[];
  fetchImpl?: FetchLike;
  /** The clock `expiresAt` is measured on; the token manager must share it. */
  now?: () => number;
  /** How long the login host may take to answer (default 30 s, as API calls). */
  timeoutMs?: number;
}

/** A login host that accepts the connection and never answers must not hold every call waiting for a token. */
export const tokenTimeoutMs = 30_000;

interface TokenAnswer {
  access_token?: unknown;
  expires_in?: unknown;
  refresh_token?: unknown;
  error?: unknown;
  description?: unknown;
  error_description?: unknown;
}

export async function requestToken(req: TokenRequest): Promise<TokenSet> {
  const { grant, secrets } = req;
  const fetchImpl = req.fetchImpl ?? fetch;
  const now = req.now ?? Date.now;
  const timeoutMs = req.timeoutMs ?? tokenTimeoutMs;
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (req.authorization) headers.authorization = req.authorization;

  let res: Response;
  try {
    res = await fetchImpl(`${req.env.loginBase}/oauth/token`, {
      method: 'POST',
      headers,
      body: new URLSearchParams(req.form).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    const cause = timedOut
      ? `no answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`
      : err instanceof Error
        ? err.cause instanceof Error
          ? err.cause.message
          : err.message
        : String(err);
    throw oauthError({
      error: 'network_error',
      description: `${new URL(req.env.loginBase).host}: ${cause}`,
      status: null,
      grant,
      secrets,
    });
  }

  let answer: TokenAnswer = {};
  try {
    answer = (await res.json()) as TokenAnswer;
  } catch {
    // A proxy's HTML error page or an empty body: judged by the status below.
  }
  if (!res.ok || typeof answer.error === 'string') {
    const error =
      typeof answer.error === 'string' ? answer.error : res.status >= 500 ? 'server_error' : 'invalid_response';
    const description =
      [answer.error_description, answer.description].find((d): d is string => typeof d === 'string') ??
      `HTTP ${res.status}`;
    throw oauthError({ error, description, status: res.status, grant, secrets });
  }
  if (typeof answer.access_token !== 'string' || !answer.access_token || typeof answer.expires_in !== 'number') {
    throw oauthError({
      error: 'invalid_response',
      description: 'the answer has no access_token or expires_in',
      status: res.status,
      grant,
      secrets,
    });
  }
  const tokens: TokenSet = {
    accessToken: answer.access_token,
    expiresAt: now() + answer.expires_in * 1000,
    grantType: grant === 'client_credentials' ? 'client_credentials' : 'authorization_code',
  };
  if (typeof answer.refresh_token === 'string' && answer.refresh_token) tokens.refreshToken = answer.refresh_token;
  return tokens;
}
