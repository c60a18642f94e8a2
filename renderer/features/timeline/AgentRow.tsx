import { memo } from 'react';
import type { Finding } from '../../../shared/analysis/types';
import type { EditIntent } from '../../../shared/edits/types';
import type { TimelineAgent } from '../../../shared/timeline';
import type { PendingMarks } from '../edits/pending-marks';
import { RowEditMarks } from '../edits/RowEditMarks';
import { Cell, GhostBar, Marker } from './AgentCells';
import type { TrackScale } from './bar-geometry';
import { useLegend } from './legend-context';
import type { RowCell } from './row-cells';
import { cellId, nameColPx } from './row-layout';
import { unitKey, type RowItem } from './roster-rows';
import { useAgentScriptBadge } from './use-live-script-sessions';
import { shiftSignature } from './week-diff';

export { cellId, nameColPx } from './row-layout';

interface Common {
  row: number;
  top: number;
  height: number;
  focusCol: number | null;
  /** Stable across renders (rows are memoized): the row says which row it is. */
  onPick(row: number, col: number): void;
}

/** A management unit's header: its (short) id, how many agents, and a zone mismatch if it has one. */
export const UnitHeaderRow = memo(function UnitHeaderRow(
  props: Common & {
    item: Extract<RowItem, { kind: 'group' }>;
    zoneFinding: Finding | null;
    onToggle(managementUnitId: string | null): void;
    /** Every agent of the unit is selected for a bulk edit. */
    unitSelected?: boolean;
    onSelectUnit?(managementUnitId: string | null): void;
  },
) {
  const { item, zoneFinding } = props;
  const name = useLegend().unitName(item.managementUnitId);
  const zone = zoneFinding?.evidence['managementUnitTimeZone'];
  return (
    <div
      role="row"
      aria-rowindex={props.row + 2}
      className="tl-row tl-unit"
      style={{ top: props.top, height: props.height }}
    >
      <div
        role="rowheader"
        id={cellId(props.row, 0)}
        aria-expanded={!item.collapsed}
        className={`tl-unit-head${props.focusCol !== null ? ' tl-focus' : ''}`}
        onClick={() => {
          props.onPick(props.row, 0);
          props.onToggle(item.managementUnitId);
        }}
        data-testid={`unit-${unitKey(item.managementUnitId)}`}
        title={item.managementUnitId ?? undefined}
      >
        {props.onSelectUnit && (
          <input
            type="checkbox"
            className="ed-check"
            checked={!!props.unitSelected}
            aria-label={`Select every agent of ${name}`}
            onClick={(e) => e.stopPropagation()}
            onChange={() => props.onSelectUnit?.(item.managementUnitId)}
            data-testid="unit-select"
          />
        )}
        <span aria-hidden="true">{item.collapsed ? '▸' : '▾'}</span> {name}{' '}
        <span className="tl-count">{item.count} agents</span>
        {zoneFinding && (
          <span className="tl-badge tl-badge-unit" title={zoneFinding.explanation}>
            ⚠ Zone {typeof zone === 'string' ? zone : ''} ≠ BU
          </span>
        )}
      </div>
    </div>
  );
});

export type AgentRowProps = Common & {
  item: Extract<RowItem, { kind: 'agent' }>;
  agent: TimelineAgent | undefined;
  cells: RowCell[];
  findings: Finding[];
  scale: TrackScale;
  viewFrom: number;
  viewTo: number;
  zone: string;
  onOpen(agentId: string): void;
  /** The agent's week in the published schedule ("what agents see now"), when the overlay is on. */
  ghost?: TimelineAgent | undefined;
  /** Whether this publish changes the agent's week; null when not compared (or not known yet). */
  changed?: boolean | null;
  /** Selected for a bulk edit. */
  selected?: boolean;
  /** Stable: pick the agent (`run`: from the last one picked, a shift-click). */
  onSelect?(agentId: string, run: boolean): void;
  /** Stable: a drag or key on one of the agent's shifts, as an edit of the change set. */
  onEdit?(agentId: string, intent: EditIntent): void;
  /** The agent's pending change (ghost of the old placement, outline of the new, in words). */
  pending?: PendingMarks | undefined;
  /** A one-click fix's preview for this agent. */
  previewMarks?: PendingMarks | undefined;
};

