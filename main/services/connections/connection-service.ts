/**
 * Connections: profiles (SQLite), their secrets and tokens (vault), and the
 * sign-in flows. The renderer only ever sees `ConnectionStatus`, never a
 * secret or a token. The parts: sessions.ts (token managers and kept tokens),
 * connection-status.ts (what the screen shows), profile-draft.ts (checking a
 * saved profile), token-audit.ts (token requests in the Activity log).
 */
import type {
  ConnectionDraft,
  ConnectionProfile,
  ConnectionStatus,
  RegionOption,
  VaultStatus,
} from '../../../shared/connections';
import { badInput, OpsError } from '../../../shared/ops-error';
import { startPkceSignIn } from '../../genesys/auth/loopback-signin';
import { environmentFor, genesysRegions } from '../../genesys/regions';
import type { AuditSink, GenesysEnvironment } from '../../genesys/types';
import type { SecretVault } from '../../genesys/vault/vault';
import type { ProfileRepository } from '../../mirror/connection-profiles';
import type { EventHub } from '../event-hub';
import { connectionStatus } from './connection-status';
import type { OrgReaderFactory } from './org-reader';
import { profileFromDraft, profileMoved } from './profile-draft';
import { sandboxProfileId, sandboxProfileName, type SandboxLauncher } from './sandbox-launcher';
import { createSessions, secretKey, type Session } from './sessions';
import { auditTokenRequests } from './token-audit';

