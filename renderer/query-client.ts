/**
 * The server-data cache of the console. Everything shown from main (app info,
 * connections, mirrored weeks, findings, the Activity log, live jobs) is a
 * query keyed by what it depends on, so an answer can only land under the
 * question it answers: switching business unit mid-load cannot show the old
 * unit's weeks.
 */
import { QueryClient } from '@tanstack/react-query';
import { OpsCallError } from './bridge/call-error';

/** At most two retries, and only when the call never reached main: a refused or failed call will fail the same way again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return error instanceof OpsCallError && error.code === 'transport' && failureCount < 2;
}

export function createConsoleQueryClient(): QueryClient {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        // A desktop console is focused and blurred all day; main tells us when data changes (events), so focus means nothing.
        refetchOnWindowFocus: false,
        retry: shouldRetry,
        // Events invalidate what changed; this only bounds how old a screen's data can be when an event was missed.
        staleTime: 30_000,
      },
      // A write is never repeated behind the user's back (a second sign-in or sync start is not harmless).
      mutations: { retry: false },
    },
  });
  // A live job is only ever written by its events: keep it while the app runs, even with no screen showing it.
  queryClient.setQueryDefaults(['jobs'], { gcTime: Infinity, staleTime: Infinity });
  return queryClient;
}
