/**
 * One more layer of retry for the agent-schedule query. The client retries
 * each read itself, but one query is several steps (for a supervisor: who
 * the token is, the notification channel and the user topic's subscription,
 * the query, the download its notification names; for client credentials:
 * several inline batches), and a transient failure in any of them fails the
 * whole. The query is a read, so asking again is safe.
 */
import { GenesysError } from '../../genesys/client/errors';

const rounds = 3;

const transient = (err: unknown) => err instanceof GenesysError && (err.kind === 'server' || err.kind === 'ambiguous');

export async function askAgain<T>(read: () => Promise<T>, checkpoint: () => void): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await read();
    } catch (err) {
      if (round >= rounds || !transient(err)) throw err;
      checkpoint();
    }
  }
}
