/**
 * The countdown of a wait: how long until Genesys's `Retry-After` (or our backoff, or pacing) ends,
 * and why, in words. Pure: `nowMs` comes from the caller's ticking clock (use-now.ts).
 */
export type WaitReason = 'retryAfter' | 'backoff' | 'pacing';

const reasonWords: Record<WaitReason, string> = {
  retryAfter: 'Genesys answered 429 (rate limited) and asked to wait (Retry-After)',
  backoff: 'Backing off before the next attempt, so competing saves can settle',
  pacing: 'Pacing requests so the rate-limit budget is not hit',
};

export const waitReasonWords = (reason: WaitReason): string => reasonWords[reason];

/** Whole seconds left, rounded up (a wait of 0.2 s still shows "1 s"), never below 0. */
export function secondsLeft(untilMs: number, nowMs: number): number {
  if (!Number.isFinite(untilMs)) return 0;
  return Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
}

/** "42 s", "2 min 05 s"; "now" once it has run out. */
export function countdownWords(untilMs: number, nowMs: number): string {
  const s = secondsLeft(untilMs, nowMs);
  if (s === 0) return 'now';
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
