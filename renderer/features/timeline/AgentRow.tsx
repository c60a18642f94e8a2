import { memo } from 'react';
import type { Finding } from '../../../shared/analysis/types';
import type { TimelineAgent, TimelineShift } from '../../../shared/timeline';
import { barOf, spanOf, type TrackScale } from './bar-geometry';
import { findingKindLabel, markerStyle, markerWord } from './findings-index';
import { cellLabel, type RowCell } from './row-cells';
import { unitKey, type RowItem } from './roster-rows';
import { clockLabel, spanWords } from './zone-time';
import { useLegend } from './legend-context';
import { shiftSignature } from './week-diff';
import { useAgentScriptBadge } from './use-live-script-sessions';

export const nameColPx = 230;
export const cellId = (row: number, col: number) => `tl-cell-${row}-${col}`;

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

type AgentRowProps = Common & {
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
  return (
    <div
      role="row"
      aria-rowindex={props.row + 2}
      className="tl-row"
      style={{ top: props.top, height: props.height }}
      data-testid={`agent-row-${item.agentId}`}
      data-agent-name={item.name}
    >
      <div
        role="rowheader"
        id={cellId(props.row, 0)}
        className={`tl-name${props.focusCol === 0 ? ' tl-focus' : ''}`}
        aria-label={`${item.name}${summary}${script ? `, in a script session` : ''}${changedWords}`}
        onClick={() => props.onPick(props.row, 0)}
        onDoubleClick={() => props.onOpen(item.agentId)}
      >
        <span className="tl-name-text">{item.name}</span>
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
    </div>
  );
});

/**
 * A published shift drawn as an outline over the draft's: what the agent sees now. Dashed and tinted
 * where the draft has no identical shift, a thin line where it has; the row header says "changed" in words.
 */
function GhostBar(props: AgentRowProps & { shift: TimelineShift; same: boolean }) {
  const { shift } = props;
  if (shift.endMs <= props.viewFrom || shift.startMs >= props.viewTo) return null;
  const { x, width } = spanOf(shift.startMs, shift.endMs, props.scale);
  return (
    <div
      className={props.same ? 'tl-ghost tl-ghost-same' : 'tl-ghost'}
      data-testid="ghost-bar"
      data-ghost-same={props.same}
      aria-hidden="true"
      style={{ left: nameColPx + x, width }}
    />
  );
}

function Cell(props: AgentRowProps & { cell: RowCell; col: number; focused: boolean }) {
  const legend = useLegend();
  const { cell, scale, col } = props;
  const flagged = cell.findings.length > 0;
  const common = {
    role: 'gridcell' as const,
    id: cellId(props.row, col),
    'aria-label': cellLabel(cell),
    title: cellLabel(cell),
    onClick: () => props.onPick(props.row, col),
    onDoubleClick: () => props.onOpen(props.item.agentId),
  };
  if (cell.kind === 'timeOff') {
    const { x, width } = spanOf(cell.startMs, cell.endMs, scale);
    if (cell.endMs <= props.viewFrom || cell.startMs >= props.viewTo) return null;
    return (
      <div
        {...common}
        className={`tl-timeoff${props.focused ? ' tl-focus' : ''}`}
        style={{ left: nameColPx + x, width }}
      >
        <span aria-hidden="true">Time off</span>
      </div>
    );
  }
  const bar = barOf(cell.shift, scale, props.viewFrom, props.viewTo);
  if (!bar) return null;
  return (
    <div
      {...common}
      className={`tl-shift${flagged ? ' tl-flagged' : ''}${props.focused ? ' tl-focus' : ''}`}
      style={{ left: nameColPx + bar.x, width: bar.width }}
      data-shift-id={cell.shift.id ?? undefined}
    >
      {bar.segments.map((s, i) => (
        <span
          key={i}
          aria-hidden="true"
          className={s.activityCodeId ? 'tl-seg' : 'tl-seg tl-seg-gap'}
          style={{
            left: s.x,
            width: s.width,
            background: s.activityCodeId ? legend.codeColour(s.activityCodeId) : undefined,
          }}
          title={
            s.activityCodeId
              ? `${legend.codeName(s.activityCodeId)} (${legend.codeCategory(s.activityCodeId)}) ${clockLabel(s.startMs, props.zone)}–${clockLabel(s.endMs, props.zone)}`
              : undefined
          }
        />
      ))}
      {bar.width > 70 && (
        <span className="tl-shift-text" aria-hidden="true">
          {clockLabel(cell.startMs, props.zone)}–{clockLabel(cell.endMs, props.zone)}
        </span>
      )}
    </div>
  );
}

/** A finding where it happens: its pattern and word say the kind, its title the whole finding. */
function Marker(props: AgentRowProps & { finding: Finding }) {
  const { finding: f, scale } = props;
  if (!f.start || !f.end || f.kind === 'scriptSession') return null;
  const start = Date.parse(f.start);
  const end = Date.parse(f.end);
  if (end <= props.viewFrom || start >= props.viewTo) return null;
  const style = markerStyle[f.kind];
  const { x, width } = spanOf(start, end, scale);
  return (
    <div
      aria-hidden="true"
      className={`tl-marker tl-marker-${style}`}
      style={{ left: nameColPx + x, width }}
      data-finding-id={f.id}
      data-testid="finding-marker"
    >
      <span
        className="tl-marker-word"
        title={`${markerWord[style]} ${spanWords(start, end, props.zone)}. ${findingKindLabel[f.kind]}: ${f.explanation}`}
      >
        {markerWord[style]}
      </span>
    </div>
  );
}
