/**
 * The console's UI state only: which screen, which connection, unit and week
 * are selected, the Activity log's, the Timeline's and the Publish screen's picks and filters, and notices. Server data lives
 * in the query cache (see ../query-client.ts); each feature subscribes to
 * the events that change its own data.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createActivityFilterSlice, type ActivityFilterSlice } from './activity-filter-slice';
import { createEditsSlice, type EditsSlice } from './edits-slice';
import { createNavSlice, type NavSlice } from './nav-slice';
import { createNoticeSlice, type NoticeSlice } from './notice-slice';
import { createPublishSlice, type PublishSlice } from './publish-slice';
import { createSchedulesSelectionSlice, type SchedulesSelectionSlice } from './schedules-selection-slice';
import { createTimelineSlice, type TimelineSlice } from './timeline-slice';

export type ConsoleState = NavSlice &
  NoticeSlice &
  SchedulesSelectionSlice &
  ActivityFilterSlice &
  TimelineSlice &
  EditsSlice &
  PublishSlice;
export type ConsoleStore = StoreApi<ConsoleState>;
export type SliceSet = StoreApi<ConsoleState>['setState'];

export function createConsoleStore(): ConsoleStore {
  return createStore<ConsoleState>()((set) => ({
    ...createNavSlice(set),
    ...createNoticeSlice(set),
    ...createSchedulesSelectionSlice(set),
    ...createActivityFilterSlice(set),
    ...createTimelineSlice(set),
    ...createEditsSlice(set),
    ...createPublishSlice(set),
  }));
}
