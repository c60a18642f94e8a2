/**
 * Supervisor sign-in with the system browser and a loopback redirect
 * (RFC 8252): the user signs in on the real Genesys login page, where their
 * SSO and password manager work, and the app never sees the password. No
 * embedded login window: the browser comes back to a one-shot server on
 * 127.0.0.1 that lives only for this sign-in.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseRequestTarget } from '../../../shared/request-target';
import type { GenesysEnvironment, TokenSet } from '../types';
import { OAuthError, oauthError } from './oauth-error';
import { buildAuthorizeUrl, createPkcePair, createSignInState, exchangeAuthorizationCode } from './pkce';
import { notFoundPage, signedInPage, signInFailedPage, type SignInPage } from './signin-pages';
import type { FetchLike } from './token-endpoint';

export type SignInFailure = 'cancelled' | 'timeout' | 'state-mismatch' | 'no-code' | 'browser';

/** A sign-in that ended on our side; refusals by the login host are `OAuthError`s. */
export class SignInError extends Error {
  constructor(
    readonly kind: SignInFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

export interface PkceSignInOptions {
  env: GenesysEnvironment;
  clientId: string;
  /** Opens the system browser (main/electron passes `shell.openExternal`). */
  openBrowser: (url: string) => Promise<void>;
  /** How long the user has to finish in the browser. */
  timeoutMs?: number;
  signal?: AbortSignal;
  fetchImpl?: FetchLike;
  now?: () => number;
}

export interface PkceSignIn {
  authorizeUrl: string;
  redirectUri: string;
  /** The tokens, or an `OAuthError` / `SignInError`. The loopback server is closed either way. */
  result: Promise<TokenSet>;
  cancel(): void;
}

const defaultTimeoutMs = 5 * 60_000;
const again = 'Start the sign-in again from Publish Desk.';

function duration(ms: number): string {
  if (ms >= 60_000) {
    const minutes = Math.round(ms / 60_000);
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  const seconds = Math.max(1, Math.round(ms / 1000));
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

function send(res: ServerResponse, page: SignInPage): void {
  res.writeHead(page.status, {
    'content-type': 'text/html; charset=utf-8',
    // The page must not be cached or framed, and the connection must not outlive the sign-in.
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    connection: 'close',
  });
  res.end(page.html);
}

export async function startPkceSignIn(options: PkceSignInOptions): Promise<PkceSignIn> {
  const { env, clientId, openBrowser, timeoutMs = defaultTimeoutMs, signal } = options;
  const pkce = createPkcePair();
  const state = createSignInState();
  let settled = false;
  let exchanging = false;
  let resolveResult!: (tokens: TokenSet) => void;
  let rejectResult!: (err: Error) => void;
  const result = new Promise<TokenSet>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });

  const server = http.createServer((req, res) => {
    // Any local program or web page can reach this port: a request that fails is answered, never fatal.
    onCallback(req, res).catch(() => {
      if (!res.headersSent) send(res, signInFailedPage(`Publish Desk could not read that request. ${again}`, 400));
      else res.destroy();
    });
  });
  // Loopback IP literal, not "localhost": RFC 8252 §8.3, and no DNS or IPv6 surprises.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  const authorizeUrl = buildAuthorizeUrl({ env, clientId, redirectUri, challenge: pkce.challenge, state });

  function finish(outcome: { tokens: TokenSet } | { error: Error }, force: boolean): void {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    server.close();
    if (force) {
      server.closeAllConnections();
    } else {
      // Let the last page reach the browser, then drop any preconnected sockets.
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 2_000).unref();
    }
    if ('tokens' in outcome) resolveResult(outcome.tokens);
    else rejectResult(outcome.error);
  }

  async function onCallback(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = parseRequestTarget(req.url, redirectUri);
    // Browsers also ask for /favicon.ico; only the callback counts. A target that is not a URL is not it either.
    if (!url || req.method !== 'GET' || url.pathname !== '/callback') return send(res, notFoundPage());
    if (settled || exchanging) return send(res, signInFailedPage(`This sign-in has already finished. ${again}`, 409));
    const q = url.searchParams;
    if (q.get('state') !== state) {
      const err = new SignInError(
        'state-mismatch',
        `The browser came back with the answer to a different sign-in (the state does not match), so Publish Desk ignored it. ${again}`,
      );
      send(res, signInFailedPage(err.message));
      return finish({ error: err }, false);
    }
    const error = q.get('error');
    if (error) {
      const err = oauthError({
        error,
        description: q.get('error_description') ?? '',
        status: null,
        grant: 'authorization_code',
      });
      send(res, signInFailedPage(err.message));
      return finish({ error: err }, false);
    }
    const code = q.get('code');
    if (!code) {
      const err = new SignInError('no-code', `The browser came back without a sign-in code. ${again}`);
      send(res, signInFailedPage(err.message));
      return finish({ error: err }, false);
    }
    exchanging = true;
    try {
      const tokens = await exchangeAuthorizationCode({
        env,
        clientId,
        code,
        verifier: pkce.verifier,
        redirectUri,
        fetchImpl: options.fetchImpl,
        now: options.now,
      });
      send(res, signedInPage());
      finish({ tokens }, false);
    } catch (err) {
      const failure =
        err instanceof OAuthError ? err : new Error(`The sign-in could not be completed: ${String(err)}. ${again}`);
      send(res, signInFailedPage(failure.message, 502));
      finish({ error: failure }, false);
    }
  }

  const cancel = () =>
    finish(
      {
        error: new SignInError(
          'cancelled',
          'The sign-in was cancelled. Start it again from Publish Desk when you are ready.',
        ),
      },
      true,
    );
  const onAbort = () => cancel();
  const timer = setTimeout(() => {
    const err = new SignInError(
      'timeout',
      `The sign-in was not finished within ${duration(timeoutMs)}. ${again} Finish it in the browser tab that opens.`,
    );
    finish({ error: err }, true);
  }, timeoutMs);
  if (signal?.aborted) cancel();
  else signal?.addEventListener('abort', onAbort, { once: true });

  if (!settled) {
    Promise.resolve()
      .then(() => openBrowser(authorizeUrl))
      .catch((err: unknown) => {
        const why = err instanceof Error ? err.message : String(err);
        finish(
          {
            error: new SignInError(
              'browser',
              `Publish Desk could not open your web browser (${why}). Check that a default browser is set, then try again.`,
            ),
          },
          true,
        );
      });
  }
  return { authorizeUrl, redirectUri, result, cancel };
}
