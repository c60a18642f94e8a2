/** What the publish machine's tests share: two agents, a clock, and the path to "what changes for whom". */
import { expect } from 'vitest';
import type { AgentWeek, WeekShift } from '../../shared/publish/agent-week';
import { initialPublishState, publishTransition } from '../../shared/publish/machine';
import type { PublishEffect, Transition } from '../../shared/publish/machine-effects';
import type { HttpOutcome, PublishEvent, ReadAgent } from '../../shared/publish/machine-events';
import type { PublishState } from '../../shared/publish/machine-state';

export const t0 = Date.parse('2026-11-23T12:00:00Z');
export const day = (d: number, h: number) => new Date(Date.UTC(2026, 10, 23 + d, h)).toISOString();
export const shift = (id: string | undefined, d: number, h: number, code = 'work'): WeekShift => ({
  ...(id ? { id } : {}),
  startDate: day(d, h),
  lengthMinutes: 480,
  activities: [{ startDate: day(d, h), lengthMinutes: 480, activityCodeId: code, description: '' }],
});
export const week = (...shifts: WeekShift[]): AgentWeek => ({ shifts, fullDayTimeOffMarkers: [] });
export const ok: HttpOutcome = { status: 200, contextId: 'ctx-ok' };

export const anaBase = week(shift('a1', 0, 14), shift('a2', 1, 14));
export const anaMine = week(shift('a1', 0, 16), shift('a2', 1, 14));
export const benBase = week(shift('b1', 0, 14), shift('b2', 1, 14));
export const benMine = week(shift('b1', 0, 14));

export type Ev = PublishEvent extends infer E ? (E extends PublishEvent ? Omit<E, 'at'> : never) : never;
// Live binding: tests read the instant of the last step.
export let clock = t0;
export function step(state: PublishState, ev: Ev): Transition {
  clock += 10;
  return publishTransition(state, { ...ev, at: clock } as PublishEvent);
}
export const calls = (effects: PublishEffect[]) => effects.filter((e) => !['journal', 'emit'].includes(e.type));
export const only = (t: Transition) => {
  const c = calls(t.effects);
  expect(c).toHaveLength(1);
  return c[0]!;
};
export const read = (agentId: string, w: AgentWeek, version: number): ReadAgent => ({
  agentId,
  now: { week: w, version },
});

/** Start → preflight → confirming, with the schedule at version 10 and both agents as their bases. */
export function confirming(policy: Partial<PublishState['policy']> = {}): PublishState {
  clock = t0;
  let t = step(initialPublishState(), {
    type: 'start',
    job: { businessUnitId: 'bu', weekId: '2026-11-23', scheduleId: 'sch', overPublished: false },
    policy: { holdScriptSessions: false, acceptedKinds: [], autoReleaseHeld: false, ...policy },
    tuning: { baseMs: 1000, capMs: 8000 },
    schedule: { version: 10, published: false },
    agents: [
      { agentId: 'ana', base: { week: anaBase, version: 3 }, mine: anaMine },
      { agentId: 'ben', base: { week: benBase, version: 5 }, mine: benMine },
    ],
    seed: 7,
  });
  expect(only(t)).toEqual({ type: 'reread', agentIds: ['ana', 'ben'], withHistory: true });
  t = step(t.state, {
    type: 'reread',
    outcome: ok,
    schedule: { version: 10, published: false },
    agents: [read('ana', anaBase, 3), read('ben', benBase, 5)],
  });
  expect(only(t).type).toBe('checkScriptSessions');
  t = step(t.state, { type: 'scriptSessions', outcome: ok, activeAgentIds: [] });
  expect(only(t)).toEqual({ type: 'analyse', agentIds: ['ana', 'ben'] });
  t = step(t.state, { type: 'analysed', findings: [] });
  expect(t.state.phase).toBe('confirming');
  return t.state;
}

/** Confirm, then the upload chain up to the update being sent. */
export function sent(state: PublishState): Transition {
  let t = step(state, { type: 'confirm' });
  const url = only(t);
  expect(url.type).toBe('requestUploadUrl');
  t = step(t.state, { type: 'uploadUrl', outcome: ok, uploadKey: 'k1', url: 'https://u/1', headers: { a: 'b' } });
  expect(only(t)).toMatchObject({ type: 'putUpload', uploadKey: 'k1', url: 'https://u/1', headers: { a: 'b' } });
  return step(t.state, { type: 'uploadPut', outcome: ok });
}
