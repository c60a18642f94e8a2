import type { GenesysEnvironment, TokenProvider } from '../../genesys/types';

/** What the Connections screen reads from an org once signed in. */
export interface OrgReader {
  organizationName(): Promise<string>;
  /** The signed-in person (supervisor sign-in only). */
  userName(): Promise<string>;
}

export type OrgReaderFactory = (profileId: string, env: GenesysEnvironment, tokens: TokenProvider) => OrgReader;
