/**
 * The login host: `POST /oauth/token` for both grants and `GET /oauth/authorize`
 * with its consent page. OAuth errors use the OAuth error body
 * (`{error, description, error_description}`), not the API's `ErrorBody`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Route, RouteContext, RouteResult } from '../http/route';
import type { SandboxClient } from '../org/model';
import type { SandboxRuntime } from '../runtime';
import { consentPage, loginErrorPage } from './consent-page';
import { directoryRoutes } from './directory-routes';
import { createLoginCodes, isLoopbackRedirect, isS256Challenge, type AuthorizeRequest } from './login-codes';

// RFC 6749 §5.1: token responses and errors must not be cached.
const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };

function oauthError(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): RouteResult {
  return { status, body: { error, description, error_description: description }, headers: { ...noStore, ...headers } };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  // Taken as is: Genesys ids are UUIDs and secrets URL-safe, so RFC 6749's form-encoding is a no-op.
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

async function readForm(ctx: RouteContext): Promise<URLSearchParams | null> {
  const type = (ctx.req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return null;
  return new URLSearchParams((await ctx.readRaw()).toString('utf8'));
}

function redirectTo(redirectUri: string, params: Record<string, string | null>): RouteResult {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return { status: 302, headers: { location: url.toString(), 'cache-control': 'no-store' } };
}

export function oauthRoutes(runtime: SandboxRuntime): Route[] {
  const { org } = runtime;
  const login = createLoginCodes(() => runtime.now());

  /** Refresh token → the sign-in it continues. Not rotated: a client must cope with either. */
  const refreshTokens = new Map<string, { clientId: string; userId: string }>();

  function tokenResponse(
    client: SandboxClient,
    grantType: 'client_credentials' | 'authorization_code',
    userId?: string,
    refreshToken?: string,
  ): RouteResult {
    const grant = runtime.tokens.issue(client.clientId, grantType, userId);
    const expiresIn = Math.max(0, Math.round((grant.expiresAt - runtime.now().getTime()) / 1000));
    const body: Record<string, unknown> = { access_token: grant.token, token_type: 'bearer', expires_in: expiresIn };
    // Genesys documents refresh tokens for the code grant, while DOMAIN.md warns one may not come: the sandbox
    // issues them only when asked (refreshTokens), so the console is tested both ways.
    if (grantType === 'authorization_code' && userId && runtime.config.refreshTokens) {
      const issued = refreshToken ?? randomBytes(24).toString('base64url');
      refreshTokens.set(issued, { clientId: client.clientId, userId });
      body.refresh_token = issued;
    }
    return { status: 200, body, headers: noStore };
  }

  async function token(ctx: RouteContext): Promise<RouteResult> {
    const form = await readForm(ctx);
    if (!form)
      return oauthError(400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded.');
    const grantType = form.get('grant_type');
    const basic = basicCredentials(ctx.req.headers.authorization);

    if (grantType === 'client_credentials') {
      const client = basic ? org.clients.get(basic.id) : undefined;
      // A public client (no secret, PKCE only) can never authenticate this way.
      if (!basic || !client || !client.clientSecret || !sameSecret(basic.secret, client.clientSecret)) {
        return oauthError(401, 'invalid_client', 'client authentication failed', {
          'www-authenticate': 'Basic realm="oauth"',
        });
      }
      if (!client.grantTypes.includes('client_credentials')) {
        return oauthError(
          400,
          'unauthorized_client',
          'This client is not authorized to use the client_credentials grant.',
        );
      }
      return tokenResponse(client, 'client_credentials');
    }

    if (grantType === 'authorization_code') {
      // A public (PKCE) client names itself in the body; a confidential one may also authenticate.
      const clientId = form.get('client_id') ?? basic?.id ?? '';
      const client = org.clients.get(clientId);
      if (!client || (basic && (basic.id !== clientId || !sameSecret(basic.secret, client.clientSecret)))) {
        return oauthError(401, 'invalid_client', 'client authentication failed');
      }
      if (!client.grantTypes.includes('authorization_code') || !client.userId) {
        return oauthError(
          400,
          'unauthorized_client',
          'This client is not authorized to use the authorization_code grant.',
        );
      }
      const code = form.get('code');
      const verifier = form.get('code_verifier');
      const redirectUri = form.get('redirect_uri');
      if (!code || !verifier || !redirectUri) {
        return oauthError(400, 'invalid_request', 'code, code_verifier and redirect_uri are required.');
      }
      const redeemed = login.redeem(code, clientId, redirectUri, verifier);
      if (!redeemed.ok) return oauthError(400, 'invalid_grant', redeemed.reason);
      return tokenResponse(client, 'authorization_code', redeemed.userId);
    }

    if (grantType === 'refresh_token' && runtime.config.refreshTokens) {
      const clientId = form.get('client_id') ?? basic?.id ?? '';
      const known = refreshTokens.get(form.get('refresh_token') ?? '');
      const client = org.clients.get(clientId);
      if (!known || !client || known.clientId !== clientId)
        return oauthError(400, 'invalid_grant', 'The refresh token is invalid or has expired.');
      return tokenResponse(client, 'authorization_code', known.userId, form.get('refresh_token')!);
    }

    if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required.');
    return oauthError(400, 'unsupported_grant_type', `The grant type ${grantType} is not supported.`);
  }

  function authorize(ctx: RouteContext): RouteResult {
    const q = ctx.query;
    const client = org.clients.get(q.get('client_id') ?? '');
    // Without a known client and a safe redirect URI nothing may be sent back: show the error here.
    if (!client) return loginErrorPage(400, 'Unknown OAuth client. Check the client id configured in the app.');
    const redirectUri = q.get('redirect_uri') ?? '';
    if (!isLoopbackRedirect(redirectUri)) {
      return loginErrorPage(
        400,
        'redirect_uri must be a loopback address with a port, e.g. http://127.0.0.1:PORT/callback.',
      );
    }
    const state = q.get('state');
    const fail = (error: string, description: string) =>
      redirectTo(redirectUri, { error, error_description: description, state });
    if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code.');
    const challenge = q.get('code_challenge') ?? '';
    if (q.get('code_challenge_method') !== 'S256' || !isS256Challenge(challenge)) {
      return fail('invalid_request', 'PKCE is required: code_challenge with code_challenge_method=S256.');
    }
    const user = client.userId ? org.users.get(client.userId) : undefined;
    if (!client.grantTypes.includes('authorization_code') || !user) {
      return fail('unauthorized_client', 'This client is not authorized to use the authorization_code grant.');
    }
    const request: AuthorizeRequest = {
      clientId: client.clientId,
      userId: user.id,
      redirectUri,
      codeChallenge: challenge,
      state,
    };
    if (runtime.config.autoApprove) return redirectTo(redirectUri, { code: login.issueCode(request), state });
    return consentPage({
      clientName: client.name,
      userName: user.name,
      orgName: org.name,
      nonce: login.openConsent(request),
    });
  }

  async function decide(ctx: RouteContext): Promise<RouteResult> {
    const form = await readForm(ctx);
    const request = form ? login.takeConsent(form.get('nonce') ?? '') : undefined;
    if (!form || !request) {
      return loginErrorPage(
        400,
        'This sign-in request has expired or was already answered. Start the sign-in again from the app.',
      );
    }
    if (form.get('decision') !== 'approve') {
      return redirectTo(request.redirectUri, {
        error: 'access_denied',
        error_description: 'The user denied the request.',
        state: request.state,
      });
    }
    return redirectTo(request.redirectUri, { code: login.issueCode(request), state: request.state });
  }

  return [
    { method: 'POST', template: '/oauth/token', auth: 'none', handle: token },
    { method: 'GET', template: '/oauth/authorize', auth: 'none', handle: authorize },
    { method: 'POST', template: '/oauth/authorize/decision', auth: 'none', handle: decide },
    ...directoryRoutes(runtime),
  ];
}
