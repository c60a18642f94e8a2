import { describe, expect, it } from 'vitest';
import { OpsCallError } from './bridge/call-error';
import { createConsoleQueryClient, shouldRetry } from './query-client';
import { appInfoQuery } from './features/about/queries';
import { fakeOpsClient } from './testing/fake-ops-client';

describe('the console query client', () => {
  it('retries a call that never reached main, at most twice, and nothing else', () => {
    const unreachable = new OpsCallError('transport', 'The console service is not reachable.');
    expect([0, 1, 2].map((n) => shouldRetry(n, unreachable))).toEqual([true, true, false]);
    expect(shouldRetry(0, new OpsCallError('failed', 'Sign in again.', 'auth'))).toBe(false);
    expect(shouldRetry(0, new OpsCallError('badArguments', 'No such week.'))).toBe(false);
    expect(shouldRetry(0, new Error('a bug'))).toBe(false);
  });

  it('does not refetch on focus, keeps answers fresh for a while, and never repeats a write', () => {
    const defaults = createConsoleQueryClient().getDefaultOptions();
    expect(defaults.queries).toMatchObject({ refetchOnWindowFocus: false, retry: shouldRetry });
    expect(defaults.queries?.staleTime).toBeGreaterThan(0);
    expect(defaults.mutations?.retry).toBe(false);
  });

  it('keeps the error of a refused call for the screen, after one attempt', async () => {
    const fake = fakeOpsClient({
      'app.info': () => {
        throw new OpsCallError('forbidden', 'This page is no longer authorised.');
      },
    });
    const queryClient = createConsoleQueryClient();
    await expect(queryClient.fetchQuery(appInfoQuery(fake.client))).rejects.toThrow(
      'This page is no longer authorised.',
    );
    expect(fake.callsTo('app.info')).toHaveLength(1);
    expect(queryClient.getQueryState(['app', 'info'])?.error).toMatchObject({ code: 'forbidden' });
  });
});
