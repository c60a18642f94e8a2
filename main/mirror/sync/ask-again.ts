/**
 * One more layer of retry for the agent-schedule query. The client retries
 * reads itself, but the query also sets up the notification channel
 * (POST /notifications/channels), which it treats as a write and never
 * retries. Creating a channel twice is harmless and the query is a read, so
 * a transient failure anywhere in it is worth asking again.
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
