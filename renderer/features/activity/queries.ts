import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AuditQuery } from '../../../shared/activity';
import type { OpsClient } from '../../bridge/types';
import type { ActivityFilter } from '../../store/activity-filter-slice';

export const activityPageSize = 50;

export const activityKeys = {
  all: ['activity'] as const,
  page: (query: AuditQuery) => ['activity', query] as const,
};

/** The contract call for one page under the filters; empty filters are left out so equal questions share one key. */
export function auditQueryOf(filter: ActivityFilter, page: number): AuditQuery {
  const query: AuditQuery = { ...filter, limit: activityPageSize, offset: page * activityPageSize };
  if (!query.search) delete query.search;
  if (!query.profileId) delete query.profileId;
  return query;
}

export const activityQuery = (client: OpsClient, query: AuditQuery) =>
  queryOptions({
    queryKey: activityKeys.page(query),
    queryFn: () => client.call('activity.list', query),
    // Every request to Genesys adds a row and no event says so: read the log afresh whenever the screen opens.
    staleTime: 0,
    // Keep the previous page on screen while the next filter or page loads, as a table that does not flash.
    placeholderData: keepPreviousData,
  });
