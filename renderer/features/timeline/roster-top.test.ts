import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { TimelineWindow } from '../../../shared/timeline';
import { createConsoleQueryClient } from '../../query-client';
import { fakeOpsClient, settle } from '../../testing/fake-ops-client';
import { pageQuery, rosterQuery, type TimelineSubject } from './queries';

const roster = [
  { id: 'a', name: 'Ann', managementUnitId: 'm' },
  { id: 'b', name: 'Bo', managementUnitId: 'm' },
];
const noFilters = { search: '', managementUnitId: null, agentIds: null };
const subject: TimelineSubject = {
  profileId: 'p',
  businessUnitId: 'A',
  scheduleId: 's',
  week: '2026-11-30',
  from: 0,
  to: 7 * 86_400_000,
};
const firstPage: TimelineWindow = {
  total: 2,
  agents: roster.map((a) => ({ ...a, shifts: [], timeOff: [] })),
};

describe('the roster with the top of the grid', () => {
  it('puts the first rows’ page in the cache, so the grid’s page query asks nothing more', async () => {
    const fake = fakeOpsClient({
      'timeline.rosterTop': () => ({ agents: roster, pages: [{ managementUnitId: 'm', page: 0, window: firstPage }] }),
      'timeline.window': () => firstPage,
    });
    const queryClient = createConsoleQueryClient();
    const top = { queryClient, subject, collapsedUnits: ['x'], rows: 30 };
    const rosterObserver = new QueryObserver(queryClient, rosterQuery(fake.client, 'p', 'A', noFilters, top));
    const stopRoster = rosterObserver.subscribe(() => {});
    await settle();
    expect(rosterObserver.getCurrentResult().data).toEqual(roster);
    expect(fake.callsTo('timeline.rosterTop')).toEqual([
      {
        profileId: 'p',
        businessUnitId: 'A',
        scheduleId: 's',
        from: 0,
        to: subject.to,
        rows: 30,
        collapsedUnits: ['x'],
      },
    ]);
    expect(fake.callsTo('timeline.roster')).toHaveLength(0);

    const page = new QueryObserver(
      queryClient,
      pageQuery(fake.client, subject, noFilters, { managementUnitId: 'm', page: 0 }, () => []),
    );
    const stopPage = page.subscribe(() => {});
    await settle();
    expect(page.getCurrentResult().data).toEqual(firstPage);
    expect(fake.callsTo('timeline.window')).toHaveLength(0);
    // Another page was not sent along: it is asked for as usual.
    const second = new QueryObserver(
      queryClient,
      pageQuery(fake.client, subject, noFilters, { managementUnitId: 'm', page: 1 }, () => []),
    );
    const stopSecond = second.subscribe(() => {});
    await settle();
    expect(fake.callsTo('timeline.window')).toHaveLength(1);
    stopRoster();
    stopPage();
    stopSecond();
  });

  it('asks for the roster alone while no schedule is chosen', async () => {
    const fake = fakeOpsClient({ 'timeline.roster': () => roster });
    const queryClient = createConsoleQueryClient();
    const observer = new QueryObserver(queryClient, rosterQuery(fake.client, 'p', 'A', noFilters, null));
    const stop = observer.subscribe(() => {});
    await settle();
    expect(observer.getCurrentResult().data).toEqual(roster);
    expect(fake.callsTo('timeline.rosterTop')).toHaveLength(0);
    stop();
  });
});
