/**
 * Slowing down before Genesys Cloud's 429 wall. Every answer carries
 * `inin-ratelimit-allowed`, `-count` and `-reset` (seconds left in the
 * window). Once 90% of the budget is used, the rest is spread evenly over the
 * time left, so a 5,000-agent sync slows down smoothly instead of stalling
 * for a whole minute on a 429. Pure: the HTTP client keeps the state.
 */

export interface RateBudget {
  allowed: number;
  count: number;
  /** When the window resets, epoch ms. */
  resetAtMs: number;
}

export interface ThrottleState {
  budget: RateBudget | null;
  /** Earliest start of the next request while throttling, epoch ms. */
  nextSlotMs: number;
}

/** Fraction of the budget after which requests are spaced out. */
export const throttleThreshold = 0.9;

export const initialThrottle: ThrottleState = { budget: null, nextSlotMs: 0 };

export function readRateBudget(headers: Record<string, string | undefined>, nowMs: number): RateBudget | null {
  const allowed = Number(headers['inin-ratelimit-allowed']);
  const count = Number(headers['inin-ratelimit-count']);
  const resetSeconds = Number(headers['inin-ratelimit-reset']);
  if (
    ![allowed, count, resetSeconds].every(Number.isFinite) ||
    allowed <= 0 ||
    headers['inin-ratelimit-allowed'] === undefined
  )
    return null;
  return { allowed, count, resetAtMs: nowMs + Math.max(0, resetSeconds) * 1000 };
}

/** Takes in the headers of an answer; answers without them leave the state alone. */
export function observeAnswer(
  state: ThrottleState,
  headers: Record<string, string | undefined>,
  nowMs: number,
): ThrottleState {
  const budget = readRateBudget(headers, nowMs);
  return budget ? { ...state, budget } : state;
}

/** Time between requests that spreads what is left of the budget over what is left of the window. */
export function spacingMs(budget: RateBudget, nowMs: number): number {
  if (nowMs >= budget.resetAtMs || budget.count / budget.allowed < throttleThreshold) return 0;
  const remaining = budget.allowed - budget.count;
  const windowLeft = budget.resetAtMs - nowMs;
  return remaining <= 0 ? windowLeft : windowLeft / remaining;
}

/**
 * Books the next request: how long it must wait, and the state after it.
 * Slots are reserved, so requests issued in parallel queue up one spacing
 * apart rather than all leaving at once.
 */
export function reserveSlot(state: ThrottleState, nowMs: number): { delayMs: number; state: ThrottleState } {
  const { budget } = state;
  if (!budget) return { delayMs: 0, state };
  const spacing = spacingMs(budget, nowMs);
  if (spacing === 0) return { delayMs: 0, state: { ...state, nextSlotMs: 0 } };
  const remaining = budget.allowed - budget.count;
  // Budget spent: everyone waits for the reset; after it, spacing is 0 until new headers arrive.
  if (remaining <= 0) return { delayMs: Math.ceil(budget.resetAtMs - nowMs), state };
  const slot = Math.max(nowMs, state.nextSlotMs);
  return {
    delayMs: Math.round(slot - nowMs),
    // Count the booked request, so parallel callers see the budget shrink before answers arrive.
    state: { budget: { ...budget, count: budget.count + 1 }, nextSlotMs: slot + spacing },
  };
}
