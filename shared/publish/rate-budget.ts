/**
 * Pacing by Genesys' request budget. Every answer carries
 * `inin-ratelimit-allowed` (requests per window, typically 300 a minute per
 * token), `inin-ratelimit-count` (used so far in this window) and
 * `inin-ratelimit-reset` (seconds until the window starts over). The publish
 * keeps the last budget it saw and, before each request, asks how long to
 * wait so that it does not spend the last requests of a window and run into a
 * second 429 right after waiting out the first. Pure and JSON-serialisable:
 * the budget is part of the journaled publish state.
 */
import { z } from 'zod';

export const rateBudget = z.object({
  allowed: z.number().int().nonnegative(),
  /** Requests used in the window, counting the ones this publish sent since the answer that told it. */
  count: z.number().int().nonnegative(),
  /** When the window starts over, epoch ms. */
  resetAtMs: z.number(),
});
export type RateBudget = z.infer<typeof rateBudget>;

/** The three headers as they came (lower-case names); any of them may be missing. */
export interface RateLimitHeaders {
  allowed?: string | null;
  count?: string | null;
  reset?: string | null;
}

const wholeNumber = (v: string | null | undefined) => {
  const t = v?.trim();
  return t && /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
};

/** The budget an answer announces, or null when it carries no usable headers (then nothing is paced). */
export function readRateBudget(headers: RateLimitHeaders, nowMs: number): RateBudget | null {
  const allowed = wholeNumber(headers.allowed);
  const count = wholeNumber(headers.count);
  const reset = wholeNumber(headers.reset);
  if (allowed === null || count === null || reset === null) return null;
  return { allowed: Math.floor(allowed), count: Math.floor(count), resetAtMs: nowMs + Math.round(reset * 1000) };
}

/**
 * How long to wait before the next request. 0 while the window has more than
 * `reserve` requests left (kept for the rest of the app on the same token,
 * e.g. a sync), or once the window has started over; otherwise until it does.
 * Waiting only at the edge, instead of spreading requests over the window,
 * keeps a publish that fits in the budget as fast as the wire allows.
 */
export function pacingWaitMs(budget: RateBudget | null, nowMs: number, reserve = 0): number {
  if (!budget || nowMs >= budget.resetAtMs) return 0;
  return budget.allowed - budget.count > reserve ? 0 : budget.resetAtMs - nowMs;
}

/**
 * The budget after one more request is sent, before its answer says better:
 * two calls in a row stay honest. Past the reset nothing is known of the new
 * window (not even its length) until the next answer tells it.
 */
export function spendOne(budget: RateBudget | null, nowMs: number): RateBudget | null {
  if (!budget || nowMs >= budget.resetAtMs) return null;
  return { ...budget, count: budget.count + 1 };
}
