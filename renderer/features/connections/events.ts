import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { AppNotice } from '../../../shared/contract';
import type { OpsClient } from '../../bridge/types';
import { putConnection } from './queries';

/**
 * What main says about connections: a changed status goes straight into the cached list (the event
 * carries it, so no call is made); an ended session becomes a notice. main follows `authRequired` with
 * `connections.changed`, so the card's state needs nothing more. Returns the unsubscribe.
 */
export function subscribeConnectionsEvents(
  client: OpsClient,
  queryClient: QueryClient,
  pushNotice: (notice: AppNotice) => void,
): () => void {
  const offChanged = client.on('connections.changed', ({ id, status }) => putConnection(queryClient, id, status));
  const offAuth = client.on('connections.authRequired', ({ profileName, reason }) =>
    pushNotice({ level: 'warning', message: `${profileName}: ${reason}`, at: new Date().toISOString() }),
  );
  return () => {
    offChanged();
    offAuth();
  };
}

export function useConnectionsEvents(
  client: OpsClient,
  queryClient: QueryClient,
  pushNotice: (notice: AppNotice) => void,
): void {
  useEffect(() => subscribeConnectionsEvents(client, queryClient, pushNotice), [client, queryClient, pushNotice]);
}
