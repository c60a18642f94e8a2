import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../shared/contract';
import { createConsoleQueryClient } from '../../query-client';
import { fakeOpsClient, settle } from '../../testing/fake-ops-client';
import { subscribePublishEvents } from './events';
import { publishKeys, publishStateQuery, putPublishView } from './queries';
import { view } from './test-fixtures';

function setup() {
  let seq = 4;
  const fake = fakeOpsClient({
    'publish.state': ({ jobId }) => view(jobId, seq),
    'publish.list': () => [],
  });
  const queryClient = createConsoleQueryClient();
  const off = subscribePublishEvents(fake.client, queryClient);
  return { fake, queryClient, off, setSeq: (n: number) => (seq = n) };
}

describe('publish events', () => {
  it('re-reads publish.state on a step this window has not read, and skips one it has', async () => {
    const { fake, queryClient, setSeq } = setup();
    await queryClient.fetchQuery(publishStateQuery(fake.client, 'j1'));
    const cached = queryClient.getQueryCache().find({ queryKey: publishKeys.state('j1') })!;
    expect(fake.callsTo('publish.state')).toHaveLength(1);

    fake.emit('publish.changed', { jobId: 'j1', seq: 4, phase: 'uploading' });
    await settle();
    expect(cached.state.isInvalidated).toBe(false);

    setSeq(7);
    fake.emit('publish.changed', { jobId: 'j1', seq: 7, phase: 'rebasing' });
    await settle();
    expect(cached.state.isInvalidated).toBe(true);
    await queryClient.refetchQueries({ queryKey: publishKeys.state('j1') });
    expect(queryClient.getQueryData<ReturnType<typeof view>>(publishKeys.state('j1'))?.seq).toBe(7);
  });

  it('ignores a payload that does not parse, and another publish', async () => {
    const { fake, queryClient } = setup();
    await queryClient.fetchQuery(publishStateQuery(fake.client, 'j1'));
    const q = queryClient.getQueryCache().find({ queryKey: publishKeys.state('j1') })!;
    fake.emit('publish.changed', { jobId: 'j1', seq: -1, phase: 'x' } as never);
    fake.emit('publish.changed', { jobId: 'j2', seq: 99, phase: 'done' });
    await settle();
    expect(q.state.isInvalidated).toBe(false);
  });

  it("re-reads the publish a run's job names when the run ends (a retried run names it in progress.item)", async () => {
    const { fake, queryClient } = setup();
    await queryClient.fetchQuery(publishStateQuery(fake.client, 'j1'));
    const q = queryClient.getQueryCache().find({ queryKey: publishKeys.state('j1') })!;
    const run = {
      jobId: 'run-2',
      kind: 'publish',
      subject: { profileId: 'p', businessUnitId: 'bu' },
      seq: 3,
      at: '2026-11-23T06:00:00Z',
      progress: { phase: 'done', done: 1, total: 1, item: 'j1' },
    } as const;
    // Running, in the phase this window shows: nothing to read.
    const shown = queryClient.getQueryData<ReturnType<typeof view>>(publishKeys.state('j1'))!.phase;
    fake.emit('job.event', { ...run, state: 'running', progress: { ...run.progress, phase: shown } } as JobEvent);
    await settle();
    expect(q.state.isInvalidated).toBe(false);
    fake.emit('job.event', { ...run, state: 'succeeded' } as JobEvent);
    await settle();
    expect(q.state.isInvalidated).toBe(true);
  });

  it('re-reads when a running run reports a phase this window does not show (a publish.changed it missed)', async () => {
    const { fake, queryClient } = setup();
    await queryClient.fetchQuery(publishStateQuery(fake.client, 'j1'));
    const q = queryClient.getQueryCache().find({ queryKey: publishKeys.state('j1') })!;
    const shown = queryClient.getQueryData<ReturnType<typeof view>>(publishKeys.state('j1'))!.phase;
    const other = shown === 'confirming' ? 'uploading' : 'confirming';
    fake.emit('job.event', {
      jobId: 'j1',
      kind: 'publish',
      subject: { profileId: 'p', businessUnitId: 'bu' },
      seq: 5,
      at: '2026-11-23T06:00:00Z',
      state: 'running',
      progress: { phase: other, done: 0, total: 40, item: 'j1' },
    } as JobEvent);
    await settle();
    expect(q.state.isInvalidated).toBe(true);
  });

  it('stops listening when unsubscribed', () => {
    const { fake, off } = setup();
    expect(fake.listenerCount()).toBe(2);
    off();
    expect(fake.listenerCount()).toBe(0);
  });
});

describe('an action answer against the events', () => {
  it('never takes the cache back to an older step', () => {
    const queryClient = createConsoleQueryClient();
    putPublishView(queryClient, view('j1', 9, { phase: 'conflict' }));
    putPublishView(queryClient, view('j1', 8, { phase: 'rebasing' }));
    expect(queryClient.getQueryData<ReturnType<typeof view>>(publishKeys.state('j1'))?.phase).toBe('conflict');
    putPublishView(queryClient, view('j1', 10, { phase: 'uploading' }));
    expect(queryClient.getQueryData<ReturnType<typeof view>>(publishKeys.state('j1'))?.phase).toBe('uploading');
  });
});
