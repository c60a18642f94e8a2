/** Exit codes a CI job can branch on. */
import type { FailureCategory } from '../../shared/contract';

export const exitCodes = { ok: 0, failed: 1, usage: 2, auth: 3, conflict: 4, unavailable: 5 } as const;

export function exitCodeFor(category: FailureCategory | undefined): number {
  if (category === 'auth') return exitCodes.auth;
  if (category === 'conflict') return exitCodes.conflict;
  if (category === 'unavailable') return exitCodes.unavailable;
  return exitCodes.failed;
}

/** A mistake in how the command was called: exit 2 with the message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
