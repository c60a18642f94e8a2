import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ActiveScriptSessions, ScriptSessionsLease } from '../../../shared/contract/script-sessions';
import { createConsoleQueryClient } from '../../query-client';
import { deferred, fakeOpsClient, settle } from '../../testing/fake-ops-client';
import {
  activeScriptSessionsQuery,
  fallbackRenewMs,
  keepScriptSessionsWatch,
  liveStatusWords,
  scriptBadge,
  sessionLength,
  subscribeScriptSessionEvents,
  type LeaseTimers,
  type LiveScriptSessions,
} from './use-live-script-sessions';

function handTimers() {
  const pending: Array<{ ms: number; run: () => void }> = [];
  const timers: LeaseTimers = {
    setTimeout: (run, ms) => {
      const t = { ms, run };
      pending.push(t);
      return t;
    },
    clearTimeout: (h) => {
      const i = pending.indexOf(h as (typeof pending)[number]);
      if (i >= 0) pending.splice(i, 1);
    },
  };
  return {
    timers,
    delays: () => pending.map((t) => t.ms),
    runNext: () => pending.shift()!.run(),
  };
}

const subject = { profileId: 'p', businessUnitId: 'bu' };
const lease = (leaseId: string, intervalMs: number): ScriptSessionsLease => ({
  leaseId,
  intervalMs,
  asOf: null,
  state: 'live',
  reason: null,
});

describe('the script sessions watch lease', () => {
  it('renews at the interval main names, with the same lease, and lets go when the screen closes', async () => {
    let n = 0;
    const fake = fakeOpsClient({
      'scriptSessions.watch': () => lease('L', ++n === 1 ? 30_000 : 50_000),
      'scriptSessions.unwatch': () => true,
    });
    const clock = handTimers();
    let answers = 0;
    const stop = keepScriptSessionsWatch(fake.client, subject, () => answers++, clock.timers);
    await settle();
    expect(fake.callsTo('scriptSessions.watch')).toEqual([subject]);
    expect(clock.delays()).toEqual([30_000]);
    clock.runNext();
    await settle();
    expect(fake.callsTo('scriptSessions.watch')[1]).toEqual({ ...subject, leaseId: 'L' });
    // A longer interval (a costlier read, a smaller budget) spaces the renewals out too.
    expect(clock.delays()).toEqual([50_000]);
    expect(answers).toBe(2);
    stop();
    await settle();
    expect(clock.delays()).toEqual([]);
    expect(fake.callsTo('scriptSessions.unwatch')).toEqual([{ leaseId: 'L' }]);
  });

  it('gives back a lease that arrives after the screen closed', async () => {
    const answer = deferred<ScriptSessionsLease>();
    const fake = fakeOpsClient({ 'scriptSessions.watch': () => answer.promise, 'scriptSessions.unwatch': () => true });
    const clock = handTimers();
    let answers = 0;
    const stop = keepScriptSessionsWatch(fake.client, subject, () => answers++, clock.timers);
    stop();
    answer.resolve(lease('late', 30_000));
    await settle();
    expect(fake.callsTo('scriptSessions.unwatch')).toEqual([{ leaseId: 'late' }]);
    expect(clock.delays()).toEqual([]);
    expect(answers).toBe(0);
  });

  it('keeps asking at the default cadence when main cannot be reached', async () => {
    let fail = true;
    const fake = fakeOpsClient({
      'scriptSessions.watch': () => {
        if (fail) throw new Error('services restarting');
        return lease('L', 30_000);
      },
    });
    const clock = handTimers();
    keepScriptSessionsWatch(fake.client, subject, () => {}, clock.timers);
    await settle();
    expect(clock.delays()).toEqual([fallbackRenewMs]);
    fail = false;
    clock.runNext();
    await settle();
    expect(fake.callsTo('scriptSessions.watch')).toHaveLength(2);
    expect(clock.delays()).toEqual([30_000]);
  });
});

