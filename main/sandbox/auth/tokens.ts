/**
 * Access tokens, as opaque as Genesys Cloud's: the client learns nothing from
 * the string, only from what the API answers. A token carries the client's
 * permissions at issue time and, for a supervisor sign-in, the user it acts as.
 */
import { randomBytes } from 'node:crypto';
import { ApiError } from '../http/api-error';
import type { OrgState } from '../org/model';
import type { Rng } from '../random';
import type { SandboxConfig, TokenGrant, TokenStore } from '../runtime';

export interface TokenStoreDeps {
  org: OrgState;
  config: SandboxConfig;
  now: () => Date;
  /** Unused: tokens come from the OS CSPRNG so a seed can never predict one. */
  rng: Rng;
}

export function createTokenStore(deps: TokenStoreDeps): TokenStore & { revokeAll(): void } {
  const grants = new Map<string, TokenGrant>();

  // Expired grants are dropped when new ones are issued, so a long sandbox run stays small.
  function sweep(nowMs: number): void {
    for (const [token, grant] of grants) if (grant.expiresAt <= nowMs) grants.delete(token);
  }

  return {
    issue(clientId, grantType, userId) {
      const client = deps.org.clients.get(clientId);
      if (!client) throw new Error(`sandbox: no OAuth client ${clientId}`);
      const nowMs = deps.now().getTime();
      sweep(nowMs);
      const grant: TokenGrant = {
        token: randomBytes(32).toString('base64url'),
        clientId,
        permissions: [...client.permissions],
        grantType,
        expiresAt: nowMs + deps.config.tokenLifetimeSeconds * 1000,
      };
      if (grantType === 'authorization_code' && userId) grant.userId = userId;
      grants.set(grant.token, grant);
      return grant;
    },

    verify(authorization) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      if (!m) {
        throw new ApiError(
          401,
          'authentication.required',
          'No authentication bearer token specified in authorization header.',
        );
      }
      const grant = grants.get(m[1]!);
      if (!grant) throw badCredentials();
      if (grant.expiresAt <= deps.now().getTime()) {
        grants.delete(grant.token);
        throw badCredentials();
      }
      return grant;
    },

    revokeAll() {
      grants.clear();
    },
  };
}

const badCredentials = () => new ApiError(401, 'bad.credentials', 'Invalid login credentials.');
