import { useEffect } from 'react';
import { useConsole } from '../../store/context';
import type { RosterAgent } from '../timeline/roster-rows';
import { keepShown, noSelection, selectAll } from './selection';

/**
 * The agents picked for a bulk edit (row checkboxes, shift-click, a unit's header), "select all shown"
 * for the current filter, and the way into the bulk dialog. A new filter drops agents it hides, so a
 * bulk edit only ever reaches agents on screen.
 */
export function SelectionBar({ roster }: { roster: readonly RosterAgent[] }) {
  const selection = useConsole((s) => s.editSelection);
  const setSelection = useConsole((s) => s.setEditSelection);
  const openBulk = useConsole((s) => s.setBulkEditOpen);
  useEffect(() => {
    const next = keepShown(
      selection,
      roster.map((a) => a.id),
    );
    if (next !== selection) setSelection(next);
  }, [roster, selection, setSelection]);
  const n = selection.agentIds.length;
  return (
    <div className="ed-select" role="group" aria-label="Agents selected for a bulk edit" data-testid="selection-bar">
      <span data-testid="selected-count">
        {n === 0 ? 'No agents selected' : `${n} agent${n === 1 ? '' : 's'} selected`}
      </span>
      <button
        type="button"
        onClick={() =>
          setSelection(
            selectAll(
              selection,
              roster.map((a) => a.id),
            ),
          )
        }
        disabled={roster.length === 0}
      >
        Select all shown ({roster.length})
      </button>
      <button type="button" onClick={() => setSelection(noSelection)} disabled={n === 0}>
        Clear
      </button>
      <button
        type="button"
        className="primary"
        onClick={() => openBulk(true)}
        disabled={n === 0}
        data-testid="bulk-open"
      >
        Bulk edit…
      </button>
    </div>
  );
}