describe('script session events', () => {
  it('read the unit’s sessions again on a re-read of its connection or a sync of the unit, not of others', async () => {
    const answer: ActiveScriptSessions = { asOf: null, state: 'live', reason: null, sessions: [] };
    const fake = fakeOpsClient({ 'scriptSessions.active': () => answer });
    const queryClient = createConsoleQueryClient();
    const off = subscribeScriptSessionEvents(fake.client, queryClient, 'p', 'bu');
    const observer = new QueryObserver(queryClient, activeScriptSessionsQuery(fake.client, 'p', 'bu'));
    const unsubscribe = observer.subscribe(() => {});
    await settle();
    const reads = () => fake.callsTo('scriptSessions.active').length;
    expect(reads()).toBe(1);
    const changed = { asOf: '2026-11-23T12:00:30Z', state: 'live' as const, reason: null, changed: false };
    fake.emit('scriptSessions.changed', { profileId: 'q', ...changed });
    fake.emit('mirror.changed', { profileId: 'p', businessUnitId: 'other', tables: ['script_sessions'] });
    await settle();
    expect(reads()).toBe(1);
    fake.emit('scriptSessions.changed', { profileId: 'p', ...changed });
    await settle();
    expect(reads()).toBe(2);
    fake.emit('mirror.changed', { profileId: 'p', businessUnitId: 'bu', tables: ['script_sessions'] });
    await settle();
    expect(reads()).toBe(3);
    unsubscribe();
    off();
    expect(fake.listenerCount()).toBe(0);
  });
});

describe('script session words', () => {
  const start = '2026-11-23T11:48:00Z';
  const at = (iso: string) => Date.parse(iso);
  const live = (over: Partial<LiveScriptSessions>): LiveScriptSessions => ({
    byAgent: new Map(),
    state: 'live',
    reason: null,
    asOf: '2026-11-23T12:00:10Z',
    nowMs: at('2026-11-23T12:00:40Z'),
    zone: 'America/Chicago',
    ...over,
  });
  const session = { agentId: 'a', conversationId: 'c', scriptId: 's', start };

  it('says how long a session has run, in whole minutes', () => {
    expect(sessionLength(start, at('2026-11-23T11:48:59Z'))).toBe('0 min');
    expect(sessionLength(start, at('2026-11-23T12:00:00Z'))).toBe('12 min');
    expect(sessionLength(start, at('2026-11-23T13:53:00Z'))).toBe('2 h 05');
    expect(sessionLength(null, at('2026-11-23T12:00:00Z'))).toBeNull();
    expect(sessionLength('not a date', at('2026-11-23T12:00:00Z'))).toBeNull();
  });

  it('live, the badge counts to now; offline, to the last read and says when that was (in the zone shown)', () => {
    expect(scriptBadge(session, live({})).text).toBe('☎ Script 12 min');
    expect(scriptBadge(session, live({ nowMs: at('2026-11-23T12:13:00Z') })).text).toBe('☎ Script 25 min');
    const offline = scriptBadge(session, live({ state: 'offline', nowMs: at('2026-11-23T14:00:00Z') }));
    // 12:00:10Z is 06:00 in Chicago.
    expect(offline.text).toBe('☎ Script 12 min · as of 06:00');
    expect(offline.title).toMatch(/at least 12 min \(read 06:00\)/);
    expect(scriptBadge({ ...session, start: null }, live({})).text).toBe('☎ Script');
  });

  it('the toolbar says live or as of, and why re-reads stopped', () => {
    expect(liveStatusWords(live({}))).toBe('Script sessions live · 06:00');
    expect(liveStatusWords(live({ state: 'offline' }))).toBe('Script sessions as of 06:00 (offline)');
    expect(liveStatusWords(live({ state: 'signInNeeded', zone: 'UTC' }))).toBe(
      'Script sessions as of 12:00 (sign in to refresh)',
    );
    expect(liveStatusWords(live({ state: 'idle', asOf: null }))).toBe('Script sessions not read yet');
  });
});