export interface ConnectionServiceDeps {
  profiles: ProfileRepository;
  vault: SecretVault;
  events: EventHub;
  sandbox: SandboxLauncher;
  orgReader: OrgReaderFactory;
  /** Token requests go in the Activity log too (never their bodies). */
  audit: AuditSink;
  /** The system browser (Electron `shell.openExternal`; the host opens Chromium or prints the link). */
  openBrowser(url: string): Promise<void>;
  now?: () => Date;
  signInTimeoutMs?: number;
  log?: (line: string) => void;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export type ConnectionService = Awaited<ReturnType<typeof createConnectionService>>;

export async function createConnectionService(deps: ConnectionServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const { profiles, vault, events } = deps;
  const audited = auditTokenRequests(deps.audit, now);
  /** Which profiles have a client secret in the vault (the UI shows that, never the secret). */
  const secretsKnown = new Set<string>();

  const profileOf = (id: string): ConnectionProfile => {
    const p = profiles.get(id);
    if (!p) throw badInput('That connection no longer exists. Refresh the Connections screen.');
    return p;
  };
  async function environment(p: ConnectionProfile): Promise<GenesysEnvironment> {
    if (p.kind === 'sandbox') return environmentFor({ baseUrl: (await deps.sandbox.ensure()).baseUrl });
    return environmentFor(p.kind === 'region' ? { region: p.region ?? '' } : { baseUrl: p.baseUrl ?? '' });
  }
  const sessions = createSessions({
    vault,
    events,
    now,
    log: deps.log,
    audited,
    environment,
    // The sandbox's credentials come from the running sandbox, not from the profile row.
    clientIdOf: async (p) => (p.kind === 'sandbox' ? (await deps.sandbox.ensure()).clientId : p.clientId),
    async clientSecret(p) {
      if (p.kind === 'sandbox') return (await deps.sandbox.ensure()).clientSecret;
      const secret = await vault.get(secretKey(p.id));
      if (!secret)
        throw new OpsError(
          'auth',
          `No client secret is stored for "${p.name}". Edit the connection and paste the secret from Genesys Cloud Admin > OAuth.`,
        );
      return secret;
    },
    changed: (id) => changed(id),
  });

  const status = (p: ConnectionProfile): ConnectionStatus =>
    connectionStatus(p, sessions.peek(p.id), sessions.tokensOf(p.id), secretsKnown.has(p.id), now().getTime());
  // The event carries the new status, so a window updates without calling back.
  function changed(id: string): void {
    const p = profiles.get(id);
    events.emit('connections.changed', { id, status: p ? status(p) : null });
  }

  ensureSandboxProfile(profiles, now().toISOString());
  for (const p of profiles.list()) {
    await sessions.load(p.id);
    if (await vault.get(secretKey(p.id)).catch(() => null)) secretsKnown.add(p.id);
  }

  async function readOrg(p: ConnectionProfile, s: Session): Promise<void> {
    const reader = deps.orgReader(p.id, await environment(p), s.tokens);
    s.orgName = await reader.organizationName();
    s.identity = p.grantType === 'authorization_code' ? await reader.userName() : `OAuth client ${p.clientId}`;
  }

  async function signIn(id: string): Promise<ConnectionStatus> {
    const p = profileOf(id);
    const s = sessions.of(p);
    s.lastError = null;
    try {
      if (p.grantType === 'client_credentials') {
        s.tokens.clear();
        await s.tokens.getAccessToken();
      } else {
        const flow = await startPkceSignIn({
          env: await environment(p),
          clientId: p.clientId,
          openBrowser: deps.openBrowser,
          timeoutMs: deps.signInTimeoutMs,
          now: () => now().getTime(),
        });
        s.pendingSignIn = flow;
        changed(id);
        try {
          s.tokens.accept(await audited(p.id, () => flow.result));
        } finally {
          s.pendingSignIn = null;
        }
      }
      s.expired = false;
      await readOrg(p, s);
      changed(id);
      return status(p);
    } catch (err) {
      s.lastError = errorText(err);
      changed(id);
      throw err;
    }
  }

  return {
    regions: (): RegionOption[] => genesysRegions.map(({ id, name, apiBase }) => ({ id, name, apiBase })),
    list: (): ConnectionStatus[] => profiles.list().map(status),
    vaultStatus: (): VaultStatus => ({
      backend: vault.backend,
      persistent: vault.persistent,
      description: vault.describe(),
    }),

    async save(draft: ConnectionDraft): Promise<ConnectionStatus> {
      const existing = draft.id ? profileOf(draft.id) : null;
      const profile = profileFromDraft(draft, {
        profiles,
        existing,
        secretKnown: !!existing && secretsKnown.has(existing.id),
        stamp: now().toISOString(),
      });
      if (draft.clientSecret) {
        await vault.set(secretKey(profile.id), draft.clientSecret);
        secretsKnown.add(profile.id);
      }
      profiles.save(profile);
      if ((existing && profileMoved(existing, profile)) || draft.clientSecret) sessions.reset(profile.id);
      changed(profile.id);
      return status(profile);
    },

    async remove(id: string): Promise<boolean> {
      if (id === sandboxProfileId) throw badInput('The built-in Sandbox org connection cannot be removed.');
      secretsKnown.delete(id);
      await Promise.all([sessions.forget(id), vault.delete(secretKey(id))]);
      const removed = profiles.remove(id);
      changed(id);
      return removed;
    },

    signIn,

    async test(id: string): Promise<ConnectionStatus> {
      const p = profileOf(id);
      // A profile never signed in is tested by signing in; an existing session is tested as it is,
      // so an ended supervisor session surfaces as auth.required rather than a surprise browser tab.
      if (status(p).state === 'signedOut') return signIn(id);
      const s = sessions.of(p);
      try {
        await readOrg(p, s);
        s.lastError = null;
      } catch (err) {
        s.lastError = errorText(err);
        changed(id);
        throw err;
      }
      return status(p);
    },

    cancelSignIn(id: string): boolean {
      const pending = sessions.peek(id)?.pendingSignIn;
      pending?.cancel();
      return !!pending;
    },

    async signOut(id: string): Promise<ConnectionStatus> {
      const p = profileOf(id);
      const s = sessions.of(p);
      s.tokens.clear();
      s.orgName = null;
      s.identity = null;
      s.expired = false;
      changed(id);
      return status(p);
    },

    /** For later services (sync, publish): the token source and hosts of a connection. */
    async connectionOf(id: string) {
      const p = profileOf(id);
      return { profile: p, env: await environment(p), tokens: sessions.of(p).tokens };
    },

    close: () => deps.sandbox.close(),
  };
}

function ensureSandboxProfile(profiles: ProfileRepository, stamp: string): void {
  if (profiles.get(sandboxProfileId)) return;
  profiles.save({
    id: sandboxProfileId,
    name: sandboxProfileName,
    kind: 'sandbox',
    region: null,
    baseUrl: 'in-process',
    grantType: 'client_credentials',
    clientId: 'sandbox',
    createdAt: stamp,
    updatedAt: stamp,
  });
}
