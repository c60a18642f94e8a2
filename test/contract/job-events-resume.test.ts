/**
 * A running job's events reach a window exactly once and in order, even when
 * the host's events socket drops mid-job or the page reloads: the client
 * catches up from the last seq it saw (job.events) and drops what it has seen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHostClient } from '../../renderer/bridge/host-client';
import { sessionSeqStore } from '../../renderer/bridge/job-feed';
import type { JobEvent } from '../../shared/contract';
import type { SyncRunSummary } from '../../shared/mirror';
import { startHttpHarness, type TransportHarness } from './transports';
import type { RunningHost } from '../../main/host/server';

let t: TransportHarness & { host: RunningHost };
beforeAll(async () => {
  t = await startHttpHarness();
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const subject = { profileId: 'sandbox', businessUnitId: 'bu-resume' };

/** A stand-in sync that reports progress every 25 ms (longer than a frame, so each report is an event). */
function startSteadyJob(steps: number) {
  return t.services.jobs.start('sync', subject, async (job) => {
    for (let i = 1; i <= steps; i++) {
      await sleep(25);
      job.progress({ phase: 'agentSchedules', done: i, total: steps });
    }
    await sleep(25);
    return { id: 1, status: 'ok' } as SyncRunSummary;
  });
}

/** A page's host client; `sockets` lets the test pull the network cable. */
function page(storage: Map<string, string>) {
  const sockets: WebSocket[] = [];
  const origin = t.host.origin;
  class OriginWebSocket extends WebSocket {
    constructor(url: string) {
      super(url, { origin });
      sockets.push(this);
    }
  }
  const client = createHostClient({
    origin,
    token: t.host.token,
    fetchImpl: (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin } }),
    WebSocketImpl: OriginWebSocket as unknown as typeof globalThis.WebSocket,
    seqStore: sessionSeqStore({ getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) }),
    reconnectMs: 50,
  });
  const seen: JobEvent[] = [];
  const off = client.on('job.event', (e) => seen.push(e));
  return {
    seen,
    dropSocket: () => sockets.at(-1)?.terminate(),
    unload: () => {
      off();
      for (const s of sockets) s.terminate();
    },
  };
}

const seqsOf = (events: JobEvent[], jobId: string) => events.filter((e) => e.jobId === jobId).map((e) => e.seq);

describe('job events across a dropped socket and a reload', () => {
  it('a reconnecting host client receives every event of a running job exactly once, in order', async () => {
    const window = page(new Map());
    await sleep(100);
    const job = startSteadyJob(30);
    await sleep(200);
    window.dropSocket();
    await sleep(250);
    window.dropSocket();
    const ended = await t.services.jobs.settled(job.jobId);
    await expect.poll(() => seqsOf(window.seen, job.jobId).at(-1)).toBe(ended.seq);
    expect(ended.seq).toBeGreaterThan(20);
    expect(seqsOf(window.seen, job.jobId)).toEqual(Array.from({ length: ended.seq }, (_, i) => i + 1));
    expect(window.seen.filter((e) => e.jobId === job.jobId).at(-1)).toMatchObject({ state: 'succeeded' });
    window.unload();
  });

  it('a reloaded page picks up where it left off: together the two pages see every event once, in order', async () => {
    const sessionStorage = new Map<string, string>();
    const before = page(sessionStorage);
    await sleep(100);
    const job = startSteadyJob(30);
    await sleep(300);
    before.unload();
    await sleep(200); // the reload: events keep coming while no page listens
    const after = page(sessionStorage);
    const ended = await t.services.jobs.settled(job.jobId);
    await expect.poll(() => seqsOf(after.seen, job.jobId).at(-1)).toBe(ended.seq);
    const first = seqsOf(before.seen, job.jobId);
    const second = seqsOf(after.seen, job.jobId);
    expect(first.length).toBeGreaterThan(3);
    expect(second[0]).toBe(first.at(-1)! + 1);
    expect([...first, ...second]).toEqual(Array.from({ length: ended.seq }, (_, i) => i + 1));
    after.unload();
  });
});
