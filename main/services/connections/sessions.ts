/**
 * The live side of each connection: its token manager (renewal, refresh,
 * "sign in again"), the tokens kept in the vault between runs, and what the
 * last sign-in learned (org name, identity, the last error).
 */
import type { ConnectionProfile } from '../../../shared/connections';
import { requestClientCredentialsToken } from '../../genesys/auth/client-credentials';
import { refreshSignIn } from '../../genesys/auth/pkce';
import { createTokenManager, type TokenManager } from '../../genesys/auth/token-manager';
import type { GenesysEnvironment, TokenSet } from '../../genesys/types';
import type { SecretVault } from '../../genesys/vault/vault';
import type { EventHub } from '../event-hub';
import type { AuditedTokenRequest } from './token-audit';

export interface Session {
  tokens: TokenManager;
  orgName: string | null;
  identity: string | null;
  lastError: string | null;
  pendingSignIn: { cancel(): void } | null;
  expired: boolean;
}

export const secretKey = (id: string) => `secret:${id}`;
const tokenKey = (id: string) => `token:${id}`;
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export interface SessionDeps {
  vault: SecretVault;
  events: EventHub;
  now: () => Date;
  log?: (line: string) => void;
  audited: AuditedTokenRequest;
  environment(p: ConnectionProfile): Promise<GenesysEnvironment>;
  clientIdOf(p: ConnectionProfile): Promise<string>;
  clientSecret(p: ConnectionProfile): Promise<string>;
  changed(id: string): void;
}

export function createSessions(deps: SessionDeps) {
  const { vault, events, now } = deps;
  const tokenCache = new Map<string, TokenSet | null>();
  const sessions = new Map<string, Session>();

  function open(p: ConnectionProfile): Session {
    const created: Session = {
      orgName: null,
      identity: null,
      lastError: null,
      pendingSignIn: null,
      expired: false,
      tokens: null as unknown as TokenManager,
    };
    created.tokens = createTokenManager({
      profileId: p.id,
      signIn:
        p.grantType === 'client_credentials'
          ? () =>
              deps.audited(p.id, async () =>
                requestClientCredentialsToken(
                  await deps.environment(p),
                  await deps.clientIdOf(p),
                  await deps.clientSecret(p),
                  undefined,
                  () => now().getTime(),
                ),
              )
          : null,
      // A supervisor session goes on past its token's expiry when Genesys issued a refresh token.
      refresh:
        p.grantType === 'authorization_code'
          ? (refreshToken) =>
              deps.audited(p.id, async () =>
                refreshSignIn({
                  env: await deps.environment(p),
                  clientId: p.clientId,
                  refreshToken,
                  now: () => now().getTime(),
                }),
              )
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
          reason:
            'the supervisor sign-in has ended. Sign in again on the Connections screen; your place and pending work are kept.',
        });
        deps.changed(p.id);
      },
    });
    sessions.set(p.id, created);
    return created;
  }

  return {
    /** Reads the tokens kept from the last run. */
    async load(profileId: string): Promise<void> {
      tokenCache.set(profileId, parseTokens(await vault.get(tokenKey(profileId)).catch(() => null)));
    },
    of: (p: ConnectionProfile): Session => sessions.get(p.id) ?? open(p),
    peek: (id: string): Session | undefined => sessions.get(id),
    tokensOf: (id: string): TokenSet | null => tokenCache.get(id) ?? null,
    /** Tokens of old settings must not be used against new ones: the next use opens a fresh session. */
    reset(id: string): void {
      sessions.get(id)?.tokens.clear();
      sessions.delete(id);
    },
    async forget(id: string): Promise<void> {
      sessions.get(id)?.pendingSignIn?.cancel();
      sessions.delete(id);
      tokenCache.delete(id);
      await vault.delete(tokenKey(id));
    },
  };
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
