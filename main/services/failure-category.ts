/**
 * Sorts a failure into what the caller can do about it: sign in again
 * (auth), re-read and retry (conflict), wait (unavailable), or fix the input.
 */
import type { FailureCategory } from '../../shared/contract';
import { OAuthError } from '../genesys/auth/oauth-error';
import { SignInError } from '../genesys/auth/loopback-signin';
import { GenesysError } from '../genesys/client/errors';
import { AuthRequiredError } from '../genesys/types';

export function failureCategory(err: unknown): FailureCategory | undefined {
  if (err instanceof AuthRequiredError || err instanceof SignInError) return 'auth';
  if (err instanceof OAuthError) return err.error === 'network_error' || (err.status ?? 0) >= 500 ? 'unavailable' : 'auth';
  if (err instanceof GenesysError) {
    if (err.kind === 'unauthorized' || err.kind === 'forbidden') return 'auth';
    if (err.kind === 'versionConflict') return 'conflict';
    if (err.kind === 'server' || err.kind === 'ambiguous' || err.kind === 'rateLimited' || err.kind === 'malformed') return 'unavailable';
    return 'invalid';
  }
  return undefined;
}
