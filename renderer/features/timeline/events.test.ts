import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createConsoleQueryClient } from '../../query-client';
import { fakeOpsClient, settle } from '../../testing/fake-ops-client';
import { syncStep } from '../../testing/schedules-fixtures';
import { subscribeTimelineEvents } from './events';
import { rosterQuery } from './queries';

const roster = [{ id: 'a', name: 'Ann', managementUnitId: 'm' }];
const noFilters = { search: '', managementUnitId: null, agentIds: null };

describe('Timeline events', () => {
  it('reads the roster again when the unit’s mirror changes, once at the end of a sync', async () => {
    const fake = fakeOpsClient({ 'timeline.roster': () => roster });
    const queryClient = createConsoleQueryClient();
    const off = subscribeTimelineEvents(fake.client, queryClient);
    const observer = new QueryObserver(queryClient, rosterQuery(fake.client, 'p', 'A', noFilters));
    const stop = observer.subscribe(() => {});
    await settle();
    expect(observer.getCurrentResult().data).toEqual([{ id: 'a', name: 'Ann', managementUnitId: 'm' }]);
    // The whole roster in one call.
    expect(fake.callsTo('timeline.roster')).toEqual([{ profileId: 'p', businessUnitId: 'A' }]);

    fake.emit('mirror.changed', { profileId: 'p', businessUnitId: 'B', tables: ['shifts'] });
    await settle();
    expect(fake.callsTo('timeline.roster')).toHaveLength(1);
    fake.emit('mirror.changed', { profileId: 'p', businessUnitId: 'A', tables: ['shifts'] });
    await settle();
    expect(fake.callsTo('timeline.roster')).toHaveLength(2);

    fake.emit('job.event', syncStep('j', 2, 'succeeded'));
    await settle();
    expect(fake.callsTo('timeline.roster')).toHaveLength(3);
    stop();
    off();
    expect(fake.listenerCount()).toBe(0);
  });
});
