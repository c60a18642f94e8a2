/**
 * A draft published over the week's published schedule changes what its unedited agents see, too: one in a
 * scripted conversation is held back (sent as the week they see now) and, once released, gets the draft week.
 * An unedited agent not held is never sent.
 */
import { describe, expect, it } from 'vitest';
import {
  anaBase,
  anaMine,
  benBase,
  benMine,
  ok,
  only,
  read,
  sent,
  shift,
  step,
  week,
  type Ev,
} from '../../test/publish/machine-kit';
import { initialPublishState, parsePublishState, uploadFor } from './machine';
import type { HttpOutcome } from './machine-events';
import type { PublishState } from './machine-state';

const cal = '70c73fb7-b171-4e56-a232-0f958b00ce53';
const calDraft = week(shift('c1', 0, 14), shift('c2', 1, 14));
/** What cal sees now, from the published schedule (its ids are that schedule's). */
const calSeen = week(shift('p1', 0, 10), shift('p2', 2, 14));
/** cal's week in the draft once the hold landed: what they see now, under new ids. */
const calHeld = week(shift('c3', 0, 10), shift('c4', 2, 14));

/** Start → preflight → confirming, a draft over a published week: ana and ben edited, cal not. */
function confirmingOver(active: string[], policy: Partial<PublishState['policy']> = {}): PublishState {
  let t = step(initialPublishState(), {
    type: 'start',
    job: { businessUnitId: 'bu', weekId: '2026-11-23', scheduleId: 'sch', overPublished: true },
    policy: { holdScriptSessions: false, acceptedKinds: [], autoReleaseHeld: false, ...policy },
    tuning: { baseMs: 1000, capMs: 8000 },
    schedule: { version: 10, published: false },
    agents: [
      { agentId: 'ana', base: { week: anaBase, version: 3 }, mine: anaMine, seenNow: anaBase },
      { agentId: 'ben', base: { week: benBase, version: 5 }, mine: benMine, seenNow: benBase },
      { agentId: cal, base: { week: calDraft, version: 7 }, mine: null, seenNow: calSeen },
    ],
    seed: 7,
  });
  expect(only(t)).toMatchObject({ type: 'reread', agentIds: ['ana', 'ben', cal] });
  t = step(t.state, {
    type: 'reread',
    outcome: ok,
    schedule: { version: 10, published: false },
    agents: [read('ana', anaBase, 3), read('ben', benBase, 5), read(cal, calDraft, 7)],
  });
  expect(only(t)).toEqual({ type: 'checkScriptSessions', agentIds: ['ana', 'ben', cal] });
  t = step(t.state, { type: 'scriptSessions', outcome: ok, activeAgentIds: active });
  // Only the edited agents are analysed: the draft's own weeks are not this publish's findings.
  expect(only(t)).toEqual({ type: 'analyse', agentIds: ['ana', 'ben'] });
  t = step(t.state, { type: 'analysed', findings: [] });
  expect(t.state.phase).toBe('confirming');
  return t.state;
}

/** The update accepted and applied, then the verifying re-read answered with `agents`. */
function landed(state: PublishState, agents: Extract<Ev, { type: 'reread' }>['agents'], version = 11) {
  let t = step(state, { type: 'updateAnswered', outcome: ok, operationId: `op-${version}` });
  t = step(t.state, { type: 'operationEnded', result: 'applied' });
  expect(only(t).type).toBe('reread');
  return step(t.state, { type: 'reread', outcome: ok, schedule: { version, published: true }, agents });
}

const entryOf = (state: PublishState, id: string) => uploadFor(state).agentSchedules!.find((a) => a.userId === id);

