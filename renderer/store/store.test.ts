import { describe, expect, it } from 'vitest';
import { createConsoleQueryClient } from '../query-client';
import { subscribeNoticeEvents } from '../features/notices/events';
import { fakeOpsClient } from '../testing/fake-ops-client';
import { createConsoleStore } from './index';

describe('console store (UI state only)', () => {
  it('collects pushed notices, keeps the newest five, and dismisses by id', () => {
    const fake = fakeOpsClient();
    const store = createConsoleStore();
    subscribeNoticeEvents(fake.client, store.getState().pushNotice);
    for (let i = 1; i <= 7; i++)
      fake.emit('app.notice', { level: 'info', message: `n${i}`, at: '2026-11-23T06:00:00Z' });
    const notices = store.getState().notices;
    expect(notices.map((n) => n.message)).toEqual(['n3', 'n4', 'n5', 'n6', 'n7']);
    store.getState().dismissNotice(notices[0]!.id);
    expect(store.getState().notices.map((n) => n.message)).toEqual(['n4', 'n5', 'n6', 'n7']);
  });

  it('navigates between rail screens', () => {
    const store = createConsoleStore();
    expect(store.getState().screen).toBe('overview');
    store.getState().goTo('timeline');
    expect(store.getState().screen).toBe('timeline');
  });

  it('forgets the unit and the open week when the connection changes, and the open week when the unit does', () => {
    const store = createConsoleStore();
    const s = () => store.getState();
    s().selectSchedulesProfile('p');
    s().selectBusinessUnit('A');
    s().openWeekFindings({ profileId: 'p', businessUnitId: 'A', week: '2026-11-23' });
    s().selectBusinessUnit('B');
    expect(s()).toMatchObject({ schedulesProfileId: 'p', selectedBusinessUnitId: 'B', openWeek: null });
    s().openWeekFindings({ profileId: 'p', businessUnitId: 'B', week: '2026-11-23' });
    s().selectSchedulesProfile('q');
    expect(s()).toMatchObject({ schedulesProfileId: 'q', selectedBusinessUnitId: null, openWeek: null });
  });

  it('starts the Activity log from the newest page under a new filter, and never pages before it', () => {
    const store = createConsoleStore();
    store.getState().setActivityPage(3);
    store.getState().setActivityFilter({ search: 'token' });
    expect(store.getState()).toMatchObject({ activityPage: 0, activityFilter: { outcome: 'all', search: 'token' } });
    store.getState().setActivityPage(-1);
    expect(store.getState().activityPage).toBe(0);
  });

  it('holds no server data: the store is built without a client, and the query cache is separate', () => {
    const keys = Object.keys(createConsoleStore().getState());
    for (const gone of ['info', 'connections', 'weeks', 'activityRows', 'weekAnalysis', 'syncProgress'])
      expect(keys).not.toContain(gone);
    expect(createConsoleQueryClient().getQueryCache().getAll()).toEqual([]);
  });
});
