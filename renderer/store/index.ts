/**
 * The console's UI state. One store built from slices; each slice gets the
 * contract client, so the store can be tested against a fake one.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpsClient } from '../bridge/types';
import { createAppSlice, type AppSlice } from './app-slice';
import { createNavSlice, type NavSlice } from './nav-slice';
import { createNoticeSlice, type NoticeSlice } from './notice-slice';

export type ConsoleState = AppSlice & NavSlice & NoticeSlice;
export type ConsoleStore = StoreApi<ConsoleState>;
export type SliceSet = StoreApi<ConsoleState>['setState'];
export type SliceGet = StoreApi<ConsoleState>['getState'];

export function createConsoleStore(client: OpsClient): ConsoleStore {
  const store = createStore<ConsoleState>()((set, get) => ({
    ...createAppSlice(client, set, get),
    ...createNavSlice(set),
    ...createNoticeSlice(set),
  }));
  client.on('app.notice', (notice) => store.getState().pushNotice(notice));
  return store;
}
