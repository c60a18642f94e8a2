/**
 * Every event of a job, once each and in order, across a dropped socket or a
 * reloaded window. Live `job.event`s are numbered per job (seq); this feed
 * remembers the last seq delivered per job (in sessionStorage, so it
 * survives a reload of this window) and, whenever the transport (re)connects,
 * asks `job.list` and `job.events {afterSeq}` for what it missed. Live events
 * for a job that is catching up wait until its replay is delivered, then
 * anything already seen is dropped.
 */
import type { JobEvent } from '../../shared/contract';
import type { OpsClient } from './types';

/** Where the last delivered seq of each job is kept. */
export interface SeqStore {
  load(): Record<string, number>;
  save(seqs: Record<string, number>): void;
}

export function sessionSeqStore(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  key = 'publish-desk-job-seqs',
): SeqStore {
  let memory: Record<string, number> = {};
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '{}');
        if (parsed && typeof parsed === 'object') memory = parsed as Record<string, number>;
      } catch {
        // A damaged entry only means replaying a little more; nothing is delivered twice within this page.
      }
      return { ...memory };
    },
    save(seqs) {
      memory = seqs;
      try {
        storage?.setItem(key, JSON.stringify(seqs));
      } catch {
        // Storage can be full or disabled: the feed still works until the page reloads.
      }
    },
  };
}

export interface JobFeed {
  /** Called by the transport each time its event stream (re)opens. */
  resync(): Promise<void>;
  /** Deliver one live event (from the transport). */
  live(event: JobEvent): void;
}

export function createJobFeed(
  client: Pick<OpsClient, 'call'>,
  deliver: (event: JobEvent) => void,
  store: SeqStore,
): JobFeed {
  const lastSeq = store.load();
  const replaying = new Map<string, JobEvent[]>();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const persist = () => {
    if (saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      store.save(lastSeq);
    }, 0);
  };

  function accept(event: JobEvent): void {
    if (event.seq <= (lastSeq[event.jobId] ?? 0)) return;
    lastSeq[event.jobId] = event.seq;
    persist();
    deliver(event);
  }

  /** Fetches what came after the last delivered seq; live events meanwhile are held, then delivered in order. */
  async function catchUp(jobId: string, held: JobEvent[] = []): Promise<void> {
    const already = replaying.get(jobId);
    if (already) {
      already.push(...held);
      return;
    }
    replaying.set(jobId, held);
    try {
      const missed = await client.call('job.events', { jobId, afterSeq: lastSeq[jobId] ?? 0 });
      for (const e of missed) accept(e);
    } catch {
      // The job is gone (ended long ago, or the services restarted): deliver what we hold, in order.
    } finally {
      const waiting = replaying.get(jobId) ?? [];
      replaying.delete(jobId);
      for (const e of waiting.sort((a, b) => a.seq - b.seq)) accept(e);
    }
  }

  return {
    async resync() {
      let jobs: Array<{ jobId: string; seq: number }>;
      try {
        jobs = await client.call('job.list', {});
      } catch {
        return;
      }
      // Forget jobs the services no longer have; catch up on the rest.
      const known = new Set(jobs.map((j) => j.jobId));
      for (const id of Object.keys(lastSeq)) if (!known.has(id)) delete lastSeq[id];
      persist();
      await Promise.all(jobs.filter((j) => j.seq > (lastSeq[j.jobId] ?? 0)).map((j) => catchUp(j.jobId)));
    },
    live(event) {
      const held = replaying.get(event.jobId);
      if (held) held.push(event);
      // A gap (something was lost on the way, or the job began before we listened): fetch it first.
      else if (event.seq > (lastSeq[event.jobId] ?? 0) + 1) void catchUp(event.jobId, [event]);
      else accept(event);
    },
  };
}
