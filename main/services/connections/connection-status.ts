/** What the Connections screen shows of a profile: never a secret or a token, only whether and until when one is held. */
import type { ConnectionProfile, ConnectionStatus } from '../../../shared/connections';
import { findRegion } from '../../genesys/regions';
import type { TokenSet } from '../../genesys/types';
import type { Session } from './sessions';

/**
 * Client-credentials tokens renew silently, so holding one means signed in;
 * a supervisor token past its expiry means the session ended.
 */
function signInState(
  p: ConnectionProfile,
  s: Session | undefined,
  tokens: TokenSet | null,
  nowMs: number,
): ConnectionStatus['state'] {
  if (s?.pendingSignIn) return 'signingIn';
  if (tokens && (p.grantType === 'client_credentials' || tokens.expiresAt > nowMs)) return 'signedIn';
  return s?.expired || tokens ? 'expired' : 'signedOut';
}

export function connectionStatus(
  p: ConnectionProfile,
  s: Session | undefined,
  tokens: TokenSet | null,
  hasSecret: boolean,
  nowMs: number,
): ConnectionStatus {
  const state = signInState(p, s, tokens, nowMs);
  return {
    ...p,
    regionName: p.kind === 'region' ? (findRegion(p.region ?? '')?.name ?? null) : null,
    state,
    orgName: state === 'signedIn' ? (s?.orgName ?? null) : null,
    identity: state === 'signedIn' ? (s?.identity ?? null) : null,
    tokenExpiresAt: tokens ? new Date(tokens.expiresAt).toISOString() : null,
    hasSecret: p.kind === 'sandbox' || hasSecret,
    lastError: s?.lastError ?? null,
  };
}
