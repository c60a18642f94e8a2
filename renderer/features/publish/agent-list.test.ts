import { describe, expect, it } from 'vitest';
import { countByStatus, filterAgents, retryable } from './agent-list';
import { agent } from './test-fixtures';

const agents = [
  agent('a', { agentName: 'Zoe Park', status: 'applied' }),
  agent('b', { agentName: 'Ana Ruiz', status: 'conflict' }),
  agent('c', { agentName: 'Ben Ode', status: 'failed' }),
  agent('d', { agentName: 'Ava Lin', status: 'held' }),
  agent('e', { agentName: null, status: 'pending' }),
  agent('f', { agentName: 'Abe Cho', status: 'applied' }),
];

describe('the per-agent state list', () => {
  it('counts each state', () => {
    expect(countByStatus(agents)).toEqual({ pending: 1, applied: 2, held: 1, conflict: 1, failed: 1 });
  });

  it('puts what needs the supervisor first, then by name; an unknown agent by its id', () => {
    expect(filterAgents(agents, [], '').map((a) => a.agentId)).toEqual(['b', 'c', 'd', 'e', 'f', 'a']);
  });

  it('keeps only the states picked, and names containing the search in any case', () => {
    expect(filterAgents(agents, ['applied'], '').map((a) => a.agentId)).toEqual(['f', 'a']);
    expect(filterAgents(agents, ['applied', 'held'], 'a').map((a) => a.agentId)).toEqual(['d', 'f', 'a']);
    expect(filterAgents(agents, [], 'RUIZ').map((a) => a.agentId)).toEqual(['b']);
    expect(filterAgents(agents, [], '  ').length).toBe(agents.length);
  });

  it('offers Retry on conflicted and failed agents only', () => {
    expect(agents.filter(retryable).map((a) => a.agentId)).toEqual(['b', 'c']);
  });
});
