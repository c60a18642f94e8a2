/** Connections to Genesys Cloud orgs: profiles, sign-in, and where secrets live. */
import { z } from 'zod';
import type { ConnectionStatus, RegionOption, VaultStatus } from '../connections';
import { byId, entityId, method, noArgs } from './define';

export const connectionDraft = z
  .object({
    id: entityId.optional(),
    name: z.string().trim().min(1, 'Give the connection a name').max(100),
    kind: z.enum(['region', 'custom']),
    region: z.string().min(1).max(100).optional(),
    baseUrl: z
      .string()
      .url('The base URL must be a full URL, e.g. https://api.mypurecloud.com')
      .refine((u) => /^https?:\/\//.test(u), 'The base URL must start with https:// (or http:// for a local sandbox)')
      .optional(),
    grantType: z.enum(['client_credentials', 'authorization_code']),
    clientId: z.string().trim().min(1, 'Enter the OAuth client id').max(200),
    /** Only when entered or changed; kept in the vault, never in SQLite. */
    clientSecret: z.string().min(1).max(500).optional(),
  })
  .strict()
  .refine((d) => (d.kind === 'region' ? !!d.region : !!d.baseUrl), { message: 'Choose a region, or enter a base URL' });

/** What the Connections form sends: a new profile, or changes to one (`id`). */
export type ConnectionDraft = z.infer<typeof connectionDraft>;

export const connectionsMethods = {
  'connections.regions': method(noArgs).returns<RegionOption[]>(),
  'connections.list': method(noArgs).returns<ConnectionStatus[]>(),
  'connections.save': method(connectionDraft).returns<ConnectionStatus>(),
  'connections.remove': method(byId).returns<{ removed: boolean }>(),
  /** Signs in if needed and reads the org: proves the profile works. */
  'connections.test': method(byId).returns<ConnectionStatus>(),
  'connections.signIn': method(byId).returns<ConnectionStatus>(),
  'connections.cancelSignIn': method(byId).returns<{ cancelled: boolean }>(),
  'connections.signOut': method(byId).returns<ConnectionStatus>(),
  /** Where secrets are kept on this machine, and why. */
  'connections.vault': method(noArgs).returns<VaultStatus>(),
};

export interface ConnectionsEvents {
  /** A connection's sign-in state, org or error changed; carries its new status (null once removed), so nobody has to ask. */
  'connections.changed': { id: string; status: ConnectionStatus | null };
  /** The session of this profile ended: ask the supervisor to sign in again, keep their place. */
  'connections.authRequired': { profileId: string; profileName: string; reason: string };
}

export const connectionsEventNames: Record<keyof ConnectionsEvents, true> = {
  'connections.changed': true,
  'connections.authRequired': true,
};
