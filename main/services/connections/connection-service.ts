/**
 * Connections: profiles (SQLite), their secrets and tokens (vault), and the
 * sign-in flows. The renderer only ever sees `ConnectionStatus`, never a
 * secret or a token.
 */
import { randomUUID } from 'node:crypto';
import type { ConnectionDraft, ConnectionProfile, ConnectionStatus, RegionOption, VaultStatus } from '../../../shared/connections';
import { requestClientCredentialsToken } from '../../genesys/auth/client-credentials';
import { startPkceSignIn } from '../../genesys/auth/loopback-signin';
import { refreshSignIn } from '../../genesys/auth/pkce';
import { createTokenManager, type TokenManager } from '../../genesys/auth/token-manager';
import { environmentFor, findRegion, genesysRegions } from '../../genesys/regions';
import type { AuditSink, GenesysEnvironment, TokenSet } from '../../genesys/types';
import type { SecretVault } from '../../genesys/vault/vault';
import type { ProfileRepository } from '../../mirror/connection-profiles';
import type { EventHub } from '../event-hub';
import type { OrgReaderFactory } from './org-reader';
import { sandboxProfileId, sandboxProfileName, type SandboxLauncher } from './sandbox-launcher';
import { badInput, OpsError } from '../../../shared/ops-error';

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

interface Session {
  tokens: TokenManager;
  orgName: string | null;
  identity: string | null;
  lastError: string | null;
  pendingSignIn: { cancel(): void } | null;
  expired: boolean;
}

const secretKey = (id: string) => `secret:${id}`;
const tokenKey = (id: string) => `token:${id}`;
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export type ConnectionService = Awaited<ReturnType<typeof createConnectionService>>;

