/** Helpers of the Genesys client's integration tests: a token provider on the sandbox org, and the error a call throws. */
import { GenesysError } from '../../main/genesys/client/errors';
import type { RunningSandbox } from '../../main/sandbox/server';
import { clientCredentialsToken } from '../sandbox/harness';

/** Client-credentials tokens from the sandbox, one at a time, with what was issued and how often it was dropped. */
export function sandboxTokens(s: RunningSandbox, clientId = s.clientId, secret = s.clientSecret) {
  const issued: string[] = [];
  let current: string | null = null;
  return {
    issued,
    invalidations: 0,
    async getAccessToken() {
      if (!current) issued.push((current = await clientCredentialsToken(s, clientId, secret)));
      return current;
    },
    invalidate() {
      current = null;
      this.invalidations += 1;
    },
  };
}

/** The GenesysError a call ends with (anything else fails the test). */
export async function caught(p: Promise<unknown>): Promise<GenesysError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof GenesysError) return err;
    throw err;
  }
  throw new Error('expected a GenesysError');
}
