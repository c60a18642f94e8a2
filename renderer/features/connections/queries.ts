import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { ConnectionStatus } from '../../../shared/connections';
import type { OpsClient } from '../../bridge/types';

export const connectionsKeys = {
  list: ['connections', 'list'] as const,
  regions: ['connections', 'regions'] as const,
  vault: ['connections', 'vault'] as const,
};

/** Kept current by `connections.changed`, which carries each new status, so the list is read once and then patched. */
export const connectionsListQuery = (client: OpsClient) =>
  queryOptions({ queryKey: connectionsKeys.list, queryFn: () => client.call('connections.list', {}) });

/** Genesys's regions come from a package bundled with main: they cannot change while it runs. */
export const regionsQuery = (client: OpsClient) =>
  queryOptions({
    queryKey: connectionsKeys.regions,
    queryFn: () => client.call('connections.regions', {}),
    staleTime: Infinity,
  });

export const vaultQuery = (client: OpsClient) =>
  queryOptions({ queryKey: connectionsKeys.vault, queryFn: () => client.call('connections.vault', {}) });

/**
 * Writes one connection's new status into the cached list (null: it was removed), in place, so the
 * cards keep their order. Before the list was first read there is nothing to patch: its read will have it.
 */
export function putConnection(queryClient: QueryClient, id: string, status: ConnectionStatus | null): void {
  queryClient.setQueryData<ConnectionStatus[]>(connectionsKeys.list, (list) => {
    if (!list) return list;
    if (!status) return list.filter((c) => c.id !== id);
    return list.some((c) => c.id === id) ? list.map((c) => (c.id === id ? status : c)) : [...list, status];
  });
}
