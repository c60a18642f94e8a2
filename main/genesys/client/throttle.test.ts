import { describe, expect, it } from 'vitest';
import { initialThrottle, observeAnswer, readRateBudget, reserveSlot, spacingMs, type ThrottleState } from './throttle';

const headers = (count: number, allowed = 300, reset = 30) => ({
  'inin-ratelimit-allowed': String(allowed),
  'inin-ratelimit-count': String(count),
  'inin-ratelimit-reset': String(reset),
});

describe('rate-limit throttle', () => {
  it('reads the inin-ratelimit headers, and ignores answers without them', () => {
    expect(readRateBudget(headers(10), 1_000)).toEqual({ allowed: 300, count: 10, resetAtMs: 31_000 });
    expect(readRateBudget({}, 1_000)).toBeNull();
    expect(
      readRateBudget({ 'inin-ratelimit-allowed': 'x', 'inin-ratelimit-count': '1', 'inin-ratelimit-reset': '1' }, 0),
    ).toBeNull();
    expect(observeAnswer(initialThrottle, {}, 0)).toBe(initialThrottle);
  });

  it('does not slow down below 90% of the budget', () => {
    const state = observeAnswer(initialThrottle, headers(269), 0);
    expect(reserveSlot(state, 0).delayMs).toBe(0);
    expect(spacingMs(state.budget!, 0)).toBe(0);
  });

  it('spreads the remaining budget evenly over the rest of the window from 90% on', () => {
    // 270 of 300 used, 30 s left: 30 requests over 30 s, one a second.
    let state: ThrottleState = observeAnswer(initialThrottle, headers(270), 0);
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const booked = reserveSlot(state, 0);
      delays.push(booked.delayMs);
      state = booked.state;
    }
    // Parallel callers book consecutive slots instead of leaving together.
    expect(delays[0]).toBe(0);
    expect(delays[1]).toBeCloseTo(1000, -1);
    expect(delays[2]).toBeGreaterThan(delays[1]!);
    expect(delays[3]).toBeGreaterThan(delays[2]!);
  });

  it('waits for the reset once the budget is spent, then runs freely', () => {
    const state = observeAnswer(initialThrottle, headers(300, 300, 12), 5_000);
    expect(reserveSlot(state, 5_000).delayMs).toBe(12_000);
    expect(reserveSlot(state, 17_000).delayMs).toBe(0);
  });

  it('stops throttling when new headers show a fresh window', () => {
    const busy = observeAnswer(initialThrottle, headers(290), 0);
    const fresh = observeAnswer(busy, headers(1, 300, 60), 30_000);
    expect(reserveSlot(fresh, 30_000).delayMs).toBe(0);
  });
});
