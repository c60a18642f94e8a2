/**
 * The pieces of the supervisor sign-in that need no server: PKCE pairs
 * (RFC 7636, S256 only, since "plain" protects nothing), the authorize URL,
 * and the code and refresh exchanges at the token endpoint.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { GenesysEnvironment, TokenSet } from '../types';
import { requestToken, type FetchLike } from './token-endpoint';

export interface PkcePair {
  /** 43 base64url characters from 32 random bytes: the RFC's recommended size. */
  verifier: string;
  challenge: string;
}

export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: s256Challenge(verifier) };
}

/** Unguessable, so a page that forges a callback to our loopback port cannot pass. */
export const createSignInState = (): string => randomBytes(24).toString('base64url');

export function buildAuthorizeUrl(args: {
  env: GenesysEnvironment;
  clientId: string;
  redirectUri: string;
  challenge: string;
  state: string;
}): string {
  const url = new URL(`${args.env.loginBase}/oauth/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: args.clientId,
    redirect_uri: args.redirectUri,
    code_challenge: args.challenge,
    code_challenge_method: 'S256',
    state: args.state,
  }).toString();
  return url.toString();
}

export interface CodeExchange {
  env: GenesysEnvironment;
  clientId: string;
  code: string;
  verifier: string;
  /** Must be byte-for-byte the one in the authorize URL. */
  redirectUri: string;
  fetchImpl?: FetchLike;
  now?: () => number;
}

/** A public client: no secret, the verifier proves we started this sign-in. */
export function exchangeAuthorizationCode(x: CodeExchange): Promise<TokenSet> {
  return requestToken({
    env: x.env,
    grant: 'authorization_code',
    form: {
      grant_type: 'authorization_code',
      code: x.code,
      code_verifier: x.verifier,
      client_id: x.clientId,
      redirect_uri: x.redirectUri,
    },
    secrets: [x.verifier, x.code],
    fetchImpl: x.fetchImpl,
    now: x.now,
  });
}

/** Only when the login host issued a refresh token; Genesys may not, so callers plan for a re-login. */
export async function refreshSignIn(args: {
  env: GenesysEnvironment;
  clientId: string;
  refreshToken: string;
  fetchImpl?: FetchLike;
  now?: () => number;
}): Promise<TokenSet> {
  const tokens = await requestToken({
    env: args.env,
    grant: 'refresh_token',
    form: { grant_type: 'refresh_token', refresh_token: args.refreshToken, client_id: args.clientId },
    secrets: [args.refreshToken],
    fetchImpl: args.fetchImpl,
    now: args.now,
  });
  // A host that does not rotate refresh tokens keeps the old one valid.
  return { ...tokens, refreshToken: tokens.refreshToken ?? args.refreshToken };
}
