import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../shared/contract';
import type { SyncRunSummary } from '../../../shared/mirror';
import { badInput } from '../../../shared/ops-error';
import { createEventHub } from '../event-hub';
import { createJobRegistry } from './job-registry';

const subject = { profileId: 'p', businessUnitId: 'bu' };
const summary = { id: 1, status: 'ok' } as SyncRunSummary;
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rig(frameMs = 20) {
  const events = createEventHub();
  const seen: JobEvent[] = [];
  events.attach((name, payload) => {
    if (name === 'job.event') seen.push(payload as JobEvent);
  });
  return { jobs: createJobRegistry({ events, frameMs }), seen };
}

describe('the job registry', () => {
  it('answers at once with the running job, numbers every event from 1 and keeps them for catching up', async () => {
    const { jobs, seen } = rig();
    let release!: () => void;
    const snapshot = jobs.start('sync', subject, async (job) => {
      job.progress({ phase: 'schedules', done: 0, total: 2 });
      await new Promise<void>((r) => (release = r));
      return summary;
    });
    expect(snapshot).toMatchObject({ kind: 'sync', state: 'running', seq: 1, subject, endedAt: null });
    expect(jobs.running('sync', subject)?.jobId).toBe(snapshot.jobId);
    await tick(40);
    release();
    const ended = await jobs.settled(snapshot.jobId);
    expect(ended).toMatchObject({ state: 'succeeded', result: summary, endedAt: expect.any(String) });
    expect(seen.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(seen.map((e) => e.state)).toEqual(['running', 'running', 'succeeded']);
    expect(jobs.eventsAfter(snapshot.jobId, 1)).toEqual(seen.slice(1));
    expect(jobs.eventsAfter(snapshot.jobId, 0)).toEqual(seen);
    expect(jobs.running('sync', subject)).toBeUndefined();
  });

  it('coalesces progress to one event per frame, each with the latest progress, and loses the last one to nothing', async () => {
    const { jobs, seen } = rig(30);
    const snapshot = jobs.start('sync', subject, async (job) => {
      for (let i = 1; i <= 500; i++) job.progress({ phase: 'agentSchedules', done: i, total: 500 });
      await tick(5);
      job.progress({ phase: 'done', done: 1, total: 1 });
      return summary;
    });
    await jobs.settled(snapshot.jobId);
    // 502 progress reports in ~5 ms: the start, at most a couple of frames, and the end that carries the last progress.
    expect(seen.length).toBeLessThanOrEqual(4);
    expect(seen.at(-1)).toMatchObject({ state: 'succeeded', progress: { phase: 'done' } });
    expect(seen.map((e) => e.seq)).toEqual(seen.map((_, i) => i + 1));
  });

  it('ends a failed job with words and a category, and a cancelled one as cancelled', async () => {
    const { jobs } = rig();
    const failing = jobs.start('sync', subject, async () => Promise.reject(badInput('Use the week of 2026-11-30.')));
    expect(await jobs.settled(failing.jobId)).toMatchObject({
      state: 'failed',
      error: { code: 'failed', category: 'badInput', message: 'Use the week of 2026-11-30.' },
    });
    const slow = jobs.start('sync', subject, async (job) => {
      await new Promise((_, reject) => job.signal.addEventListener('abort', () => reject(new Error('aborted'))));
      return summary;
    });
    await tick(5);
    expect(jobs.cancel(slow.jobId)).toBe(true);
    expect(await jobs.settled(slow.jobId)).toMatchObject({ state: 'cancelled' });
    expect(jobs.cancel(slow.jobId)).toBe(false);
    expect(() => jobs.status('no-such-job')).toThrow(/There is no job no-such-job/);
  });
});
