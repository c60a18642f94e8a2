/**
 * How long the guided publish waits before it tries again, and when it stops
 * trying. Pure: randomness and the clock come in as arguments, so the state
 * machine stays a function of its events and a test can pin every wait.
 *
 * - A 429 is waited exactly: `Retry-After` (seconds, or an HTTP date against
 *   the injected now). Waiting less earns another 429; waiting more wastes
 *   the 06:00 window.
 * - Everything else that is tried again backs off exponentially with full
 *   jitter (a uniform draw under a doubling ceiling), so supervisors
 *   publishing the same BU at 06:00 do not retry in step.
 * - Each kind of trouble has its own cap on attempts, so a schedule that keeps
 *   moving or a Genesys that keeps failing ends in a report, never a loop.
 */

/** Why an attempt is tried again; each kind is capped on its own. */
export type RetryKind =
  /** 409, or the 400 "does not match the current version": someone else saved first. */
  | 'staleVersion'
  /** 429. */
  | 'rateLimited'
  /** 5xx, timeout, reset, or an operation that was never heard of: reconcile, then maybe resend. */
  | 'unknownOutcome'
  /** A read, an upload URL or the PUT failed in a way that wrote nothing: ask again. */
  | 'transient'
  /** A 409 that re-reading could not explain, while some agents were in scripted conversations. */
  | 'scriptLock'
  /** An operation that ended `Error` while someone else saved: rebased and resent. */
  | 'failedOperation';

export const retryKinds: readonly RetryKind[] = [
  'staleVersion',
  'rateLimited',
  'unknownOutcome',
  'transient',
  'scriptLock',
  'failedOperation',
];

export interface RetryTuning {
  /** The first backoff ceiling; it doubles with each failure of the same kind. */
  baseMs: number;
  /**
   * A first ceiling of its own for some kinds (journals from before it have none: `baseMs` then).
   * A stale version is no trouble at the server: someone saved first, and the re-read that must come
   * before the retry (hundreds of ms, different for every publisher) already spreads supervisors
   * publishing the same unit; the jitter only has to break a tie. Half a second of doubling on top
   * of that spent the 06:00 window for nothing. A 5xx or a reset keeps `baseMs`: there the server
   * needs room.
   */
  baseMsByKind?: Partial<Record<RetryKind, number>>;
  /** The largest ceiling. */
  capMs: number;
  /** How many times each kind may be tried again in one publish (not counting the first try). */
  maxRetries: Record<RetryKind, number>;
}

export const defaultRetryTuning: RetryTuning = {
  baseMs: 500,
  baseMsByKind: { staleVersion: 100 },
  capMs: 30_000,
  maxRetries: {
    staleVersion: 6,
    rateLimited: 10,
    unknownOutcome: 5,
    transient: 5,
    scriptLock: 3,
    failedOperation: 2,
  },
};

/**
 * Full jitter (the AWS architecture blog's "Exponential Backoff And Jitter"):
 * a uniform wait in [0, min(cap, base·2^(failures-1))). `failures` counts the
 * failures of this kind so far, this one included (1 for the first).
 */
export function fullJitterMs(failures: number, tuning: Pick<RetryTuning, 'baseMs' | 'capMs'>, random: () => number) {
  const ceiling = Math.min(tuning.capMs, tuning.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * ceiling);
}

/** `delay-seconds`: digits only (RFC 9110 §10.2.3); a decimal is taken too, since a server that sends one means it. */
const delaySeconds = /^\d+(\.\d+)?$/;

/**
 * `Retry-After` as a wait in ms from `nowMs`: seconds, or an HTTP date (a date
 * in the past waits 0). null when absent or unreadable, so the caller can fall
 * back to `inin-ratelimit-reset` or backoff instead of guessing.
 */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (delaySeconds.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Every HTTP date names its month; without one, Date.parse would take e.g. "-3" for a year.
  if (!/[A-Za-z]{3}/.test(trimmed)) return null;
  // An HTTP date is GMT; asctime's obsolete form omits the zone, and Date.parse would read it as local time.
  const at = Date.parse(/\b(GMT|UTC)$|[+-]\d{4}$/.test(trimmed) ? trimmed : `${trimmed} GMT`);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

export type RetryDecision =
  { retry: true; waitMs: number; reason: 'retryAfter' | 'backoff' } | { retry: false; reason: 'capReached' };

/**
 * Whether to try again after a failure of `kind`, and after how long.
 * `failures` counts this kind's failures in the publish, this one included.
 * `retryAfterMs` is the server's own wait (a 429's `Retry-After`, already
 * parsed); when it is given it is waited exactly, never jittered.
 */
export function nextRetry(
  kind: RetryKind,
  failures: number,
  tuning: RetryTuning,
  random: () => number,
  retryAfterMs: number | null = null,
): RetryDecision {
  if (failures > tuning.maxRetries[kind]) return { retry: false, reason: 'capReached' };
  if (retryAfterMs !== null) return { retry: true, waitMs: retryAfterMs, reason: 'retryAfter' };
  const baseMs = tuning.baseMsByKind?.[kind] ?? tuning.baseMs;
  return { retry: true, waitMs: fullJitterMs(failures, { baseMs, capMs: tuning.capMs }, random), reason: 'backoff' };
}
