/** What the next write sends follows the agents, however often it is asked. */
import { describe, expect, it } from 'vitest';
import { agentsSent, uploadFor } from './machine';
import { anaBase, confirming } from '../../test/publish/machine-kit';

describe('the next upload', () => {
  it('gives the same entries while the agents stay, and new ones when an agent changes', () => {
    const state = confirming();
    expect(uploadFor(state).agentSchedules).toBe(uploadFor({ ...state, attempt: 3 }).agentSchedules);
    expect(agentsSent(state)).toEqual(['ana', 'ben']);
    // Ana's week is back to her base: she is not sent any more.
    const agents = { ...state.agents, ana: { ...state.agents.ana!, intended: anaBase } };
    const changed = { ...state, agents };
    expect(agentsSent(changed)).toEqual(['ben']);
    expect(uploadFor(changed).agentSchedules!.map((e) => e.userId)).toEqual(['ben']);
    // Applied: not sent either, though the week differs.
    const applied = {
      ...state,
      agents: { ...state.agents, ben: { ...state.agents.ben!, status: 'applied' as const } },
    };
    expect(agentsSent(applied)).toEqual(['ana']);
    expect(agentsSent(state)).toEqual(['ana', 'ben']);
  });
});
