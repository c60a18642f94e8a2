/**
 * A new publish started after one was stopped: the screen must show the new one from the moment it is
 * picked, never the stopped one it knew before the list came back (a click there went to the stopped one).
 */
import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { PublishSummary } from '../../../shared/contract/publish';
import { createConsoleQueryClient } from '../../query-client';
import { fakeOpsClient } from '../../testing/fake-ops-client';
import { shownPublish } from './choice';
import { openStartedPublish } from './mutations';
import { publishListQuery } from './queries';
import { summary } from './test-fixtures';

describe('opening a publish just started', () => {
  it('picks it once the list has it, so the stopped one is never shown in between', async () => {
    const stopped = summary('old', { cancelled: true, createdAt: '2026-11-23T06:00:00.000Z' });
    let list: PublishSummary[] = [stopped];
    const fake = fakeOpsClient({ 'publish.list': () => list, 'publish.state': () => undefined as never });
    const queryClient = createConsoleQueryClient();
    const query = publishListQuery(fake.client, 'p', 'bu');
    const observer = new QueryObserver(queryClient, query);
    const off = observer.subscribe(() => undefined);
    await queryClient.fetchQuery(query);

    // main has started it: the next list answer has it.
    list = [stopped, summary('new', { running: true, createdAt: '2026-11-23T06:05:00.000Z' })];
    const subject = { profileId: 'p', businessUnitId: 'bu', week: '2026-11-23', scheduleId: 's1' };
    const shownAtPick: Array<string | null> = [];
    await openStartedPublish(
      queryClient,
      (jobId) =>
        shownAtPick.push(shownPublish(queryClient.getQueryData(query.queryKey) ?? [], subject, jobId)?.jobId ?? null),
      'new',
    );
    expect(shownAtPick).toEqual(['new']);
    expect(fake.callsTo('publish.list')).toHaveLength(2);
    off();
  });
});
