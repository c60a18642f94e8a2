/** An agent row's cells and marks: shift bars (draggable), days off, findings' markers, the published ghost. */
import type { Finding } from '../../../shared/analysis/types';
import type { TimelineShift } from '../../../shared/timeline';
import type { AgentRowProps } from './AgentRow';
import { barOf, spanOf } from './bar-geometry';
import { findingKindLabel, markerStyle, markerWord } from './findings-index';
import { useLegend } from './legend-context';
import { cellLabel, type RowCell } from './row-cells';
import { cellId, nameColPx } from './row-layout';
import { clockLabel, spanWords } from './zone-time';
import { DragOutline, useShiftDrag } from '../edits/use-shift-drag';

/**
 * A published shift drawn as an outline over the draft's: what the agent sees now. Dashed and tinted
 * where the draft has no identical shift, a thin line where it has; the row header says "changed" in words.
 */
export function GhostBar(props: AgentRowProps & { shift: TimelineShift; same: boolean }) {
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

type CellProps = AgentRowProps & { cell: RowCell; col: number; focused: boolean };

/**
 * A shift or day off in the rows' culling window; outside it nothing (a row renders every cell of the
 * week, and most are off screen: no hooks, labels or geometry for those).
 */
export function Cell(props: CellProps) {
  if (props.cell.endMs <= props.viewFrom || props.cell.startMs >= props.viewTo) return null;
  return <ShownCell {...props} />;
}

function ShownCell(props: CellProps) {
  const legend = useLegend();
  const { cell, scale, col } = props;
  const flagged = cell.findings.length > 0;
  const onEdit = props.onEdit;
  const shiftDrag = useShiftDrag({
    shiftId: cell.kind === 'shift' && onEdit ? cell.shift.id : null,
    startMs: cell.startMs,
    endMs: cell.endMs,
    scale,
    zone: props.zone,
    onEdit: (intent) => onEdit?.(props.item.agentId, intent),
  });
  const label = cellLabel(cell);
  const common = {
    role: 'gridcell' as const,
    id: cellId(props.row, col),
    'aria-label': label,
    title: label,
    onClick: () => {
      // The release of a drag is not a click on the bar.
      if (shiftDrag.swallowClick.current) return void (shiftDrag.swallowClick.current = false);
      props.onPick(props.row, col);
    },
    onDoubleClick: () => props.onOpen(props.item.agentId),
  };
  if (cell.kind === 'timeOff') {
    const { x, width } = spanOf(cell.startMs, cell.endMs, scale);
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
    <>
      {shiftDrag.drag && <DragOutline span={shiftDrag.drag.to} scale={scale} zone={props.zone} left={nameColPx} />}
      <div
        {...common}
        {...shiftDrag.handlers}
        className={`tl-shift${flagged ? ' tl-flagged' : ''}${props.focused ? ' tl-focus' : ''}${onEdit && cell.shift.id ? ' ed-draggable' : ''}`}
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
    </>
  );
}

/** A finding where it happens: its pattern and word say the kind, its title the whole finding. */
export function Marker(props: AgentRowProps & { finding: Finding }) {
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
