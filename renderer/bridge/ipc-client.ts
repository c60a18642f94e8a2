/**
 * Electron transport: everything goes through the preload's two functions.
 * A window reload starts a fresh page whose job feed catches up from the
 * seqs it kept in sessionStorage.
 */
import type { JobEvent } from '../../shared/contract';
import { unwrapOutcome } from './call-error';
import { createJobFeed, sessionSeqStore, type SeqStore } from './job-feed';
import type { OpsClient, PreloadBridge } from './types';

export function createIpcClient(bridge: PreloadBridge, seqStore: SeqStore = sessionSeqStore(null)): OpsClient {
  const call: OpsClient['call'] = async (method, args) => unwrapOutcome(await bridge.invoke(method, args));
  const jobListeners = new Set<(event: JobEvent) => void>();
  const feed = createJobFeed({ call }, (event) => jobListeners.forEach((cb) => cb(event)), seqStore);
  let feeding = false;
  return {
    transport: 'ipc',
    call,
    on(event, callback) {
      if (event !== 'job.event') return bridge.on(event, callback as (payload: unknown) => void);
      jobListeners.add(callback as (event: JobEvent) => void);
      if (!feeding) {
        feeding = true;
        bridge.on('job.event', (payload) => feed.live(payload as JobEvent));
        void feed.resync();
      }
      return () => jobListeners.delete(callback as (event: JobEvent) => void);
    },
  };
}
