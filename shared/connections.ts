/** Connections to Genesys Cloud orgs, as stored and as shown. Never a secret. */

export type GrantType = 'client_credentials' | 'authorization_code';

export interface ConnectionProfile {
  id: string;
  name: string;
  /** `region`: a Genesys Cloud region; `custom`: a base URL; `sandbox`: the built-in sandbox org. */
  kind: 'region' | 'custom' | 'sandbox';
  /** Region id, e.g. `mypurecloud.com.au`, for kind `region`. */
  region: string | null;
  baseUrl: string | null;
  grantType: GrantType;
  clientId: string;
  createdAt: string;
  updatedAt: string;
}

export interface RegionOption {
  id: string;
  name: string;
  apiBase: string;
}

export type SignInState = 'signedOut' | 'signingIn' | 'signedIn' | 'expired';

export interface ConnectionStatus extends ConnectionProfile {
  regionName: string | null;
  state: SignInState;
  /** Org name from /api/v2/organizations/me once signed in. */
  orgName: string | null;
  /** The signed-in person for supervisor sign-in; the OAuth client for client credentials. */
  identity: string | null;
  tokenExpiresAt: string | null;
  /** A client secret is stored for this profile (never the secret itself). */
  hasSecret: boolean;
  /** Last error in words, with what to do next. */
  lastError: string | null;
}

export interface VaultStatus {
  backend: 'safeStorage' | 'passphrase-file' | 'memory';
  persistent: boolean;
  description: string;
}

/** What the Connections form sends; declared once, with its schema, in the contract. */
export type { ConnectionDraft } from './contract/connections';
