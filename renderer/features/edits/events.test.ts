import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ChangeSetList } from '../../../shared/contract/edits';
import type { TimelineWindow } from '../../../shared/timeline';
import { createConsoleQueryClient } from '../../query-client';
import { fakeOpsClient, settle } from '../../testing/fake-ops-client';
import { rosterQuery, pageQuery, type TimelineSubject } from '../timeline/queries';
import { subscribeEditsEvents } from './events';
import { changeSetQuery } from './queries';

const list = (count: number): ChangeSetList => ({
  businessUnitId: 'A',
  scheduleId: 's1',
  count,
  canUndo: count > 0,
  canRedo: false,
  mirrorScheduleVersion: 3,
  edits: [],
  agents: [],
});
const window: TimelineWindow = {
  total: 1,
  agents: [{ id: 'a', name: 'Ann', managementUnitId: 'm', shifts: [], timeOff: [] }],
};
const subject: TimelineSubject = {
  profileId: 'p',
  businessUnitId: 'A',
  scheduleId: 's1',
  week: '2026-12-07',
  from: 0,
  to: 1,
};
const noFilters = { search: '', managementUnitId: null, agentIds: null };

describe('edits.changed', () => {
  it('reads that schedule’s change set and the unit’s shift pages again, not other schedules or the roster', async () => {
    let count = 0;
    const fake = fakeOpsClient({ 'edits.list': () => list(count), 'timeline.window': () => window });
    const queryClient = createConsoleQueryClient();
    const off = subscribeEditsEvents(fake.client, queryClient);
    const watch = (o: object) => new QueryObserver(queryClient, o as never).subscribe(() => {});
    const stops = [
      watch(changeSetQuery(fake.client, { profileId: 'p', businessUnitId: 'A', scheduleId: 's1' })),
      watch(pageQuery(fake.client, subject, noFilters, { managementUnitId: 'm', page: 0 }, () => [])),
      watch(rosterQuery(fake.client, 'p', 'A', noFilters)),
    ];
    await settle();
    expect(
      queryClient.getQueryData(
        changeSetQuery(fake.client, { profileId: 'p', businessUnitId: 'A', scheduleId: 's1' }).queryKey,
      )?.count,
    ).toBe(0);
    const windows = fake.callsTo('timeline.window').length;

    count = 2;
    fake.emit('edits.changed', { businessUnitId: 'A', scheduleId: 'other', count: 1, canUndo: true, canRedo: false });
    await settle();
    expect(fake.callsTo('edits.list')).toHaveLength(1);

    fake.emit('edits.changed', { businessUnitId: 'A', scheduleId: 's1', count: 2, canUndo: true, canRedo: false });
    await settle();
    expect(fake.callsTo('edits.list')).toHaveLength(2);
    expect(
      queryClient.getQueryData(
        changeSetQuery(fake.client, { profileId: 'p', businessUnitId: 'A', scheduleId: 's1' }).queryKey,
      )?.count,
    ).toBe(2);
    // The page of shifts is read again; the roster (names and units) is not.
    expect(fake.callsTo('timeline.window').length).toBe(windows + 1);
    expect((fake.callsTo('timeline.window').at(-1) as { scheduleId?: string }).scheduleId).toBe('s1');
    stops.forEach((s) => s());
    off();
    expect(fake.listenerCount()).toBe(0);
  });
});
