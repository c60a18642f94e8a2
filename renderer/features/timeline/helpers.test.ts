import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/analysis/types';
import type { TimelineShift } from '../../../shared/timeline';
import { activityColour, barOf, scaleFor, xOf, zoomStep } from './bar-geometry';
import { indexFindings, stepFinding } from './findings-index';
import { gridKey, type GridShape } from './grid-keys';
import { layoutRows, pagesFor, rowOfAgent } from './roster-rows';

const hour = 3_600_000;
const from = Date.parse('2026-12-07T06:00:00Z');

describe('bar geometry', () => {
  const scale = scaleFor(from, from + 168 * hour, 1000, 24);
  const shift: TimelineShift = {
    key: 1,
    id: 's1',
    scheduleId: 'S',
    startMs: from + 8 * hour,
    endMs: from + 16 * hour,
    manuallyEdited: false,
    activities: [
      { startMs: from + 10 * hour, lengthMinutes: 60, activityCodeId: 'break', paid: false },
      { startMs: from + 8 * hour, lengthMinutes: 120, activityCodeId: 'work', paid: true },
    ],
  };

  it('places a shift by its times and splits it into activity segments, gaps kept', () => {
    const bar = barOf(shift, scale, from, from + 24 * hour)!;
    expect(bar.x).toBeCloseTo(xOf(scale, shift.startMs));
    expect(bar.width).toBeCloseTo((8 / 24) * 1000);
    expect(bar.segments.map((s) => [s.activityCodeId, Math.round(s.width)])).toEqual([
      ['work', 83],
      ['break', 42],
      [null, 208],
    ]);
    expect(bar.segments[0]!.x).toBe(0);
  });

  it('skips shifts outside the part of the week on screen', () => {
    expect(barOf(shift, scale, from + 16 * hour, from + 40 * hour)).toBeNull();
    expect(barOf(shift, scale, from, from + 8 * hour)).toBeNull();
  });

  it('zooms between one day and the whole week, and colours a code the same every time', () => {
    expect(zoomStep(24, -1)).toBe(24);
    expect(zoomStep(24, 1)).toBe(36);
    expect(zoomStep(168, 1)).toBe(168);
    expect(activityColour('break')).toBe(activityColour('break'));
  });
});

const finding = (id: string, kind: Finding['kind'], agentId: string | null, extra: Partial<Finding> = {}): Finding => ({
  id,
  kind,
  severity: 'warning',
  agentId,
  scheduleId: 'S',
  start: null,
  end: null,
  evidence: {},
  explanation: id,
  suggestedFix: '',
  ...extra,
});

describe('findings for the timeline', () => {
  it('groups by kind in one pass, indexes agents and units, and leaves other schedules out', () => {
    const index = indexFindings(
      [
        finding('a', 'scriptSession', 'u1'),
        finding('b', 'shiftOverlap', 'u1'),
        finding('c', 'shiftOverlap', 'u2'),
        finding('d', 'zoneMismatch', null, { scheduleId: null, evidence: { managementUnitId: 'mu-phx' } }),
        finding('e', 'shiftOverlap', 'u3', { scheduleId: 'OTHER' }),
      ],
      'S',
    );
    expect(index.byKind.map((g) => [g.kind, g.findings.map((f) => f.id)])).toEqual([
      ['shiftOverlap', ['b', 'c']],
      ['zoneMismatch', ['d']],
      ['scriptSession', ['a']],
    ]);
    expect(index.agentIds).toEqual(['u1', 'u2']);
    expect(index.byUnit.get('mu-phx')?.id).toBe('d');
    expect(index).toMatchObject({ total: 4, elsewhere: 1 });
  });

  it('n and p walk findings down the rows and along time, wrapping', () => {
    const targets = [
      { findingId: 'x', row: 1, ms: 5 },
      { findingId: 'y', row: 3, ms: 1 },
      { findingId: 'z', row: 3, ms: 9 },
    ];
    expect(stepFinding(targets, { row: 2, ms: 0 }, 1)?.findingId).toBe('y');
    expect(stepFinding(targets, { row: 2, ms: 0 }, -1)?.findingId).toBe('x');
    expect(stepFinding(targets, { row: 0, ms: 0, findingId: 'z' }, 1)?.findingId).toBe('x');
    expect(stepFinding(targets, { row: 0, ms: 0, findingId: 'x' }, -1)?.findingId).toBe('z');
    expect(stepFinding([], { row: 0, ms: 0 }, 1)).toBeNull();
  });
});

