import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import type { TimelineAgent } from '../../../shared/timeline';
import { useOpsClient } from '../../ops-client-context';
import { pageQuery, type TimelineFilters, type TimelineSubject } from './queries';
import { pagesFor, pagesKey, unitKey, type RowItem } from './roster-rows';

/**
 * The shifts of the agents on screen: observes the pages rows [first, last] need and prefetches the
 * pages around them. Pages no row shows any more are unobserved and leave the cache after their gcTime.
 */
export function useAgentPages(
  subject: TimelineSubject | null,
  filters: TimelineFilters,
  rows: readonly RowItem[],
  first: number,
  last: number,
) {
  const client = useOpsClient();
  const queryClient = useQueryClient();
  // A scroll frame moves [first, last] but rarely the pages: keep the same arrays while the pages are
  // the same, so the queries' observer and the prefetch effect see no change.
  const asked = useMemo(() => pagesFor(rows, first, last), [rows, first, last]);
  const key = `${pagesKey(asked.shown)}|${pagesKey(asked.ahead)}`;
  const kept = useRef({ key, pages: asked });
  if (kept.current.key !== key) kept.current = { key, pages: asked };
  const { shown, ahead } = kept.current.pages;
  // Agents without a unit are asked for by id, in row order.
  const unitless = useMemo(
    () => rows.flatMap((r) => (r.kind === 'agent' && r.managementUnitId === null ? [r.agentId] : [])),
    [rows],
  );
  const pages = useQueries({
    queries: shown.map((p) => pageQuery(client, subject, filters, p, () => unitless)),
  });
  useEffect(() => {
    if (!subject) return;
    for (const p of ahead) void queryClient.prefetchQuery(pageQuery(client, subject, filters, p, () => unitless));
  }, [client, queryClient, subject, filters, ahead, unitless]);

  const agents = new Map<string, TimelineAgent>();
  const loadingUnits = new Set<string>();
  let error: Error | null = null;
  for (const [i, q] of pages.entries()) {
    for (const a of q.data?.agents ?? []) agents.set(a.id, a);
    if (q.isPending) loadingUnits.add(`${unitKey(shown[i]!.managementUnitId)}#${shown[i]!.page}`);
    error ??= q.error;
  }
  return { agents, loading: loadingUnits.size > 0, error };
}
