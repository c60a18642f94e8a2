import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../shared/contract';
import { createJobFeed, sessionSeqStore } from './job-feed';

const ev = (seq: number, jobId = 'j1'): JobEvent => ({
  jobId,
  kind: 'sync',
  subject: { profileId: 'p', businessUnitId: 'bu' },
  seq,
  at: '2026-12-01T06:00:00Z',
  state: 'running',
  progress: null,
});

function rig(log: Record<string, JobEvent[]>) {
  const delivered: number[] = [];
  const asked: Array<{ jobId: string; afterSeq: number }> = [];
  const call = (async (method: string, args: { jobId: string; afterSeq: number }) => {
    if (method === 'job.list')
      return Object.entries(log).map(([jobId, events]) => ({ jobId, seq: events.at(-1)?.seq ?? 0 }));
    asked.push(args);
    return (log[args.jobId] ?? []).filter((e) => e.seq > args.afterSeq);
  }) as never;
  const feed = createJobFeed({ call }, (e) => delivered.push(e.seq), sessionSeqStore(null));
  return { feed, delivered, asked };
}

describe('the job feed', () => {
  it('fills a gap in the live stream from job.events, then goes on in order', async () => {
    const { feed, delivered, asked } = rig({ j1: [ev(1), ev(2), ev(3), ev(4)] });
    feed.live(ev(1));
    feed.live(ev(3)); // 2 was lost on the way
    feed.live(ev(4)); // arrives while 2 is being fetched
    await new Promise((r) => setTimeout(r, 0));
    expect(delivered).toEqual([1, 2, 3, 4]);
    expect(asked).toEqual([{ jobId: 'j1', afterSeq: 1 }]);
    feed.live(ev(4));
    feed.live(ev(2));
    expect(delivered).toEqual([1, 2, 3, 4]);
  });

  it('on (re)connect asks only for the jobs it has not seen to the end', async () => {
    const { feed, delivered, asked } = rig({ j1: [ev(1), ev(2)], j2: [ev(1, 'j2')] });
    feed.live(ev(1));
    feed.live(ev(2));
    await feed.resync();
    expect(asked).toEqual([{ jobId: 'j2', afterSeq: 0 }]);
    expect(delivered).toEqual([1, 2, 1]);
  });
});
