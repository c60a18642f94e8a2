import type { AppNotice } from '../../shared/contract';
import type { SliceSet } from './index';

/** Most recent notices are kept; older ones fall off so a chatty main cannot grow memory. */
const maxNotices = 5;

export interface NoticeSlice {
  notices: Array<AppNotice & { id: number }>;
  pushNotice(notice: AppNotice): void;
  dismissNotice(id: number): void;
}

let nextId = 1;

export function createNoticeSlice(set: SliceSet): NoticeSlice {
  return {
    notices: [],
    pushNotice: (notice) => set((s) => ({ notices: [...s.notices, { ...notice, id: nextId++ }].slice(-maxNotices) })),
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  };
}