describe('the keyboard model', () => {
  const shape: GridShape = { rowCount: 5, colsOf: (r) => (r === 2 ? 4 : 1), pageRows: 3 };
  const move = (row: number, col: number) => ({ type: 'move', focus: { row, col } });

  it('moves between agents and along shifts, clamped at the edges', () => {
    expect(gridKey({ row: 0, col: 0 }, { key: 'ArrowDown' }, shape)).toEqual(move(1, 0));
    expect(gridKey({ row: 2, col: 0 }, { key: 'ArrowRight' }, shape)).toEqual(move(2, 1));
    expect(gridKey({ row: 2, col: 3 }, { key: 'ArrowRight' }, shape)).toEqual(move(2, 3));
    expect(gridKey({ row: 2, col: 3 }, { key: 'ArrowDown' }, shape)).toEqual(move(3, 0));
    expect(gridKey({ row: 0, col: 0 }, { key: 'ArrowUp' }, shape)).toEqual(move(0, 0));
    expect(gridKey({ row: 2, col: 1 }, { key: 'End' }, shape)).toEqual(move(2, 3));
    expect(gridKey({ row: 2, col: 1 }, { key: 'End', ctrlKey: true }, shape)).toEqual(move(4, 0));
    expect(gridKey({ row: 1, col: 0 }, { key: 'PageDown' }, shape)).toEqual(move(4, 0));
  });

  it('hands Enter, n/p and +/- to the screen, and leaves Alt shortcuts to the rail', () => {
    expect(gridKey({ row: 0, col: 0 }, { key: 'Enter' }, shape)).toEqual({ type: 'open' });
    expect(gridKey({ row: 0, col: 0 }, { key: 'n' }, shape)).toEqual({ type: 'finding', direction: 1 });
    expect(gridKey({ row: 0, col: 0 }, { key: '+' }, shape)).toEqual({ type: 'zoom', direction: -1 });
    expect(gridKey({ row: 0, col: 0 }, { key: '4', altKey: true }, shape)).toEqual({ type: 'none' });
  });
});

describe('rows grouped by management unit', () => {
  const roster = [
    { id: 'a1', name: 'Ann', managementUnitId: 'mu-b' },
    { id: 'a2', name: 'Bob', managementUnitId: 'mu-a' },
    { id: 'a3', name: 'Cat', managementUnitId: 'mu-b' },
  ];

  it('puts a header with its count above each unit, and hides a collapsed unit’s agents', () => {
    const rows = layoutRows(roster, new Set());
    expect(rows.map((r) => (r.kind === 'group' ? `${r.managementUnitId}(${r.count})` : r.name))).toEqual([
      'mu-a(1)',
      'Bob',
      'mu-b(2)',
      'Ann',
      'Cat',
    ]);
    expect(rowOfAgent(rows, 'a3')).toBe(4);
    const folded = layoutRows(roster, new Set(['mu-b']));
    expect(folded).toHaveLength(3);
    expect(rowOfAgent(folded, 'a3')).toBe(-1);
  });

  it('asks for the pages on screen, prefetches two below and the one just above', () => {
    const many = Array.from({ length: 450 }, (_, i) => ({ id: `x${i}`, name: `n${i}`, managementUnitId: 'm' }));
    const rows = layoutRows(many, new Set());
    const page = (n: number) => ({ managementUnitId: 'm', page: n });
    expect(pagesFor(rows, 0, 30)).toEqual({ shown: [page(0)], ahead: [page(1), page(2)] });
    expect(pagesFor(rows, 95, 110).shown).toHaveLength(2);
    // Row 0 is the unit's header: row 231 is agent 230, on page 2; page 1 is just above it.
    expect(pagesFor(rows, 231, 250)).toEqual({ shown: [page(2)], ahead: [page(3), page(4), page(1)] });
    expect(pagesFor(rows, 431, 450)).toEqual({ shown: [page(4)], ahead: [page(3)] });
  });

  it('asks for the same pages as a visit of every row would, across units of every size', () => {
    // The brute force: every row of the window and of the prefetch ranges, one by one.
    const everyRow = (rows: ReturnType<typeof layoutRows>, first: number, last: number) => {
      const key = (p: { managementUnitId: string | null; page: number }) => `${p.managementUnitId}#${p.page}`;
      const shown = new Map<string, { managementUnitId: string | null; page: number }>();
      const ahead = new Map<string, { managementUnitId: string | null; page: number }>();
      const pageOf = (i: number) => {
        const r = rows[i];
        return r?.kind === 'agent'
          ? { managementUnitId: r.managementUnitId, page: Math.floor(r.indexInUnit / 100) }
          : null;
      };
      for (let i = Math.max(0, first); i <= Math.min(last, rows.length - 1); i++) {
        const p = pageOf(i);
        if (p) shown.set(key(p), p);
      }
      const add = (i: number) => {
        const p = pageOf(i);
        if (p && !shown.has(key(p))) ahead.set(key(p), p);
      };
      for (let i = last + 1; i < Math.min(rows.length, last + 201); i++) add(i);
      for (let i = first - 1; i >= Math.max(0, first - 50); i--) add(i);
      return { shown: [...shown.values()], ahead: [...ahead.values()] };
    };
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let run = 0; run < 40; run++) {
      const roster = Array.from({ length: 1 + next(900) }, (_, i) => ({
        id: `a${i}`,
        name: `n${i}`,
        managementUnitId: next(5) === 0 ? null : `m${next(6)}`,
      }));
      const rows = layoutRows(roster, new Set(next(3) === 0 ? ['m1'] : []));
      for (let k = 0; k < 20; k++) {
        const first = next(rows.length);
        const last = Math.min(rows.length - 1, first + next(40));
        expect(pagesFor(rows, first, last)).toEqual(everyRow(rows, first, last));
      }
    }
  });
});
