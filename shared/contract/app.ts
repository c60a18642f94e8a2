/** The app domain: what is running where, and notices for the user. */
import { method, noArgs } from './define';
import type { ShellMode, TransportKind } from './common';

export interface AppInfo {
  name: string;
  version: string;
  /** Where the mirror database and settings live on this machine. */
  dataDir: string;
  transport: TransportKind;
  mode: ShellMode;
  platform: string;
  /** Runtime versions, shown on the About panel for support requests. */
  versions: { node: string; electron: string | null; chrome: string | null };
  startedAt: string;
  /** Set when the database could not be read at start: where the old file was moved. A resync rebuilds the mirror. */
  databaseMovedAside: string | null;
}

export type NoticeLevel = 'info' | 'warning' | 'error';

export interface AppNotice {
  level: NoticeLevel;
  message: string;
  /** ISO instant the notice was raised. */
  at: string;
}

export const appMethods = {
  'app.info': method(noArgs).returns<AppInfo>(),
};

export interface AppEvents {
  'app.notice': AppNotice;
}

export const appEventNames: Record<keyof AppEvents, true> = { 'app.notice': true };
