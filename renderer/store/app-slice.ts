import type { AppInfo } from '../../shared/contract';
import type { OpsClient } from '../bridge/types';
import type { SliceGet, SliceSet } from './index';

export interface AppSlice {
  transport: OpsClient['transport'];
  info: AppInfo | null;
  infoStatus: 'idle' | 'loading' | 'ready' | 'failed';
  infoError: string | null;
  loadInfo(): Promise<void>;
}

export function createAppSlice(client: OpsClient, set: SliceSet, get: SliceGet): AppSlice {
  return {
    transport: client.transport,
    info: null,
    infoStatus: 'idle',
    infoError: null,
    async loadInfo() {
      if (get().infoStatus === 'loading') return;
      set({ infoStatus: 'loading', infoError: null });
      try {
        const info = await client.call('app.info', {});
        set({ info, infoStatus: 'ready' });
      } catch (err) {
        set({ infoStatus: 'failed', infoError: err instanceof Error ? err.message : String(err) });
      }
    },
  };
}
