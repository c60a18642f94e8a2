import type { AuditQuery, AuditRow } from '../../shared/activity';
import type { OpsClient } from '../bridge/types';
import type { SliceGet, SliceSet } from './index';

export const activityPageSize = 50;

export interface ActivitySlice {
  activityRows: AuditRow[];
  activityTotal: number;
  activityFilter: Omit<AuditQuery, 'limit' | 'offset'>;
  activityPage: number;
  activityStatus: 'idle' | 'loading' | 'ready' | 'failed';
  activityError: string | null;
  setActivityFilter(filter: Partial<ActivitySlice['activityFilter']>): Promise<void>;
  setActivityPage(page: number): Promise<void>;
  loadActivity(): Promise<void>;
}

export function createActivitySlice(client: OpsClient, set: SliceSet, get: SliceGet): ActivitySlice {
  return {
    activityRows: [],
    activityTotal: 0,
    activityFilter: { outcome: 'all' },
    activityPage: 0,
    activityStatus: 'idle',
    activityError: null,
    async setActivityFilter(filter) {
      set((s) => ({ activityFilter: { ...s.activityFilter, ...filter }, activityPage: 0 }));
      await get().loadActivity();
    },
    async setActivityPage(page) {
      set({ activityPage: Math.max(0, page) });
      await get().loadActivity();
    },
    async loadActivity() {
      set({ activityStatus: 'loading', activityError: null });
      const { activityFilter, activityPage } = get();
      const query: AuditQuery = { ...activityFilter, limit: activityPageSize, offset: activityPage * activityPageSize };
      if (!query.search) delete query.search;
      if (!query.profileId) delete query.profileId;
      try {
        const { rows, total } = await client.call('activity.list', query);
        set({ activityRows: rows, activityTotal: total, activityStatus: 'ready' });
      } catch (err) {
        set({ activityStatus: 'failed', activityError: err instanceof Error ? err.message : String(err) });
      }
    },
  };
}
