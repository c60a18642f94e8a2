/** Preflight's notification channel item: what the first re-read found, green only when open. */
import { describe, expect, it } from 'vitest';
import { anaBase, benBase, ok, read, step } from '../../test/publish/machine-kit';
import { initialPublishState, parsePublishState } from './machine';
import { preflightItems } from './machine-holds';
import type { ChannelCheck } from './machine-state';

function preflightWith(channel?: ChannelCheck) {
  let t = step(initialPublishState(), {
    type: 'start',
    job: { businessUnitId: 'bu', weekId: '2026-11-23', scheduleId: 'sch', overPublished: false },
    policy: { holdScriptSessions: false, acceptedKinds: [], autoReleaseHeld: false },
    schedule: { version: 10, published: false },
    agents: [
      { agentId: 'ana', base: { week: anaBase, version: 3 }, mine: null },
      { agentId: 'ben', base: { week: benBase, version: 5 }, mine: null },
    ],
    seed: 7,
  });
  t = step(t.state, {
    type: 'reread',
    outcome: ok,
    schedule: { version: 10, published: false },
    agents: [read('ana', anaBase, 3), read('ben', benBase, 5)],
    ...(channel ? { channel } : {}),
  });
  return t.state;
}

const channelItem = (channel?: ChannelCheck) =>
  preflightItems(preflightWith(channel)).find((i) => i.item === 'notificationChannel');

describe('preflight: the notification channel', () => {
  it('is green when the channel is open', () => {
    expect(channelItem({ state: 'open', unheardRereadAfterMs: 30_000 })).toMatchObject({ level: 'green' });
  });

  it('is amber while it is not open, saying the publish goes on and when an unheard end is re-read', () => {
    for (const state of ['connecting', 'reconnecting', 'closed'] as const)
      expect(channelItem({ state, unheardRereadAfterMs: 30_000 })).toEqual({
        item: 'notificationChannel',
        level: 'amber',
        reason: `Notification channel is ${state}: the publish goes on; an operation whose end is not heard is re-read after 30 s.`,
      });
  });

  it('is amber with the reason when the channel could not be created', () => {
    const item = channelItem({ state: 'closed', error: 'HTTP 403: missing permission', unheardRereadAfterMs: 3_000 });
    expect(item?.level).toBe('amber');
    expect(item?.reason).toContain('could not be opened (HTTP 403: missing permission)');
    expect(item?.reason).toContain('re-read after 3 s');
  });

  it('is amber, not checked, when no re-read reported it; and the check survives the journal', () => {
    expect(channelItem()).toMatchObject({ level: 'amber', reason: 'Notification channel not checked yet.' });
    const state = preflightWith({ state: 'open', unheardRereadAfterMs: 30_000 });
    expect(parsePublishState(JSON.parse(JSON.stringify(state))).preflight?.channel).toEqual({
      state: 'open',
      unheardRereadAfterMs: 30_000,
    });
  });
});
