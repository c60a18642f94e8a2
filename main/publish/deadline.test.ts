import { afterEach, describe, expect, it, vi } from 'vitest';
import { GenesysError } from '../genesys/client/errors';
import { outcomeOf } from './genesys-calls';
import { withReadDeadline } from './deadline';

const ctx = { method: 'POST', pathTemplate: '/api/v2/analytics/conversations/details/query', isWrite: false } as const;
afterEach(() => vi.useRealTimers());

describe('a deadline on a read the publish waits for', () => {
  it('ends a read that never answers as a timed-out transport failure the machine retries', async () => {
    vi.useFakeTimers();
    const never = new Promise<string>(() => {});
    const read = withReadDeadline(never, 45_000, ctx).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(44_999);
    let settled = false;
    void read.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const err = await read;
    expect(err).toBeInstanceOf(GenesysError);
    expect(outcomeOf(err)).toMatchObject({ status: null, transport: 'timeout' });
  });

  it('passes an answer or a failure through untouched, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    await expect(withReadDeadline(Promise.resolve('sessions'), 45_000, ctx)).resolves.toBe('sessions');
    await expect(withReadDeadline(Promise.reject(new Error('boom')), 45_000, ctx)).rejects.toThrow('boom');
    expect(vi.getTimerCount()).toBe(0);
  });
});
