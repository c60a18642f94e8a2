import { describe, expect, it } from 'vitest';
import { pacingWaitMs, readRateBudget, spendOne } from './rate-budget';
import { defaultRetryTuning, fullJitterMs, nextRetry, parseRetryAfterMs, retryKinds } from './retry-policy';

const now = Date.parse('2026-11-23T12:00:00Z');
const tuning = { ...defaultRetryTuning, baseMs: 1000, capMs: 8000 };

describe('parseRetryAfterMs', () => {
  it('reads seconds as a wait from now', () => {
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
    expect(parseRetryAfterMs('1.5', now)).toBe(1500);
  });

  it('reads an HTTP date against the injected now, in each of its three forms', () => {
    const in7s = new Date(now + 7000);
    expect(parseRetryAfterMs(in7s.toUTCString(), now)).toBe(7000);
    // RFC 850 and asctime: obsolete, but RFC 9110 says a recipient must accept them.
    expect(parseRetryAfterMs('Monday, 23-Nov-26 12:00:09 GMT', now)).toBe(9000);
    expect(parseRetryAfterMs('Mon Nov 23 12:00:11 2026', now)).toBe(11_000);
  });

  it('waits nothing for a date already past, and gives null for what it cannot read', () => {
    expect(parseRetryAfterMs(new Date(now - 5000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfterMs(undefined, now)).toBeNull();
    expect(parseRetryAfterMs('', now)).toBeNull();
    expect(parseRetryAfterMs('soon', now)).toBeNull();
    expect(parseRetryAfterMs('-3', now)).toBeNull();
  });
});

describe('fullJitterMs', () => {
  it('draws under a ceiling that doubles per failure up to the cap', () => {
    const top = () => 0.999999;
    expect(fullJitterMs(1, tuning, top)).toBe(999);
    expect(fullJitterMs(2, tuning, top)).toBe(1999);
    expect(fullJitterMs(3, tuning, top)).toBe(3999);
    expect(fullJitterMs(4, tuning, top)).toBe(7999);
    expect(fullJitterMs(9, tuning, top)).toBe(7999);
    expect(fullJitterMs(3, tuning, () => 0)).toBe(0);
    expect(fullJitterMs(3, tuning, () => 0.5)).toBe(2000);
  });
});

describe('nextRetry', () => {
  it('waits a 429 exactly as long as the server said, with no jitter', () => {
    expect(nextRetry('rateLimited', 1, tuning, () => 0.3, 2500)).toEqual({
      retry: true,
      waitMs: 2500,
      reason: 'retryAfter',
    });
  });

  it('backs off with the injected randomness otherwise', () => {
    expect(nextRetry('transient', 2, tuning, () => 0.25)).toEqual({ retry: true, waitMs: 500, reason: 'backoff' });
    expect(nextRetry('unknownOutcome', 1, tuning, () => 0.5)).toEqual({ retry: true, waitMs: 500, reason: 'backoff' });
  });

  it('starts a stale version under its own, smaller ceiling, doubling the same way', () => {
    const top = () => 0.999999;
    expect(nextRetry('staleVersion', 1, tuning, top)).toEqual({ retry: true, waitMs: 99, reason: 'backoff' });
    expect(nextRetry('staleVersion', 3, tuning, top)).toEqual({ retry: true, waitMs: 399, reason: 'backoff' });
    // A journal written before the per-kind ceiling has none: the common one applies.
    const { baseMsByKind: _, ...older } = tuning;
    expect(nextRetry('staleVersion', 1, older, top)).toEqual({ retry: true, waitMs: 999, reason: 'backoff' });
  });

  it('stops each kind at its own cap', () => {
    for (const kind of retryKinds) {
      const cap = tuning.maxRetries[kind];
      expect(nextRetry(kind, cap, tuning, () => 0).retry).toBe(true);
      expect(nextRetry(kind, cap + 1, tuning, () => 0)).toEqual({ retry: false, reason: 'capReached' });
    }
  });
});

describe('rate budget pacing', () => {
  const headers = { allowed: '300', count: '298', reset: '20' };

  it('reads the inin-ratelimit headers into a budget with an absolute reset', () => {
    expect(readRateBudget(headers, now)).toEqual({ allowed: 300, count: 298, resetAtMs: now + 20_000 });
    expect(readRateBudget({ allowed: '300', count: 'x', reset: '20' }, now)).toBeNull();
    expect(readRateBudget({ allowed: '300' }, now)).toBeNull();
  });

  it('does not wait while requests are left, and waits for the reset when they are not', () => {
    const budget = readRateBudget(headers, now);
    expect(pacingWaitMs(budget, now)).toBe(0);
    const afterTwo = spendOne(spendOne(budget, now), now + 100);
    expect(afterTwo?.count).toBe(300);
    expect(pacingWaitMs(afterTwo, now + 1000)).toBe(19_000);
    expect(pacingWaitMs(afterTwo, now + 20_000)).toBe(0);
  });

  it('keeps a reserve for the rest of the app when asked', () => {
    const budget = readRateBudget(headers, now);
    expect(pacingWaitMs(budget, now, 2)).toBe(20_000);
    expect(pacingWaitMs(budget, now, 1)).toBe(0);
  });

  it('forgets a budget whose window has passed: nothing is known of the next one', () => {
    expect(spendOne(readRateBudget(headers, now), now + 21_000)).toBeNull();
    expect(pacingWaitMs(null, now)).toBe(0);
  });
});
