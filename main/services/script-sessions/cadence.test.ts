import { describe, expect, it } from 'vitest';
import {
  defaultRereadIntervalMs,
  leaseLifetimeMs,
  rereadBudgetShare,
  rereadIntervalMs,
  typicalRequestsPerMinute,
} from './cadence';

/** Requests a minute the re-reads make at this interval. */
const perMinute = (k: number, intervalMs: number) => (k * 60_000) / intervalMs;

describe('script session re-read cadence', () => {
  it('reads every 30 s when one page fits well inside 2 % of the budget', () => {
    expect(rereadIntervalMs({ requestsPerRead: 1, allowedPerMinute: 300 })).toBe(defaultRereadIntervalMs);
    expect(rereadIntervalMs({ requestsPerRead: 3, allowedPerMinute: 300 })).toBe(defaultRereadIntervalMs);
  });

  it('slows down to k / (0.02 · B) minutes when a re-read costs more', () => {
    // 5 pages of a 300/min budget: 2 % is 6 a minute, so one read every 50 s.
    expect(rereadIntervalMs({ requestsPerRead: 5, allowedPerMinute: 300 })).toBe(50_000);
    // A small budget: 60/min allows 1.2 a minute, one page every 50 s.
    expect(rereadIntervalMs({ requestsPerRead: 1, allowedPerMinute: 60 })).toBe(50_000);
  });

  it('never uses more than 2 % of the budget, and never reads faster than the default, for any cost and budget', () => {
    for (const budget of [1, 7, 60, 180, 300, 600, 3_000, 100_000])
      for (const k of [1, 2, 3, 5, 8, 13, 40, 100]) {
        const interval = rereadIntervalMs({ requestsPerRead: k, allowedPerMinute: budget });
        expect(interval).toBeGreaterThanOrEqual(defaultRereadIntervalMs);
        expect(perMinute(k, interval)).toBeLessThanOrEqual(rereadBudgetShare * budget + 1e-9);
        // And no slower than it must be (rounding up to a millisecond aside).
        if (interval > defaultRereadIntervalMs)
          expect(perMinute(k, interval - 1)).toBeGreaterThan(rereadBudgetShare * budget);
      }
  });

  it('assumes Genesys’ typical budget until an answer names one, and at least one request a read', () => {
    const typical = rereadIntervalMs({ requestsPerRead: 9, allowedPerMinute: typicalRequestsPerMinute });
    expect(rereadIntervalMs({ requestsPerRead: 9, allowedPerMinute: null })).toBe(typical);
    expect(rereadIntervalMs({ requestsPerRead: 9, allowedPerMinute: 0 })).toBe(typical);
    expect(rereadIntervalMs({ requestsPerRead: 9, allowedPerMinute: Number.NaN })).toBe(typical);
    expect(rereadIntervalMs({ requestsPerRead: 0, allowedPerMinute: 30 })).toBe(
      rereadIntervalMs({ requestsPerRead: 1, allowedPerMinute: 30 }),
    );
  });

  it('lets a watch live about two intervals', () => {
    expect(leaseLifetimeMs(30_000)).toBe(60_000);
    expect(leaseLifetimeMs(50_000)).toBe(100_000);
  });
});
