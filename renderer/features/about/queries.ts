import { queryOptions } from '@tanstack/react-query';
import type { OpsClient } from '../../bridge/types';

export const appKeys = {
  info: ['app', 'info'] as const,
};

/** What runs where: fixed for the life of the services, so it is read once. */
export const appInfoQuery = (client: OpsClient) =>
  queryOptions({ queryKey: appKeys.info, queryFn: () => client.call('app.info', {}), staleTime: Infinity });
