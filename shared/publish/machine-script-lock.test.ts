/** The script-session lock: Genesys refuses an update touching an agent in a scripted conversation (409 naming them). */
import { describe, expect, it } from 'vitest';
import { anaBase, anaMine, benBase, confirming, ok, only, read, sent, step } from '../../test/publish/machine-kit';
import { parsePublishState, uploadFor } from './machine';
import type { HttpOutcome } from './machine-events';

describe('script-session lock', () => {
  it('holds the agents a 409 names when nobody saved, publishes the rest, then the held ones as sessions end', () => {
    const locked: HttpOutcome = {
      status: 409,
      error: { messageParams: { userIds: 'ben' }, details: [{ entityId: 'ben' }] },
    };
    let t = step(sent(confirming()).state, { type: 'updateAnswered', outcome: locked });
    t = step(t.state, {
      type: 'reread',
      outcome: ok,
      schedule: { version: 10, published: false },
      agents: [read('ana', anaBase, 3), read('ben', benBase, 5)],
    });
    expect(only(t)).toEqual({ type: 'checkScriptSessions', agentIds: ['ben'] });
    t = step(t.state, { type: 'scriptSessions', outcome: ok, activeAgentIds: ['ben'] });
    expect(t.state.agents.ben).toMatchObject({ status: 'held', hold: { reason: 'scriptSession' } });
    expect(t.state.agents.ben!.hold!.note).toMatch(/correlation/);
    expect(only(t)).toEqual({ type: 'requestUploadUrl', attempt: 2 });
    expect(uploadFor(t.state).agentSchedules!.map((a) => a.userId)).toEqual(['ana']);
    t = step(t.state, { type: 'uploadUrl', outcome: ok, uploadKey: 'k2', url: 'https://u/2' });
    t = step(t.state, { type: 'uploadPut', outcome: ok });
    t = step(t.state, { type: 'updateAnswered', outcome: ok, operationId: 'op-2' });
    t = step(t.state, { type: 'operationEnded', result: 'applied' });
    t = step(t.state, {
      type: 'reread',
      outcome: ok,
      schedule: { version: 11, published: true },
      agents: [read('ana', anaMine, 4), read('ben', benBase, 5)],
    });
    expect(t.state.phase).toBe('held');
    expect(only(t)).toEqual({ type: 'watchScriptSessions', agentIds: ['ben'] });
    t = step(t.state, { type: 'scriptSessions', outcome: ok, activeAgentIds: [] });
    expect(t.effects).toContainEqual({ type: 'emit', notice: { kind: 'heldReady', agentIds: ['ben'] } });
    t = step(t.state, { type: 'releaseHeld', agentIds: ['ben'] });
    expect(only(t)).toMatchObject({ type: 'reread', agentIds: ['ben'] });
  });

  it('stops with words when a 409 names agents this publish does not send (the draft changes them), not "unexplained"', () => {
    // A draft's unedited agent in a scripted conversation: Genesys names them, but only ana and ben are sent.
    const other = '70c73fb7-b171-4e56-a232-0f958b00ce53';
    const locked: HttpOutcome = {
      status: 409,
      error: { messageParams: { userIds: other }, details: [{ entityId: other }] },
    };
    let t = step(sent(confirming()).state, { type: 'updateAnswered', outcome: locked });
    t = step(t.state, {
      type: 'reread',
      outcome: ok,
      schedule: { version: 10, published: false },
      agents: [read('ana', anaBase, 3), read('ben', benBase, 5)],
    });
    expect(only(t)).toEqual({ type: 'checkScriptSessions', agentIds: ['ana', 'ben'] });
    t = step(t.state, { type: 'scriptSessions', outcome: ok, activeAgentIds: [] });
    expect(t.state.phase).toBe('failed');
    expect(t.state.outcome).toContain(other);
    expect(t.state.outcome).toMatch(/does not edit/);
    expect(t.state.outcome).toMatch(/scripted conversation/);
    expect(t.state.outcome).not.toMatch(/nobody else saved, and no agent/);
    // Nothing of ours is held for an agent we did not send.
    expect(Object.values(t.state.agents).some((a) => a.status === 'held')).toBe(false);
    // The journaled state keeps who was named, so a reload shows the same report.
    expect(parsePublishState(JSON.parse(JSON.stringify(t.state))).outcome).toBe(t.state.outcome);
  });
});
