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

  it('builds an entry again only for the agent that changed: the others keep theirs, and each still says what it did', () => {
    const state = confirming();
    const [anaEntry, benEntry] = uploadFor(state).agentSchedules!;
    // A re-read that moves Ben's week an hour later: a new agents record, the same Ana.
    const ben = state.agents.ben!;
    const later = {
      ...ben.intended,
      shifts: ben.intended.shifts.map((s) => ({
        ...s,
        startDate: new Date(Date.parse(s.startDate) + 3_600_000).toISOString(),
        activities: s.activities.map((a) => ({
          ...a,
          startDate: new Date(Date.parse(a.startDate) + 3_600_000).toISOString(),
        })),
      })),
    };
    const moved = { ...state, agents: { ...state.agents, ben: { ...ben, intended: later } } };
    const [anaAgain, benAgain] = uploadFor(moved).agentSchedules!;
    expect(anaAgain).toBe(anaEntry);
    expect(benAgain).not.toBe(benEntry);
    expect(benAgain!.shifts!.filter((s) => !s.delete).map((s) => s.startDate)).toEqual(
      later.shifts.map((s) => s.startDate),
    );
    expect(benEntry!.shifts!.filter((s) => !s.delete).map((s) => s.startDate)).toEqual(
      ben.intended.shifts.map((s) => s.startDate),
    );
  });
});
