/**
 * The client-credentials grant: an unattended token for a profile that holds
 * an OAuth client id and secret (Genesys Cloud Admin > OAuth).
 */
import type { GenesysEnvironment, TokenSet } from '../types';
import { requestToken, type FetchLike } from './token-endpoint';

/**
 * `POST /oauth/token` with `Authorization: Basic base64(id:secret)` and
 * `grant_type=client_credentials`. Rejects with an `OAuthError` whose message
 * says what to check; the secret never appears in it.
 */
export function requestClientCredentialsToken(
  env: GenesysEnvironment,
  clientId: string,
  clientSecret: string,
  fetchImpl?: FetchLike,
  now?: () => number,
): Promise<TokenSet> {
  const basic = Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
  return requestToken({
    env,
    grant: 'client_credentials',
    form: { grant_type: 'client_credentials' },
    authorization: `Basic ${basic}`,
    // The encoded header too: base64 hides nothing, so it must not be echoed either.
    secrets: [clientSecret, basic],
    fetchImpl,
    now,
  });
}
