/**
 * Where a dragged shift lands: the pointer's travel turned into time and snapped to the quarter hour of
 * the zone the supervisor reads in (a quarter of the wall clock, not of UTC: in a +05:45 zone 08:00
 * local is not a UTC quarter). Pure, so the drag and the keyboard nudges agree on every step.
 */
import { offsetMinutes } from '../timeline/zone-offset';

export const snapMinutes = 15;
const minuteMs = 60_000;
const snapMs = snapMinutes * minuteMs;

/** The nearest quarter hour of `zone`'s wall clock to `ms`. */
export function snapToQuarter(ms: number, zone: string): number {
  const offsetMs = offsetMinutes(zone, ms) * minuteMs;
  return Math.round((ms + offsetMs) / snapMs) * snapMs - offsetMs;
}

export type DragEdge = 'move' | 'start' | 'end';

export interface DraggedSpan {
  startMs: number;
  endMs: number;
}

/**
 * The shift after dragging it (or one edge) by `deltaMs`: the moved edge snaps to the zone's quarter
 * hour, a moved shift keeps its length, and a resize never leaves less than one quarter hour.
 */
export function dragSpan(edge: DragEdge, from: DraggedSpan, deltaMs: number, zone: string): DraggedSpan {
  if (edge === 'move') {
    const startMs = snapToQuarter(from.startMs + deltaMs, zone);
    return { startMs, endMs: startMs + (from.endMs - from.startMs) };
  }
  if (edge === 'start') {
    const startMs = Math.min(snapToQuarter(from.startMs + deltaMs, zone), from.endMs - snapMs);
    return { startMs, endMs: from.endMs };
  }
  const endMs = Math.max(snapToQuarter(from.endMs + deltaMs, zone), from.startMs + snapMs);
  return { startMs: from.startMs, endMs };
}

/** Whole minutes a move shifted the start by (what `moveShift` takes); 0 when the drag came back. */
export const movedMinutes = (from: DraggedSpan, to: DraggedSpan): number =>
  Math.round((to.startMs - from.startMs) / minuteMs);

/** Which part of a bar a pointer at `x` px into a `width` px bar holds: the edges resize, the body moves. */
export function edgeAt(x: number, width: number, handlePx = 6): DragEdge {
  // A bar too narrow for two handles and a body is moved only.
  if (width < handlePx * 3) return 'move';
  if (x <= handlePx) return 'start';
  if (x >= width - handlePx) return 'end';
  return 'move';
}
