/**
 * A deadline on a read the publish waits for. Each request has its own timeout, but a read made of several
 * (the conversation query's pages, each after a token and a throttle slot) can still leave the publish
 * "in flight" with no end; past the deadline it ends as a timed-out transport failure, which the machine
 * retries like any other. Only for reads: a write's outcome is never guessed.
 */
import { errorFromTransport, type RequestContext } from '../genesys/client/error-classify';

export function withReadDeadline<T>(read: Promise<T>, ms: number, ctx: RequestContext): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(errorFromTransport({ code: 'ETIMEDOUT' }, ctx)), ms);
    timer.unref();
  });
  return Promise.race([read, deadline]).finally(() => clearTimeout(timer));
}
