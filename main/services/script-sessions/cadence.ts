/**
 * How often the live script sessions may be read again. A supervisor wants
 * the badges fresh (every 30 s), but the re-read shares the connection's
 * request budget with syncs and publishes, which matter more on publish
 * morning: it may take at most 2 % of that budget.
 */

/** The cadence when the budget allows it. */
export const defaultRereadIntervalMs = 30_000;
/** The share of the request budget the re-reads may use. */
export const rereadBudgetShare = 0.02;
/** Genesys Cloud's usual per-token budget, until an answer's `inin-ratelimit-allowed` says otherwise. */
export const typicalRequestsPerMinute = 300;

export interface CadenceInput {
  /** What one re-read cost, in requests (pages and retries); at least 1 is assumed. */
  requestsPerRead: number;
  /** The budget in requests per minute, from `inin-ratelimit-allowed`; null until an answer carried it. */
  allowedPerMinute: number | null;
}

/**
 * The interval between re-reads: the default, or longer when k requests per read at that pace would
 * exceed the share of a budget of B a minute, that is every k / (share · B) minutes.
 */
export function rereadIntervalMs({ requestsPerRead, allowedPerMinute }: CadenceInput): number {
  const k = Number.isFinite(requestsPerRead) ? Math.max(1, requestsPerRead) : 1;
  const budget =
    allowedPerMinute !== null && Number.isFinite(allowedPerMinute) && allowedPerMinute > 0
      ? allowedPerMinute
      : typicalRequestsPerMinute;
  const withinShareMs = Math.ceil((k * 60_000) / (rereadBudgetShare * budget));
  return Math.max(defaultRereadIntervalMs, withinShareMs);
}

/** A watch lapses after about two intervals without renewal: a closed window stops the re-reads. */
export const leaseLifetimeMs = (intervalMs: number) => 2 * intervalMs;
