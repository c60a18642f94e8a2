import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../shared/connections';
import { createConsoleQueryClient } from '../../query-client';
import { createConsoleStore } from '../../store';
import { fakeOpsClient } from '../../testing/fake-ops-client';
import { connection } from '../../testing/schedules-fixtures';
import { subscribeConnectionsEvents } from './events';
import { connectionsKeys, connectionsListQuery } from './queries';

async function rig() {
  const fake = fakeOpsClient({
    'connections.list': () => [connection('sandbox', 'Sandbox org'), connection('prod', 'Production')],
  });
  const queryClient = createConsoleQueryClient();
  const store = createConsoleStore();
  subscribeConnectionsEvents(fake.client, queryClient, store.getState().pushNotice);
  await queryClient.fetchQuery(connectionsListQuery(fake.client));
  const list = () => queryClient.getQueryData<ConnectionStatus[]>(connectionsKeys.list)?.map((c) => [c.id, c.state]);
  return { fake, queryClient, store, list };
}

describe('connections events', () => {
  it('connections.changed puts the new status into the list in place, adds and removes, without a call', async () => {
    const r = await rig();
    expect(r.fake.calls).toHaveLength(1);
    r.fake.emit('connections.changed', {
      id: 'sandbox',
      status: { ...connection('sandbox', 'Sandbox org'), state: 'expired' },
    });
    expect(r.list()).toEqual([
      ['sandbox', 'expired'],
      ['prod', 'signedIn'],
    ]);
    r.fake.emit('connections.changed', { id: 'syd', status: { ...connection('syd', 'Sydney'), state: 'signedOut' } });
    r.fake.emit('connections.changed', { id: 'prod', status: null });
    expect(r.list()).toEqual([
      ['sandbox', 'expired'],
      ['syd', 'signedOut'],
    ]);
    // Before: each event cost a connections.list, a connections.vault (and the regions once).
    expect(r.fake.calls).toHaveLength(1);
  });

  it('does not invent a list from one event before the list was read', () => {
    const fake = fakeOpsClient();
    const queryClient = createConsoleQueryClient();
    subscribeConnectionsEvents(fake.client, queryClient, () => {});
    fake.emit('connections.changed', { id: 'syd', status: connection('syd') });
    expect(queryClient.getQueryData(connectionsKeys.list)).toBeUndefined();
  });

  it('turns auth.required into a warning notice that names the connection', async () => {
    const r = await rig();
    r.fake.emit('connections.authRequired', {
      profileId: 'prod',
      profileName: 'Production',
      reason: 'the supervisor sign-in has ended.',
    });
    expect(r.store.getState().notices.map((n) => [n.level, n.message])).toEqual([
      ['warning', 'Production: the supervisor sign-in has ended.'],
    ]);
  });
});