export async function createConnectionService(deps: ConnectionServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const { profiles, vault, events } = deps;
  const tokenCache = new Map<string, TokenSet | null>();
  const sessions = new Map<string, Session>();

  ensureSandboxProfile(profiles, now().toISOString());
  /** Which profiles have a client secret in the vault (the UI shows that, never the secret). */
  const secretsKnown = new Set<string>();
  for (const p of profiles.list()) {
    tokenCache.set(p.id, parseTokens(await vault.get(tokenKey(p.id)).catch(() => null)));
    if (await vault.get(secretKey(p.id)).catch(() => null)) secretsKnown.add(p.id);
  }

  // The event carries the new status, so a window updates without calling back.
  const changed = (id: string) => {
    const p = profiles.get(id);
    events.emit('connections.changed', { id, status: p ? status(p) : null });
  };
  const profileOf = (id: string): ConnectionProfile => {
    const p = profiles.get(id);
    if (!p) throw badInput('That connection no longer exists. Refresh the Connections screen.');
    return p;
  };

  async function environment(p: ConnectionProfile): Promise<GenesysEnvironment> {
    if (p.kind === 'sandbox') return environmentFor({ baseUrl: (await deps.sandbox.ensure()).baseUrl });
    return environmentFor(p.kind === 'region' ? { region: p.region ?? '' } : { baseUrl: p.baseUrl ?? '' });
  }

  /** The sandbox's credentials come from the running sandbox, not from the profile row. */
  async function clientIdOf(p: ConnectionProfile): Promise<string> {
    return p.kind === 'sandbox' ? (await deps.sandbox.ensure()).clientId : p.clientId;
  }

  async function clientSecret(p: ConnectionProfile): Promise<string> {
    if (p.kind === 'sandbox') return (await deps.sandbox.ensure()).clientSecret;
    const secret = await vault.get(secretKey(p.id));
    if (!secret) throw new OpsError('auth', `No client secret is stored for "${p.name}". Edit the connection and paste the secret from Genesys Cloud Admin > OAuth.`);
    return secret;
  }

  function session(p: ConnectionProfile): Session {
    const existing = sessions.get(p.id);
    if (existing) return existing;
    const created: Session = { orgName: null, identity: null, lastError: null, pendingSignIn: null, expired: false, tokens: null as unknown as TokenManager };
    created.tokens = createTokenManager({
      profileId: p.id,
      signIn:
        p.grantType === 'client_credentials'
          ? () =>
              audited(p.id, async () =>
                requestClientCredentialsToken(await environment(p), await clientIdOf(p), await clientSecret(p), undefined, () => now().getTime()),
              )
          : null,
      // A supervisor session goes on past its token's expiry when Genesys issued a refresh token.
      refresh:
        p.grantType === 'authorization_code'
          ? (refreshToken) =>
              audited(p.id, async () => refreshSignIn({ env: await environment(p), clientId: p.clientId, refreshToken, now: () => now().getTime() }))
          : undefined,
      store: {
        load: () => tokenCache.get(p.id) ?? null,
        save: (t) => {
          tokenCache.set(p.id, t);
          const write = t ? vault.set(tokenKey(p.id), JSON.stringify(t)) : vault.delete(tokenKey(p.id));
          write.catch((err: unknown) => deps.log?.(`could not keep the token of ${p.name}: ${errorText(err)}`));
        },
      },
      now: () => now().getTime(),
      onAuthRequired: () => {
        created.expired = true;
        events.emit('connections.authRequired', {
          profileId: p.id,
          profileName: p.name,
          reason: 'the supervisor sign-in has ended. Sign in again on the Connections screen; your place and pending work are kept.',
        });
        changed(p.id);
      },
    });
    sessions.set(p.id, created);
    return created;
  }

  /** Records a token request (client credentials, or the code exchange of a sign-in) in the Activity log. */
  async function audited(profileId: string, request: () => Promise<TokenSet>): Promise<TokenSet> {
    const started = Date.now();
    const entry = { at: now().toISOString(), profileId, method: 'POST', pathTemplate: '/oauth/token', attempt: 1, contextId: null };
    try {
      const tokens = await request();
      deps.audit.record({ ...entry, status: 200, durationMs: Date.now() - started, errorKind: null });
      return tokens;
    } catch (err) {
      const status = (err as { status?: number | null }).status ?? null;
      deps.audit.record({ ...entry, status, durationMs: Date.now() - started, errorKind: (err as Error).name });
      throw err;
    }
  }

  /**
   * Client-credentials tokens renew silently, so holding one means signed in;
   * a supervisor token past its expiry means the session ended.
   */
  function signInState(p: ConnectionProfile, s: Session | undefined, tokens: TokenSet | null): ConnectionStatus['state'] {
    if (s?.pendingSignIn) return 'signingIn';
    if (tokens && (p.grantType === 'client_credentials' || tokens.expiresAt > now().getTime())) return 'signedIn';
    return s?.expired || tokens ? 'expired' : 'signedOut';
  }

  function status(p: ConnectionProfile): ConnectionStatus {
    const s = sessions.get(p.id);
    const tokens = tokenCache.get(p.id) ?? null;
    const state = signInState(p, s, tokens);
    return {
      ...p,
      regionName: p.kind === 'region' ? (findRegion(p.region ?? '')?.name ?? null) : null,
      state,
      orgName: state === 'signedIn' ? (s?.orgName ?? null) : null,
      identity: state === 'signedIn' ? (s?.identity ?? null) : null,
      tokenExpiresAt: tokens ? new Date(tokens.expiresAt).toISOString() : null,
      hasSecret: p.kind === 'sandbox' || secretsKnown.has(p.id),
      lastError: s?.lastError ?? null,
    };
  }

  async function readOrg(p: ConnectionProfile, s: Session): Promise<void> {
    const reader = deps.orgReader(p.id, await environment(p), s.tokens);
    s.orgName = await reader.organizationName();
    s.identity = p.grantType === 'authorization_code' ? await reader.userName() : `OAuth client ${p.clientId}`;
  }

  async function signIn(id: string): Promise<ConnectionStatus> {
    const p = profileOf(id);
    const s = session(p);
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
    vaultStatus: (): VaultStatus => ({ backend: vault.backend, persistent: vault.persistent, description: vault.describe() }),

    async save(draft: ConnectionDraft): Promise<ConnectionStatus> {
      if (draft.id === sandboxProfileId) throw badInput('The built-in Sandbox org connection cannot be edited.');
      const existing = draft.id ? profileOf(draft.id) : null;
      const clash = profiles.findByName(draft.name);
      if (clash && clash.id !== existing?.id) throw badInput(`A connection named "${draft.name}" already exists. Choose another name.`);
      if (draft.kind === 'region' && !findRegion(draft.region ?? '')) throw badInput(`"${draft.region}" is not a Genesys Cloud region. Pick one from the list.`);
      if (draft.kind === 'custom') environmentFor({ baseUrl: draft.baseUrl ?? '' });
      const needsSecret = draft.grantType === 'client_credentials' && !draft.clientSecret && !(existing && secretsKnown.has(existing.id));
      if (needsSecret) throw badInput('Enter the client secret: client-credentials connections need it (Genesys Cloud Admin > OAuth).');
      const stamp = now().toISOString();
      const profile: ConnectionProfile = {
        id: existing?.id ?? randomUUID(),
        name: draft.name.trim(),
        kind: draft.kind,
        region: draft.kind === 'region' ? (findRegion(draft.region!)?.id ?? draft.region!) : null,
        baseUrl: draft.kind === 'custom' ? draft.baseUrl!.replace(/\/+$/, '') : null,
        grantType: draft.grantType,
        clientId: draft.clientId.trim(),
        createdAt: existing?.createdAt ?? stamp,
        updatedAt: stamp,
      };
      if (draft.clientSecret) {
        await vault.set(secretKey(profile.id), draft.clientSecret);
        secretsKnown.add(profile.id);
      }
      profiles.save(profile);
      const moved = existing && (existing.region !== profile.region || existing.baseUrl !== profile.baseUrl || existing.clientId !== profile.clientId || existing.grantType !== profile.grantType);
      if (moved || draft.clientSecret) {
        // Tokens of the old settings must not be used against the new ones.
        sessions.get(profile.id)?.tokens.clear();
        sessions.delete(profile.id);
      }
      changed(profile.id);
      return status(profile);
    },

    async remove(id: string): Promise<boolean> {
      if (id === sandboxProfileId) throw new Error('The built-in Sandbox org connection cannot be removed.');
      sessions.get(id)?.pendingSignIn?.cancel();
      sessions.delete(id);
      tokenCache.delete(id);
      secretsKnown.delete(id);
      await Promise.all([vault.delete(secretKey(id)), vault.delete(tokenKey(id))]);
      return profiles.remove(id);
    },

    signIn,

    async test(id: string): Promise<ConnectionStatus> {
      const p = profileOf(id);
      // A profile never signed in is tested by signing in; an existing session is tested as it is,
      // so an ended supervisor session surfaces as auth.required rather than a surprise browser tab.
      if (status(p).state === 'signedOut') return signIn(id);
      const s = session(p);
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
      const pending = sessions.get(id)?.pendingSignIn;
      pending?.cancel();
      return !!pending;
    },

    async signOut(id: string): Promise<ConnectionStatus> {
      const p = profileOf(id);
      const s = session(p);
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
      return { profile: p, env: await environment(p), tokens: session(p).tokens };
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

function parseTokens(raw: string | null): TokenSet | null {
  if (!raw) return null;
  try {
    const t = JSON.parse(raw) as TokenSet;
    return typeof t.accessToken === 'string' && typeof t.expiresAt === 'number' ? t : null;
  } catch {
    return null;
  }
}
