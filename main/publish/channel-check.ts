/**
 * Preflight's notification channel: the business unit's topic is subscribed
 * at the first re-read rather than at the first update. The same channel and
 * subscription requests, earlier (the agent query's own topic opens the
 * channel at preflight anyway), so the item says whether an operation's end
 * will be heard before the supervisor confirms.
 */
import type { OperationEvents } from '../genesys/client/operation-events';
import type { ChannelCheck } from '../../shared/publish/machine-state';

/** Longer than a healthy channel takes to open and subscribe; past it, preflight says the channel is not up yet. */
const channelCheckMs = 5_000;

/** Bounded: a channel that does not come up is said as it is, and the publish does not wait for it. */
export async function channelCheck(
  operations: Pick<OperationEvents, 'watchBusinessUnit'>,
  businessUnitId: string,
  channelState: () => ChannelCheck['state'],
  unheardRereadAfterMs: number,
  waitMs = channelCheckMs,
): Promise<ChannelCheck> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
    timer.unref();
  });
  const watched = operations.watchBusinessUnit(businessUnitId).then(
    () => null,
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );
  const error = await Promise.race([watched, late]).finally(() => clearTimeout(timer));
  return { state: channelState(), ...(error ? { error } : {}), unheardRereadAfterMs };
}