describe('unedited agents of a draft published over the week', () => {
  it('are tracked but never sent when nobody is in a session, and count as seeing the draft week once published', () => {
    const t = sent(confirmingOver([]));
    expect(uploadFor(t.state).agentSchedules!.map((a) => a.userId)).toEqual(['ana', 'ben']);
    expect(only(t)).toMatchObject({ type: 'sendUpdate', agentIds: ['ana', 'ben'] });
    const done = landed(t.state, [read('ana', anaMine, 4), read('ben', benMine, 6), read(cal, calDraft, 7)]);
    expect(done.state.phase).toBe('done');
    expect(done.state.agents[cal]).toMatchObject({ status: 'applied', edited: false });
    expect(done.state.outcome).toBe(
      "Published: 2 agent(s) changed as intended, and 1 agent(s) not edited now see the draft's week.",
    );
  });

  it('holds one in a session at preflight (sent as what they see now), then gives them the draft week on release', () => {
    const preflight = confirmingOver([cal], { holdScriptSessions: true, autoReleaseHeld: true });
    expect(preflight.agents[cal]).toMatchObject({ status: 'held', hold: { reason: 'scriptSession' } });
    expect(preflight.agents[cal]!.hold!.note).toMatch(/Not edited in this publish/);
    let t = sent(preflight);
    // Held back: their draft shifts go, what they see now comes in as new shifts, on their own version.
    const hold = entryOf(t.state, cal)!;
    expect(hold.metadata).toEqual({ version: 7 });
    expect(hold.shifts!.filter((s) => !s.delete).map((s) => [s.id, s.startDate])).toEqual([
      [undefined, calSeen.shifts[0]!.startDate],
      [undefined, calSeen.shifts[1]!.startDate],
    ]);
    expect(hold.shifts!.filter((s) => s.delete).map((s) => s.id)).toEqual(['c1', 'c2']);
    t = landed(t.state, [read('ana', anaMine, 4), read('ben', benMine, 6), read(cal, calHeld, 8)]);
    expect(t.state.phase).toBe('held');
    expect(t.state.agents[cal]).toMatchObject({ status: 'held', draftWeekDue: true, base: { version: 8 } });
    expect(t.state.outcome).toBe('Published: 2 agent(s) changed; 1 held back.');
    expect(only(t)).toEqual({ type: 'watchScriptSessions', agentIds: [cal] });

    // Their session ends: released at once (the CLI's policy), re-read, and the draft week sent on what they have.
    t = step(t.state, { type: 'scriptSessions', outcome: ok, activeAgentIds: [] });
    expect(only(t)).toMatchObject({ type: 'reread', agentIds: [cal] });
    t = step(t.state, {
      type: 'reread',
      outcome: ok,
      schedule: { version: 11, published: true },
      agents: [read(cal, calHeld, 8)],
    });
    expect(only(t).type).toBe('requestUploadUrl');
    const release = entryOf(t.state, cal)!;
    expect(uploadFor(t.state).agentSchedules!.map((a) => a.userId)).toEqual([cal]);
    expect(release.metadata).toEqual({ version: 8 });
    expect(release.shifts!.filter((s) => !s.delete).map((s) => [s.id, s.startDate])).toEqual([
      [undefined, calDraft.shifts[0]!.startDate],
      [undefined, calDraft.shifts[1]!.startDate],
    ]);
    expect(release.shifts!.filter((s) => s.delete).map((s) => s.id)).toEqual(['c3', 'c4']);
    t = step(t.state, { type: 'uploadUrl', outcome: ok, uploadKey: 'k9', url: 'https://u/9' });
    t = step(t.state, { type: 'uploadPut', outcome: ok });
    t = landed(t.state, [read(cal, week(shift('c5', 0, 14), shift('c6', 1, 14)), 9)], 12);
    expect(t.state.phase).toBe('done');
    expect(t.state.agents[cal]).toMatchObject({ status: 'applied', hold: null });
    expect(t.state.outcome).toBe(
      "Published: 2 agent(s) changed as intended, and 1 agent(s) not edited now see the draft's week.",
    );
  });

  it('holds one a 409 names though it was not sent (publish anyway), and sends them held on the next attempt', () => {
    const locked: HttpOutcome = {
      status: 409,
      error: { messageParams: { userIds: cal }, details: [{ entityId: cal }] },
    };
    let t = step(sent(confirmingOver([cal])).state, { type: 'updateAnswered', outcome: locked });
    t = step(t.state, {
      type: 'reread',
      outcome: ok,
      schedule: { version: 10, published: false },
      agents: [read('ana', anaBase, 3), read('ben', benBase, 5), read(cal, calDraft, 7)],
    });
    expect(only(t)).toEqual({ type: 'checkScriptSessions', agentIds: [cal] });
    t = step(t.state, { type: 'scriptSessions', outcome: ok, activeAgentIds: [cal] });
    expect(t.state.agents[cal]).toMatchObject({ status: 'held', hold: { reason: 'scriptSession' } });
    expect(t.state.agents[cal]!.hold!.note).toMatch(/correlation.*Not edited in this publish/);
    expect(only(t)).toEqual({ type: 'requestUploadUrl', attempt: 2 });
    expect(uploadFor(t.state).agentSchedules!.map((a) => a.userId)).toEqual(['ana', 'ben', cal]);
  });

  it('still stops with words for a named agent the publish does not track', () => {
    const other = '0d1c5a52-1a0e-4d43-9d0f-2b8b1f3a7c11';
    const locked: HttpOutcome = { status: 409, error: { messageParams: { userIds: other } } };
    let t = step(sent(confirmingOver([])).state, { type: 'updateAnswered', outcome: locked });
    t = step(t.state, {
      type: 'reread',
      outcome: ok,
      schedule: { version: 10, published: false },
      agents: [read('ana', anaBase, 3), read('ben', benBase, 5), read(cal, calDraft, 7)],
    });
    t = step(t.state, { type: 'scriptSessions', outcome: ok, activeAgentIds: [other] });
    expect(t.state.phase).toBe('failed');
    expect(t.state.outcome).toContain(other);
  });

  it('resumes journals written before the draft week was owed (no draftWeekDue), and keeps it when set', () => {
    const state = confirmingOver([]);
    const old = JSON.parse(JSON.stringify(state)) as PublishState;
    expect(Object.values(old.agents).some((a) => 'draftWeekDue' in a)).toBe(false);
    expect(parsePublishState(old).agents[cal]).not.toHaveProperty('draftWeekDue');
    const owed = { ...old, agents: { ...old.agents, [cal]: { ...old.agents[cal]!, draftWeekDue: true } } };
    expect(parsePublishState(owed).agents[cal]!.draftWeekDue).toBe(true);
  });
});
