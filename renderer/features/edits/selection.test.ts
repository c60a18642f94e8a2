import { describe, expect, it } from 'vitest';
import { layoutRows, type RosterAgent } from '../timeline/roster-rows';
import { keepShown, noSelection, selectAll, selectRun, toggleAgent, toggleUnit } from './selection';

const roster: RosterAgent[] = [
  { id: 'a', name: 'Ann', managementUnitId: 'm1' },
  { id: 'b', name: 'Bo', managementUnitId: 'm1' },
  { id: 'c', name: 'Cy', managementUnitId: 'm2' },
  { id: 'd', name: 'Di', managementUnitId: 'm2' },
];
const rows = layoutRows(roster, new Set());

describe('the bulk-edit selection', () => {
  it('toggles one agent and remembers it as the anchor', () => {
    const one = toggleAgent(noSelection, 'b');
    expect(one).toEqual({ agentIds: ['b'], anchor: 'b' });
    expect(toggleAgent(one, 'b').agentIds).toEqual([]);
  });

  it('shift-click takes every agent row between the anchor and the click, across unit headers, either way', () => {
    const down = selectRun(toggleAgent(noSelection, 'a'), rows, 'c');
    expect(down.agentIds).toEqual(['a', 'b', 'c']);
    const up = selectRun(toggleAgent(noSelection, 'd'), rows, 'b');
    expect([...up.agentIds].sort()).toEqual(['b', 'c', 'd']);
    // No anchor yet: the click picks just that agent.
    expect(selectRun(noSelection, rows, 'c').agentIds).toEqual(['c']);
  });

  it('a unit header selects its agents, and clears them when all already are', () => {
    const m2 = ['c', 'd'];
    const on = toggleUnit(toggleAgent(noSelection, 'a'), m2);
    expect(on.agentIds).toEqual(['a', 'c', 'd']);
    expect(toggleUnit(on, m2).agentIds).toEqual(['a']);
    expect(toggleUnit(toggleAgent(noSelection, 'c'), m2).agentIds).toEqual(['c', 'd']);
  });

  it('select all shown adds the filter’s agents once; a new filter drops the hidden ones', () => {
    const all = selectAll(toggleAgent(noSelection, 'b'), ['a', 'b', 'c']);
    expect(all.agentIds).toEqual(['b', 'a', 'c']);
    expect(keepShown(all, ['c', 'd']).agentIds).toEqual(['c']);
    expect(keepShown(all, ['a', 'b', 'c'])).toBe(all);
  });
});
