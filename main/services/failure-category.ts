/**
 * Sorts a failure into what the caller can do about it (see FailureCategory):
 * fix the input, sign in again, re-read and retry, wait, or fix this machine's
 * data folder. Anything unrecognised is `internal`: a fault of ours.
 */
import type { FailureCategory } from '../../shared/contract';
import { OpsError } from '../../shared/ops-error';
import { OAuthError } from '../genesys/auth/oauth-error';
import { SignInError } from '../genesys/auth/loopback-signin';
import { GenesysError } from '../genesys/client/errors';
import { AuthRequiredError } from '../genesys/types';
import { VaultError } from '../genesys/vault/vault';

/** errno codes that mean the disk, not the request, is the trouble. */
const storageErrnos = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'ENOTDIR',
  'EISDIR',
  'EEXIST',
  'EIO',
  'EMFILE',
]);

export function failureCategory(err: unknown): FailureCategory {
  if (err instanceof OpsError) return err.category;
  if (err instanceof AuthRequiredError || err instanceof SignInError) return 'auth';
  if (err instanceof OAuthError)
    return err.error === 'network_error' || (err.status ?? 0) >= 500 ? 'unavailable' : 'auth';
  if (err instanceof GenesysError) {
    if (err.kind === 'unauthorized' || err.kind === 'forbidden') return 'auth';
    if (err.kind === 'versionConflict') return 'conflict';
    if (err.kind === 'server' || err.kind === 'ambiguous' || err.kind === 'rateLimited' || err.kind === 'malformed')
      return 'unavailable';
    return 'invalid';
  }
  // A wrong passphrase or an altered secret is a credential problem; a damaged or unreadable file is the disk's.
  if (err instanceof VaultError)
    return err.problem === 'wrong-passphrase' || err.problem === 'unreadable-entry' ? 'auth' : 'storage';
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_') || storageErrnos.has(code))) return 'storage';
  return 'internal';
}

/** HTTP status of a failed call on the host transport. */
export function httpStatusFor(category: FailureCategory | undefined): number {
  switch (category) {
    case 'badInput':
      return 400;
    case 'auth':
      return 401;
    case 'conflict':
      return 409;
    case 'invalid':
      return 422;
    case 'unavailable':
      return 503;
    default:
      return 500;
  }
}
