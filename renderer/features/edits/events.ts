import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { OpsClient } from '../../bridge/types';
import { invalidateChangeSet } from './queries';

/** `edits.changed` from any window or the CLI: every view of that schedule's change set reads again. */
export function subscribeEditsEvents(client: OpsClient, queryClient: QueryClient): () => void {
  return client.on('edits.changed', ({ businessUnitId, scheduleId }) => {
    void invalidateChangeSet(queryClient, businessUnitId, scheduleId);
  });
}

export function useEditsEvents(client: OpsClient, queryClient: QueryClient): void {
  useEffect(() => subscribeEditsEvents(client, queryClient), [client, queryClient]);
}
