/**
 * The REST half of notifications: creating a channel and replacing its
 * topic list. A topic the token may not see comes back `Rejected` with a
 * 200, not as an error, so that case is turned into one here.
 */
import { GenesysError } from '../client/errors';
import type { GenesysHttp } from '../client/http';
import { channel as channelSchema, channelTopicEntityListing, type Channel } from '../client/schemas';

const channelsPath = '/api/v2/notifications/channels';
const subscriptionsPath = `${channelsPath}/{channelId}/subscriptions`;

/**
 * Retried like a read: a channel changes no org data, and a spare channel left
 * by a lost answer simply expires (Genesys also recycles the oldest past 20).
 */
export function createChannel(http: GenesysHttp): Promise<Channel> {
  return http.request({ method: 'POST', pathTemplate: channelsPath, schema: channelSchema, isWrite: false });
}

/** Replaces the channel's topics; returns those Genesys permitted, throws `forbidden` naming the rejected ones. */
export async function replaceSubscriptions(
  http: GenesysHttp,
  channelId: string,
  topics: readonly string[],
): Promise<string[]> {
  const listing = await http.request({
    method: 'PUT',
    pathTemplate: subscriptionsPath,
    params: { channelId },
    body: topics.map((id) => ({ id })),
    schema: channelTopicEntityListing,
    // Replacing the list is idempotent (and renews the channel's lifetime), so it may be retried.
    isWrite: false,
  });
  const rejected = listing.entities.filter((t) => t.state === 'Rejected');
  if (rejected.length === 0) return [...topics];
  const missing = rejected.flatMap((t) => t.missingPermissions ?? []).join(', ');
  throw Object.assign(
    new GenesysError({
      kind: 'forbidden',
      status: 200,
      contextId: null,
      code: 'topic.rejected',
      method: 'PUT',
      pathTemplate: subscriptionsPath,
      isWrite: false,
      ...(missing ? { missingPermission: missing } : {}),
      explanation: `Genesys Cloud refused the schedule notifications (${rejected[0]!.rejectionReason ?? 'rejected'}${missing ? `: missing ${missing}` : ''}). Ask an admin to grant it; until then, results are confirmed by re-reading.`,
    }),
    { rejectedTopics: rejected.map((t) => t.id) },
  );
}

export function rejectedTopicsOf(err: unknown): string[] {
  const topics = (err as { rejectedTopics?: unknown } | null)?.rejectedTopics;
  return Array.isArray(topics) ? topics.filter((t): t is string => typeof t === 'string') : [];
}

/** An expired or unknown channel: 404 on its subscriptions, or its socket upgrade refused. */
export function channelGone(err: unknown): boolean {
  if (err instanceof GenesysError) return err.kind === 'notFound';
  return /Unexpected server response: (404|410)/.test(err instanceof Error ? err.message : String(err));
}
