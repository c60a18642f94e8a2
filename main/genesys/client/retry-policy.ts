/**
 * Which failed attempts are tried again, and after how long. Only reads are
 * ever retried: a write that failed may still have been applied (5xx,
 * timeout) and resending it could publish twice or duplicate an import; the
 * publish engine reconciles by re-reading instead.
 */
import type { GenesysError } from './errors';

export interface BackoffTuning {
  /** First backoff ceiling; doubles per attempt. */
  baseMs: number;
  /** Largest ceiling. */
  capMs: number;
}

export const defaultBackoff: BackoffTuning = { baseMs: 500, capMs: 15_000 };

export type RetryReason = 'rateLimited' | 'backoff';

/** "Full jitter" (AWS architecture blog): spreads retrying clients out instead of synchronising them. */
export function fullJitterMs(attempt: number, tuning: BackoffTuning, random: () => number): number {
  const ceiling = Math.min(tuning.capMs, tuning.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * The wait before the next attempt, or null to give up and throw.
 * `attempt` is the attempt that just failed (1-based).
 */
export function retryDelay(
  error: GenesysError,
  attempt: number,
  maxAttempts: number,
  tuning: BackoffTuning,
  random: () => number,
): { waitMs: number; reason: RetryReason } | null {
  if (error.isWrite || attempt >= maxAttempts) return null;
  if (error.kind === 'rateLimited') {
    // Genesys says exactly how long: waiting less earns another 429.
    return error.retryAfterMs !== undefined
      ? { waitMs: error.retryAfterMs, reason: 'rateLimited' }
      : { waitMs: fullJitterMs(attempt, tuning, random), reason: 'backoff' };
  }
  if (error.kind === 'server' || error.kind === 'ambiguous') {
    return { waitMs: fullJitterMs(attempt, tuning, random), reason: 'backoff' };
  }
  return null;
}
