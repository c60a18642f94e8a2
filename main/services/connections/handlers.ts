/** connections.*: profiles, sign-in and the vault. */
import type { OpsApi } from '../../../shared/contract';
import type { connectionsMethods } from '../../../shared/contract/connections';
import type { ConnectionService } from './connection-service';

export function connectionsHandlers(connections: ConnectionService) {
  return {
    'connections.regions': async () => connections.regions(),
    'connections.list': async () => connections.list(),
    'connections.save': async (draft) => connections.save(draft),
    'connections.remove': async ({ id }) => ({ removed: await connections.remove(id) }),
    'connections.test': async ({ id }) => connections.test(id),
    'connections.signIn': async ({ id }) => connections.signIn(id),
    'connections.cancelSignIn': async ({ id }) => ({ cancelled: connections.cancelSignIn(id) }),
    'connections.signOut': async ({ id }) => connections.signOut(id),
    'connections.vault': async () => connections.vaultStatus(),
  } satisfies Pick<OpsApi, keyof typeof connectionsMethods>;
}
