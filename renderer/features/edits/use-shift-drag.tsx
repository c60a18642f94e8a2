import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { EditIntent } from '../../../shared/edits/types';
import type { TrackScale } from '../timeline/bar-geometry';
import { spanOf } from '../timeline/bar-geometry';
import { clockLabel, zoneAbbrev } from '../timeline/zone-time';
import { dragSpan, edgeAt, movedMinutes, type DragEdge, type DraggedSpan } from './edit-snap';

/** Pointer travel below this is a click (focus the cell, open the drawer), not a drag. */
const dragThresholdPx = 4;

interface DragState {
  edge: DragEdge;
  pointerX: number;
  from: DraggedSpan;
  to: DraggedSpan;
  moved: boolean;
}

/**
 * Drag a shift to move it, its edges to resize it: pointer events with capture (no library: one bar,
 * one axis), snapping to the quarter hour of the zone shown, the new times written beside the outline
 * while dragging. On release the edit goes to the change set as one direct edit.
 */
export function useShiftDrag(o: {
  shiftId: string | null;
  startMs: number;
  endMs: number;
  scale: TrackScale;
  zone: string;
  onEdit(intent: EditIntent): void;
}) {
  const [drag, setDrag] = useState<DragState | null>(null);
  // A release after a drag must not also count as a click on the bar.
  const swallowClick = useRef(false);
  if (!o.shiftId) return { handlers: {}, drag: null, swallowClick };
  const shiftId = o.shiftId;

  const handlers = {
    onPointerDown(e: ReactPointerEvent<HTMLElement>) {
      if (e.button !== 0) return;
      const rect = e.currentTarget.getBoundingClientRect();
      const edge = edgeAt(e.clientX - rect.left, rect.width);
      const from = { startMs: o.startMs, endMs: o.endMs };
      e.currentTarget.setPointerCapture(e.pointerId);
      setDrag({ edge, pointerX: e.clientX, from, to: from, moved: false });
    },
    onPointerMove(e: ReactPointerEvent<HTMLElement>) {
      if (!drag) return;
      const dx = e.clientX - drag.pointerX;
      if (!drag.moved && Math.abs(dx) < dragThresholdPx) return;
      setDrag({ ...drag, moved: true, to: dragSpan(drag.edge, drag.from, dx / o.scale.pxPerMs, o.zone) });
    },
    onPointerUp(e: ReactPointerEvent<HTMLElement>) {
      if (!drag) return;
      e.currentTarget.releasePointerCapture(e.pointerId);
      setDrag(null);
      if (!drag.moved) return;
      swallowClick.current = true;
      const { from, to } = drag;
      if (to.startMs === from.startMs && to.endMs === from.endMs) return;
      if (drag.edge === 'move') o.onEdit({ kind: 'moveShift', shiftId, byMinutes: movedMinutes(from, to) });
      else
        o.onEdit({
          kind: 'resizeShift',
          shiftId,
          startDate: new Date(to.startMs).toISOString(),
          endDate: new Date(to.endMs).toISOString(),
        });
    },
    onPointerCancel() {
      setDrag(null);
    },
  };
  return { handlers, drag: drag?.moved ? drag : null, swallowClick };
}

/** Where the dragged shift would land, with its times in the zone shown. */
export function DragOutline(props: { span: DraggedSpan; scale: TrackScale; zone: string; left: number }) {
  const { x, width } = spanOf(props.span.startMs, props.span.endMs, props.scale);
  const words = `${clockLabel(props.span.startMs, props.zone)}–${clockLabel(props.span.endMs, props.zone)} ${zoneAbbrev(props.span.startMs, props.zone)}`;
  return (
    <div className="ed-drag" style={{ left: props.left + x, width }} data-testid="drag-outline" aria-live="polite">
      <span className="ed-drag-time">{words}</span>
    </div>
  );
}
