/**
 * What the grid needs for edits, with callbacks that never change identity (rows are memoized): the
 * selection for bulk edits, direct edits from drags and keys, and per agent the pending marks (from
 * edits.diff) and a fix's preview marks. Each map keeps its entries' identity until its data changes,
 * so a row re-renders only when its own marks do.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import type { EditIntent } from '../../../shared/edits/types';
import { useOpsClient } from '../../ops-client-context';
import { useConsole } from '../../store/context';
import { unitKey, type RosterAgent, type RowItem } from '../timeline/roster-rows';
import { useChangeSetContext } from './change-set-context';
import { pendingMarks, type PendingMarks } from './pending-marks';
import { changeSetDiffQuery } from './queries';
import { selectRun, toggleAgent, toggleUnit } from './selection';

export interface GridEdits {
  selected: ReadonlySet<string>;
  /** Units (by `unitKey`) whose every agent is selected: their header's box is ticked. */
  unitsSelected: ReadonlySet<string>;
  pending: ReadonlyMap<string, PendingMarks>;
  preview: { agentId: string; marks: PendingMarks } | null;
  onSelect(agentId: string, run: boolean): void;
  onSelectUnit(managementUnitId: string | null): void;
  onEdit(agentId: string, intent: EditIntent): void;
}

export function useGridEdits(rows: readonly RowItem[], roster: readonly RosterAgent[], zone: string): GridEdits {
  const client = useOpsClient();
  const cs = useChangeSetContext();
  const selection = useConsole((s) => s.editSelection);
  const setSelection = useConsole((s) => s.setEditSelection);
  const preview = useConsole((s) => s.editPreview);
  const count = cs.list.data?.count ?? 0;
  const diff = useQuery(changeSetDiffQuery(client, cs.subject, count > 0));

  const pending = useMemo(() => {
    const map = new Map<string, PendingMarks>();
    if (count === 0) return map;
    for (const d of diff.data ?? []) {
      const marks = pendingMarks(d.before, d.after, zone);
      if (marks) map.set(d.agentId, marks);
      else if (d.heldBack) map.set(d.agentId, { ghosts: [], outlines: [], words: ['held back from this publish'] });
    }
    return map;
  }, [diff.data, zone, count]);
  const previewMarks = useMemo(() => {
    if (!preview) return null;
    const marks = pendingMarks(preview.before, preview.after, zone);
    return marks ? { agentId: preview.agentId, marks } : null;
  }, [preview, zone]);
  const selected = useMemo(() => new Set(selection.agentIds), [selection.agentIds]);
  const unitsSelected = useMemo(() => {
    const partly = new Set<string>();
    const units = new Set<string>();
    for (const a of roster) {
      const k = unitKey(a.managementUnitId);
      units.add(k);
      if (!selected.has(a.id)) partly.add(k);
    }
    return new Set([...units].filter((k) => !partly.has(k)));
  }, [roster, selected]);

  const latest = useRef({ rows, roster, selection, cs });
  latest.current = { rows, roster, selection, cs };
  const onSelect = useCallback(
    (agentId: string, run: boolean) => {
      const { rows: r, selection: sel } = latest.current;
      setSelection(run ? selectRun(sel, r, agentId) : toggleAgent(sel, agentId));
    },
    [setSelection],
  );
  const onSelectUnit = useCallback(
    (managementUnitId: string | null) => {
      const { roster: all, selection: sel } = latest.current;
      setSelection(
        toggleUnit(
          sel,
          all.filter((a) => a.managementUnitId === managementUnitId).map((a) => a.id),
        ),
      );
    },
    [setSelection],
  );
  const onEdit = useCallback((agentId: string, intent: EditIntent) => {
    latest.current.cs.apply.mutate({ intent, agentIds: [agentId], source: { type: 'direct' } });
  }, []);
  return { selected, unitsSelected, pending, preview: previewMarks, onSelect, onSelectUnit, onEdit };
}
