/**
 * Keys that edit the focused shift. The arrows alone already walk the grid (agents and shifts), so
 * editing takes Alt: Alt+←/→ nudges the shift by a quarter hour, Shift+Alt+←/→ moves its end, Delete
 * drops it. Pure: (key, shift) → the intent the change set is asked for, or null for a key it leaves.
 */
import type { EditIntent } from '../../../shared/edits/types';
import { snapMinutes } from './edit-snap';

export interface EditKeyPress {
  key: string;
  altKey?: boolean;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

export interface FocusedShift {
  /** Genesys' id or the change set's `new:` id; null: a shift the change set cannot name. */
  id: string | null;
  startMs: number;
  endMs: number;
}

const minuteMs = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

export function editKey(press: EditKeyPress, shift: FocusedShift): EditIntent | null {
  if (!shift.id || press.ctrlKey || press.metaKey) return null;
  if (press.key === 'Delete' && !press.altKey && !press.shiftKey) return { kind: 'dropShift', shiftId: shift.id };
  if (!press.altKey || (press.key !== 'ArrowLeft' && press.key !== 'ArrowRight')) return null;
  const step = press.key === 'ArrowRight' ? snapMinutes : -snapMinutes;
  if (!press.shiftKey) return { kind: 'moveShift', shiftId: shift.id, byMinutes: step };
  const endMs = shift.endMs + step * minuteMs;
  // A shift is never shrunk to nothing from the keyboard: a quarter hour is the least it keeps.
  if (endMs - shift.startMs < snapMinutes * minuteMs) return null;
  return { kind: 'resizeShift', shiftId: shift.id, startDate: iso(shift.startMs), endDate: iso(endMs) };
}

/** The keys, for the screen's key help. */
export const editKeyHelp: Array<[string, string]> = [
  ['Alt+← / Alt+→', 'Move the focused shift 15 minutes earlier / later'],
  ['Shift+Alt+← / →', 'End the focused shift 15 minutes earlier / later'],
  ['Delete', 'Drop the focused shift'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'Undo / redo the last pending edit'],
  ['Shift+click a name', 'Select every agent from the last one picked'],
];
