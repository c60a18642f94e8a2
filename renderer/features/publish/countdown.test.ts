import { describe, expect, it } from 'vitest';
import { countdownWords, secondsLeft, waitReasonWords } from './countdown';

describe('the wait countdown', () => {
  const until = Date.UTC(2026, 10, 23, 12, 0, 30);

  it('rounds up to whole seconds and stops at zero', () => {
    expect(secondsLeft(until, until - 29_200)).toBe(30);
    expect(secondsLeft(until, until - 200)).toBe(1);
    expect(secondsLeft(until, until)).toBe(0);
    expect(secondsLeft(until, until + 5_000)).toBe(0);
    expect(secondsLeft(Number.NaN, until)).toBe(0);
  });

  it('writes seconds, then minutes and seconds, then "now"', () => {
    expect(countdownWords(until, until - 12_000)).toBe('12 s');
    expect(countdownWords(until, until - 125_000)).toBe('2 min 05 s');
    expect(countdownWords(until, until + 1)).toBe('now');
  });

  it('names Retry-After for a 429 wait and tells backoff and pacing apart', () => {
    expect(waitReasonWords('retryAfter')).toContain('Retry-After');
    expect(new Set([waitReasonWords('retryAfter'), waitReasonWords('backoff'), waitReasonWords('pacing')]).size).toBe(
      3,
    );
  });
});
