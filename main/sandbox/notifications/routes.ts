/**
 * `/api/v2/notifications/channels[...]`: create and list channels, and manage
 * a channel's topic subscriptions. The sockets themselves live in the hub.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { badRequest } from '../http/api-error';
import type { Route, RouteContext } from '../http/route';
import type { SandboxRuntime } from '../runtime';
import { channelHubOf, channelMessage, type ChannelRecord } from './hub';
import { checkTopic, maxTopicsPerChannel, parseTopicList } from './topics';

const subscriptionsPath = '/api/v2/notifications/channels/{channelId}/subscriptions';

function listing(channel: ChannelRecord, rejected: Models.ChannelTopic[] = []): Models.ChannelTopicEntityListing {
  return { entities: [...channel.topics.values(), ...rejected] };
}

export function notificationRoutes(runtime: SandboxRuntime): Route[] {
  // Resolved per request: the hub is built alongside these routes and may be swapped in tests.
  const hub = () => channelHubOf(runtime.notifications);

  function channelOf(ctx: RouteContext): ChannelRecord {
    return hub().channelFor(ctx.grant!, ctx.params.channelId ?? '');
  }

  /** PUT replaces, POST adds; either way the channel's lifetime starts again. */
  async function subscribe(ctx: RouteContext, replace: boolean) {
    const channel = channelOf(ctx);
    const names = parseTopicList(await ctx.readJson());
    // Checked before anything changes, so a 400 leaves the old subscriptions in place.
    const checked = names.map((name) => checkTopic(runtime.org, ctx.grant!, name));
    const permitted = checked.filter((t) => t.state === 'Permitted');
    const next = new Map(replace ? [] : channel.topics);
    for (const topic of permitted) next.set(topic.id!, topic);
    if (next.size > maxTopicsPerChannel) {
      throw badRequest(`A channel can have at most ${maxTopicsPerChannel} topics`);
    }
    channel.topics = next;
    hub().renew(channel);
    return {
      status: 200,
      body: listing(
        channel,
        checked.filter((t) => t.state === 'Rejected'),
      ),
    };
  }

  return [
    {
      method: 'POST',
      template: '/api/v2/notifications/channels',
      auth: 'bearer',
      handle: (ctx) => {
        const body: Models.Channel = channelMessage(hub().createChannel(ctx.grant!));
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      template: '/api/v2/notifications/channels',
      auth: 'bearer',
      handle: (ctx) => {
        const scope = ctx.query.get('includechannels') === 'oauthclient' ? 'oauthclient' : 'token';
        // Channels of the same user and app under other tokens show only that they exist.
        const entities = hub()
          .channelsOf(ctx.grant!, scope)
          .map((c): Models.Channel => (c.ownerToken === ctx.grant!.token ? channelMessage(c) : { expires: c.expires }));
        const body: Models.ChannelEntityListing = { entities };
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      template: subscriptionsPath,
      auth: 'bearer',
      handle: (ctx) => ({ status: 200, body: listing(channelOf(ctx)) }),
    },
    { method: 'PUT', template: subscriptionsPath, auth: 'bearer', handle: (ctx) => subscribe(ctx, true) },
    { method: 'POST', template: subscriptionsPath, auth: 'bearer', handle: (ctx) => subscribe(ctx, false) },
    {
      method: 'DELETE',
      template: subscriptionsPath,
      auth: 'bearer',
      handle: (ctx) => {
        channelOf(ctx).topics = new Map();
        return { status: 204 };
      },
    },
  ];
}
