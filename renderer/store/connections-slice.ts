import type { ConnectionDraft, ConnectionStatus, RegionOption, VaultStatus } from '../../shared/connections';
import type { OpsClient } from '../bridge/types';
import type { SliceGet, SliceSet } from './index';

export interface ConnectionsSlice {
  connections: ConnectionStatus[];
  regions: RegionOption[];
  vault: VaultStatus | null;
  connectionsStatus: 'idle' | 'loading' | 'ready' | 'failed';
  connectionsError: string | null;
  /** Per-connection action under way (`signIn`, `test`, …), for spinners and disabled buttons. */
  busy: Record<string, string>;
  /** Per-connection error of the last action, in words. */
  actionErrors: Record<string, string>;
  loadConnections(): Promise<void>;
  saveConnection(draft: ConnectionDraft): Promise<ConnectionStatus>;
  runConnectionAction(id: string, action: 'signIn' | 'signOut' | 'test' | 'remove' | 'cancelSignIn'): Promise<void>;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createConnectionsSlice(client: OpsClient, set: SliceSet, get: SliceGet): ConnectionsSlice {
  const upsert = (status: ConnectionStatus) =>
    set((s) => ({
      connections: s.connections.some((c) => c.id === status.id)
        ? s.connections.map((c) => (c.id === status.id ? status : c))
        : [...s.connections, status],
    }));
  return {
    connections: [],
    regions: [],
    vault: null,
    connectionsStatus: 'idle',
    connectionsError: null,
    busy: {},
    actionErrors: {},
    async loadConnections() {
      set({ connectionsStatus: get().connectionsStatus === 'ready' ? 'ready' : 'loading', connectionsError: null });
      try {
        const [connections, regions, vault] = await Promise.all([
          client.call('connections.list', {}),
          get().regions.length ? Promise.resolve(get().regions) : client.call('connections.regions', {}),
          client.call('connections.vault', {}),
        ]);
        set({ connections, regions, vault, connectionsStatus: 'ready' });
      } catch (err) {
        set({ connectionsStatus: 'failed', connectionsError: errorText(err) });
      }
    },
    async saveConnection(draft) {
      const saved = await client.call('connections.save', draft);
      upsert(saved);
      return saved;
    },
    async runConnectionAction(id, action) {
      set((s) => ({ busy: { ...s.busy, [id]: action }, actionErrors: omit(s.actionErrors, id) }));
      try {
        if (action === 'remove') {
          await client.call('connections.remove', { id });
          set((s) => ({ connections: s.connections.filter((c) => c.id !== id) }));
        } else if (action === 'cancelSignIn') {
          await client.call('connections.cancelSignIn', { id });
        } else {
          upsert(await client.call(`connections.${action}`, { id }));
        }
      } catch (err) {
        set((s) => ({ actionErrors: { ...s.actionErrors, [id]: errorText(err) } }));
        // The failed action may have changed the state (e.g. signed out): show what main knows now.
        await get().loadConnections();
      } finally {
        set((s) => ({ busy: omit(s.busy, id) }));
      }
    },
  };
}

function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _gone, ...rest } = record;
  return rest;
}
