import { describe, expect, it } from 'vitest';
import type { AppInfo, AppNotice } from '../../shared/contract';
import { OpsCallError } from '../bridge/call-error';
import type { OpsClient } from '../bridge/types';
import { createConsoleStore } from './index';

const info: AppInfo = {
  name: 'Publish Desk',
  version: '0.1.0',
  dataDir: '/d',
  transport: 'http',
  mode: 'browser',
  platform: 'linux-x64',
  versions: { node: '20', electron: null, chrome: null },
  startedAt: '2026-11-23T06:00:00Z',
  databaseMovedAside: null,
};

function fakeClient(answer: () => Promise<AppInfo>) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const client: OpsClient = {
    transport: 'http',
    call: (async () => answer()) as OpsClient['call'],
    on: ((event: string, cb: (payload: unknown) => void) => {
      listeners.set(event, cb);
      return () => listeners.delete(event);
    }) as OpsClient['on'],
  };
  return { client, notify: (n: AppNotice) => listeners.get('app.notice')?.(n), emit: (event: string, payload: unknown) => listeners.get(event)?.(payload) };
}

describe('console store', () => {
  it('loads app.info and records the transport', async () => {
    const store = createConsoleStore(fakeClient(async () => info).client);
    expect(store.getState().transport).toBe('http');
    await store.getState().loadInfo();
    expect(store.getState().infoStatus).toBe('ready');
    expect(store.getState().info).toEqual(info);
  });

  it('keeps the error message when app.info fails, and recovers on retry', async () => {
    let fail = true;
    const store = createConsoleStore(
      fakeClient(async () => {
        if (fail) throw new OpsCallError('transport', 'The console service is not reachable.');
        return info;
      }).client,
    );
    await store.getState().loadInfo();
    expect(store.getState()).toMatchObject({ infoStatus: 'failed', infoError: 'The console service is not reachable.' });
    fail = false;
    await store.getState().loadInfo();
    expect(store.getState()).toMatchObject({ infoStatus: 'ready', infoError: null });
  });

  it('collects pushed notices, keeps the newest five, and dismisses by id', () => {
    const fake = fakeClient(async () => info);
    const store = createConsoleStore(fake.client);
    for (let i = 1; i <= 7; i++) fake.notify({ level: 'info', message: `n${i}`, at: '2026-11-23T06:00:00Z' });
    const notices = store.getState().notices;
    expect(notices.map((n) => n.message)).toEqual(['n3', 'n4', 'n5', 'n6', 'n7']);
    store.getState().dismissNotice(notices[0]!.id);
    expect(store.getState().notices.map((n) => n.message)).toEqual(['n4', 'n5', 'n6', 'n7']);
  });

  it('turns auth.required into a warning notice that names the connection', () => {
    const fake = fakeClient(async () => info);
    const store = createConsoleStore(fake.client);
    fake.emit('connections.authRequired', { profileId: 'p', profileName: 'Production', reason: 'the supervisor sign-in has ended.' });
    expect(store.getState().notices.map((n) => [n.level, n.message])).toEqual([['warning', 'Production: the supervisor sign-in has ended.']]);
  });

  it('navigates between rail screens', () => {
    const store = createConsoleStore(fakeClient(async () => info).client);
    expect(store.getState().screen).toBe('overview');
    store.getState().goTo('timeline');
    expect(store.getState().screen).toBe('timeline');
  });
});
