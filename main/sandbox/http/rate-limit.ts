/**
 * Genesys Cloud's per-token request budget (default 300 a minute). Every
 * answer carries the `inin-ratelimit-*` headers, so a client can slow down
 * before it hits the wall; past it, 429 with `Retry-After`.
 */
import { ApiError } from './api-error';

export interface RateLimiter {
  /** Counts one request; returns the headers to send, or throws 429. */
  take(token: string, nowMs: number): Record<string, string>;
}

const windowMs = 60_000;

export function createRateLimiter(allowedPerMinute: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(token, nowMs) {
      let w = windows.get(token);
      if (!w || nowMs - w.start >= windowMs) {
        w = { start: nowMs, count: 0 };
        windows.set(token, w);
      }
      w.count += 1;
      const resetSeconds = Math.max(1, Math.ceil((w.start + windowMs - nowMs) / 1000));
      const headers = {
        'inin-ratelimit-allowed': String(allowedPerMinute),
        'inin-ratelimit-count': String(Math.min(w.count, allowedPerMinute)),
        'inin-ratelimit-reset': String(resetSeconds),
      };
      if (w.count > allowedPerMinute) throw tooManyRequests(resetSeconds, allowedPerMinute, headers);
      return headers;
    },
  };
}

export function tooManyRequests(
  retryAfterSeconds: number,
  allowed: number,
  headers: Record<string, string> = {},
): ApiError {
  return new ApiError(
    429,
    'too.many.requests',
    `Rate limit exceeded the maximum. [${allowed}] requests for [60] seconds`,
    {
      messageWithParams: 'Rate limit exceeded the maximum. [{limit}] requests for [{duration}] seconds',
      messageParams: { limit: String(allowed), duration: '60' },
      limit: { key: 'token.rate.per.minute', namespace: 'platform.api', value: allowed },
      headers: { ...headers, 'retry-after': String(retryAfterSeconds) },
    },
  );
}
