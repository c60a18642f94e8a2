/**
 * The console's UI state. One store built from slices; each slice gets the
 * contract client, so the store can be tested against a fake one.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsClient } from '../bridge/types';
import { createActivitySlice, type ActivitySlice } from './activity-slice';
import { createAppSlice, type AppSlice } from './app-slice';
import { createConnectionsSlice, type ConnectionsSlice } from './connections-slice';
import { createNavSlice, type NavSlice } from './nav-slice';
import { createNoticeSlice, type NoticeSlice } from './notice-slice';
import { createSchedulesSlice, type SchedulesSlice } from './schedules-slice';

export type ConsoleState = AppSlice & NavSlice & NoticeSlice & ConnectionsSlice & ActivitySlice & SchedulesSlice;
export type ConsoleStore = StoreApi<ConsoleState>;
export type SliceSet = StoreApi<ConsoleState>['setState'];
export type SliceGet = StoreApi<ConsoleState>['getState'];

export function createConsoleStore(client: OpsClient): ConsoleStore {
  const store = createStore<ConsoleState>()((set, get) => ({
    ...createAppSlice(client, set, get),
    ...createNavSlice(set),
    ...createNoticeSlice(set),
    ...createConnectionsSlice(client, set, get),
    ...createActivitySlice(client, set, get),
    ...createSchedulesSlice(client, set, get),
  }));
  client.on('job.event', (event) => store.getState().onJobEvent(event));
  client.on('mirror.changed', ({ profileId, businessUnitId }) => {
    const s = store.getState();
    if (profileId === s.schedulesProfileId && businessUnitId === s.selectedBusinessUnitId) void s.loadWeeks();
  });
  client.on('analysis.updated', ({ profileId, businessUnitId, week }) => {
    const s = store.getState();
    if (profileId === s.schedulesProfileId && businessUnitId === s.selectedBusinessUnitId && week === s.selectedWeek) void s.selectWeek(week);
  });
  client.on('app.notice', (notice) => store.getState().pushNotice(notice));
  client.on('connections.changed', () => void store.getState().loadConnections());
  client.on('connections.authRequired', ({ profileName, reason }) => {
    store.getState().pushNotice({ level: 'warning', message: `${profileName}: ${reason}`, at: new Date().toISOString() });
    void store.getState().loadConnections();
  });
  return store;
}
