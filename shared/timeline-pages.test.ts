import { describe, expect, it } from 'vitest';
import { timelinePageSize, topPagesOf } from './timeline-pages';

const unit = (id: string | null, n: number) => Array.from({ length: n }, () => ({ managementUnitId: id }));

describe('the pages the top of the grid shows', () => {
  it('takes units in key order, a header row each, and only the pages the first rows reach', () => {
    const roster = [...unit('mu-b', 30), ...unit('mu-a', 5), ...unit(null, 4)];
    // Rows: header (none) and 4 unitless ('(' sorts first), header a, 5 agents of a, header b, 30 agents of b.
    expect(topPagesOf(roster, new Set(), 5)).toEqual([]);
    expect(topPagesOf(roster, new Set(), 7)).toEqual([{ managementUnitId: 'mu-a', page: 0 }]);
    expect(topPagesOf(roster, new Set(), 13)).toEqual([
      { managementUnitId: 'mu-a', page: 0 },
      { managementUnitId: 'mu-b', page: 0 },
    ]);
    // Unitless agents are asked for by id: never a page of theirs.
    expect(topPagesOf(roster, new Set(), 100)).toHaveLength(2);
  });

  it('reaches a second page of a big unit, and skips a collapsed unit but counts its header', () => {
    const roster = [...unit('mu-a', 10), ...unit('mu-b', timelinePageSize + 50)];
    expect(topPagesOf(roster, new Set(['mu-a']), timelinePageSize + 10)).toEqual([
      { managementUnitId: 'mu-b', page: 0 },
      { managementUnitId: 'mu-b', page: 1 },
    ]);
    expect(topPagesOf(roster, new Set(), 40)).toEqual([
      { managementUnitId: 'mu-a', page: 0 },
      { managementUnitId: 'mu-b', page: 0 },
    ]);
    expect(topPagesOf([], new Set(), 40)).toEqual([]);
  });
});
