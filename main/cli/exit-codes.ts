/** Exit codes a CI job can branch on; the README lists them. */
import type { FailureCategory } from '../../shared/contract';

export const exitCodes = { ok: 0, failed: 1, usage: 2, auth: 3, conflict: 4, unavailable: 5, storage: 6 } as const;

export function exitCodeFor(category: FailureCategory | undefined): number {
  switch (category) {
    case 'badInput':
      return exitCodes.usage;
    case 'auth':
      return exitCodes.auth;
    case 'conflict':
      return exitCodes.conflict;
    case 'unavailable':
      return exitCodes.unavailable;
    case 'storage':
      return exitCodes.storage;
    default:
      return exitCodes.failed;
  }
}

/** A mistake in how the command was called: exit 2 with the message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
