import { useEffect, useMemo, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useConsole } from '../../store/context';
import { nameColPx } from './AgentRow';
import { xOf, zoomStep, type TrackScale } from './bar-geometry';
import { stepFinding, type FindingsIndex, type FindingTarget } from './findings-index';
import { gridKey } from './grid-keys';
import type { EditIntent } from '../../../shared/edits/types';
import { editKey } from '../edits/edit-keys';
import type { RowCell } from './row-cells';
import type { RowItem } from './roster-rows';
import type { Virtualizer } from './virtual';

/** "Show me this": the findings panel or n/p asks the grid to bring an agent and a time into view. */
export interface JumpRequest {
  agentId: string;
  ms: number;
  findingId: string | null;
  /** A new number for each request, so the same finding clicked twice jumps twice. */
  seq: number;
}

/**
 * The grid's focus (one active cell, kept in the store by row key so filters and screen switches keep
 * it), its keys, and jumps. The cell on focus is announced through aria-activedescendant: virtualized
 * rows come and go, the grid element keeps DOM focus.
 */
export function useGridKeys(o: {
  rows: RowItem[];
  cellsByRow: Map<number, RowCell[]>;
  findings: FindingsIndex;
  scale: TrackScale;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scrollRef: RefObject<HTMLDivElement | null>;
  jump: JumpRequest | null;
  centreMs: RefObject<number | null>;
  rangeMs: number;
  /** Alt+←/→, Shift+Alt+←/→ and Delete on a focused shift edit it (the arrows alone still move focus). */
  onEdit?: ((agentId: string, intent: EditIntent) => void) | undefined;
}) {
  const view = useConsole((s) => s.timeline);
  const setTimeline = useConsole((s) => s.setTimeline);
  const toggle = useConsole((s) => s.toggleTimelineUnit);
  const toggleGroup = (r: Extract<RowItem, { kind: 'group' }>) => toggle(r.key.slice(2));
  const gridRef = useRef<HTMLDivElement>(null);
  const lastFinding = useRef<string | null>(null);
  const { rows, cellsByRow, scale, virtualizer, scrollRef } = o;

  const found = view.focusRowKey ? rows.findIndex((r) => r.key === view.focusRowKey) : -1;
  const activeRow = rows.length === 0 ? null : found === -1 ? 0 : found;
  const colsOf = (row: number) =>
    (cellsByRow.get(row)?.length ?? 0) + (rows[row]?.kind === 'agent' && cellsByRow.has(row) ? 1 : 0) || 1;
  const activeCol = activeRow === null ? 0 : Math.min(view.focusCol, colsOf(activeRow) - 1);

  const targets = useMemo(() => {
    const t: FindingTarget[] = [];
    rows.forEach((r, row) => {
      if (r.kind !== 'agent') return;
      for (const f of o.findings.byAgent.get(r.agentId) ?? [])
        t.push({ findingId: f.id, row, ms: f.start ? Date.parse(f.start) : scale.from });
    });
    return t.sort((a, b) => a.row - b.row || a.ms - b.ms);
  }, [rows, o.findings, scale.from]);

  const showTime = (ms: number) => {
    const el = scrollRef.current;
    if (!el) return;
    const x = xOf(scale, ms);
    const track = el.clientWidth - nameColPx;
    if (x < el.scrollLeft + 20 || x > el.scrollLeft + track - 40) el.scrollLeft = Math.max(0, x - track / 3);
  };

  const focus = (row: number, col: number) => {
    const r = rows[row];
    if (!r) return;
    setTimeline({ focusRowKey: r.key, focusCol: col });
    virtualizer.scrollToIndex(row, { align: 'auto' });
    const cell = cellsByRow.get(row)?.[col - 1];
    if (cell) showTime(cell.startMs);
  };

  // A jump: the agent's row to the middle, the time into view, focus on the grid.
  useEffect(() => {
    const j = o.jump;
    if (!j) return;
    const row = rows.findIndex((r) => r.kind === 'agent' && r.agentId === j.agentId);
    if (row === -1) return;
    lastFinding.current = j.findingId;
    setTimeline({ focusRowKey: j.agentId, focusCol: 0 });
    virtualizer.scrollToIndex(row, { align: 'center' });
    const el = scrollRef.current;
    if (el) el.scrollLeft = Math.max(0, xOf(scale, j.ms) - (el.clientWidth - nameColPx) / 3);
    gridRef.current?.focus({ preventScroll: true });
    // Rows may arrive after the request (a cleared filter): run again when they do.
  }, [o.jump?.seq, rows.length]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (activeRow === null) return;
    const focused = cellsByRow.get(activeRow)?.[activeCol - 1];
    const focusedRow = rows[activeRow];
    if (o.onEdit && focused?.kind === 'shift' && focusedRow?.kind === 'agent') {
      const intent = editKey(e, { id: focused.shift.id, startMs: focused.startMs, endMs: focused.endMs });
      if (intent) {
        e.preventDefault();
        o.onEdit(focusedRow.agentId, intent);
        return;
      }
    }
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / 34) - 2);
    const intent = gridKey({ row: activeRow, col: activeCol }, e, { rowCount: rows.length, colsOf, pageRows });
    if (intent.type === 'none') return;
    e.preventDefault();
    const r = rows[activeRow]!;
    if (intent.type === 'move') focus(intent.focus.row, intent.focus.col);
    else if (intent.type === 'open') {
      if (r.kind === 'group') toggleGroup(r);
      else setTimeline({ drawerAgentId: r.agentId });
    } else if (intent.type === 'zoom') {
      setTimeline({ spanHours: zoomStep(view.spanHours, intent.direction) });
    } else {
      const cell = cellsByRow.get(activeRow)?.[activeCol - 1];
      const next = stepFinding(
        targets,
        { row: activeRow, ms: cell?.startMs ?? 0, findingId: lastFinding.current },
        intent.direction,
      );
      if (!next) return;
      lastFinding.current = next.findingId;
      setTimeline({ focusRowKey: rows[next.row]!.key, focusCol: 0 });
      virtualizer.scrollToIndex(next.row, { align: 'center' });
      showTime(next.ms);
    }
  };

  return {
    gridRef,
    activeRow,
    activeCol,
    onKeyDown,
    pick: (row: number, col: number) => {
      const r = rows[row];
      if (r) setTimeline({ focusRowKey: r.key, focusCol: col });
      gridRef.current?.focus({ preventScroll: true });
    },
  };
}