/**
 * An agent: name (with a script-session badge), then each shift and day off as a cell on the track.
 * Memoized: a scroll frame renders only the rows that came into view or whose data changed.
 */
export const AgentRow = memo(function AgentRow(props: AgentRowProps) {
  const { item, cells, findings } = props;
  const finding = findings.find((f) => f.kind === 'scriptSession');
  // The live read of the sessions wins; until it answers, the analysis's finding stands in.
  const live = useAgentScriptBadge(item.agentId);
  const script = live === undefined ? (finding ? { text: '☎ Script', title: finding.explanation } : null) : live;
  const summary = findings.length ? `, ${findings.length} finding${findings.length === 1 ? '' : 's'}` : '';
  const drawn = new Set(props.ghost ? (props.agent?.shifts ?? []).map(shiftSignature) : []);
  const changedWords = props.changed ? ', changed by this publish' : props.changed === false ? ', unchanged' : '';
  const pendingWords = props.pending ? `, pending edit: ${props.pending.words.join('; ')}` : '';
  return (
    <div
      role="row"
      aria-rowindex={props.row + 2}
      className={`tl-row${props.selected ? ' ed-row-selected' : ''}${props.pending ? ' ed-row-edited' : ''}`}
      style={{ top: props.top, height: props.height }}
      data-testid={`agent-row-${item.agentId}`}
      data-pending={props.pending ? 'true' : undefined}
      data-agent-name={item.name}
    >
      <div
        role="rowheader"
        id={cellId(props.row, 0)}
        className={`tl-name${props.focusCol === 0 ? ' tl-focus' : ''}`}
        aria-label={`${item.name}${summary}${script ? `, in a script session` : ''}${changedWords}${pendingWords}`}
        onClick={() => props.onPick(props.row, 0)}
        onDoubleClick={() => props.onOpen(item.agentId)}
      >
        {props.onSelect && (
          <input
            type="checkbox"
            className="ed-check"
            checked={!!props.selected}
            aria-label={`Select ${item.name} for a bulk edit`}
            title="Select for a bulk edit (Shift+click: every agent from the last one picked)"
            onClick={(e) => {
              e.stopPropagation();
              props.onSelect?.(item.agentId, e.shiftKey);
            }}
            onChange={() => undefined}
            data-testid="agent-select"
          />
        )}
        <span className="tl-name-text">{item.name}</span>
        {props.pending && (
          <span
            className="tl-badge ed-badge-pending"
            title={props.pending.words.join('\n')}
            data-testid="pending-badge"
          >
            ✎ edited
          </span>
        )}
        {script && (
          <span className="tl-badge tl-badge-script" title={script.title} data-testid="script-badge">
            {script.text}
          </span>
        )}
        {findings.length > 0 && !script && <span className="tl-badge tl-badge-count">⚠ {findings.length}</span>}
        {props.changed && (
          <span
            className="tl-badge tl-badge-changed"
            data-testid="changed-badge"
            title="This publish changes the agent’s week: the published schedule (what the agent sees now) differs"
          >
            ⇄ changed
          </span>
        )}
      </div>
      {!props.agent && (
        <div className="tl-skeleton-bar" aria-hidden="true" style={{ left: nameColPx + 40, width: 180 }} />
      )}
      {props.agent && cells.length === 0 && (
        <div role="gridcell" id={cellId(props.row, 1)} className="tl-none" style={{ left: nameColPx + 8 }}>
          No shifts this week
        </div>
      )}
      {cells.map((cell, k) => (
        <Cell key={k} {...props} cell={cell} col={k + 1} focused={props.focusCol === k + 1} />
      ))}
      {findings.map((f) => (
        <Marker key={f.id} finding={f} {...props} />
      ))}
      {props.ghost?.shifts.map((shift, k) => (
        <GhostBar key={`ghost-${k}`} shift={shift} same={drawn.has(shiftSignature(shift))} {...props} />
      ))}
      {props.pending && <RowEditMarks marks={props.pending} kind="pending" left={nameColPx} {...props} />}
      {props.previewMarks && <RowEditMarks marks={props.previewMarks} kind="preview" left={nameColPx} {...props} />}
    </div>
  );
});
