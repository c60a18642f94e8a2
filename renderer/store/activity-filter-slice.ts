import type { AuditQuery } from '../../shared/activity';
import type { SliceSet } from './index';

export type ActivityFilter = Omit<AuditQuery, 'limit' | 'offset'>;

/** The Activity log's filters and page; the rows are a query keyed by them (features/activity/queries.ts). */
export interface ActivityFilterSlice {
  activityFilter: ActivityFilter;
  activityPage: number;
  setActivityFilter(filter: Partial<ActivityFilter>): void;
  setActivityPage(page: number): void;
}

export function createActivityFilterSlice(set: SliceSet): ActivityFilterSlice {
  return {
    activityFilter: { outcome: 'all' },
    activityPage: 0,
    // A new filter starts from the newest page: the old page number means nothing under it.
    setActivityFilter: (filter) =>
      set((s) => ({ activityFilter: { ...s.activityFilter, ...filter }, activityPage: 0 })),
    setActivityPage: (page) => set({ activityPage: Math.max(0, page) }),
  };
}
