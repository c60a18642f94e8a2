/**
 * Where things go on the track: epoch ms to pixels, a shift's bar and its activity segments, clipped
 * to what is on screen, and a stable colour per activity code. Pure.
 */
import type { TimelineShift } from '../../../shared/timeline';
import { hourMs, minuteMs } from './zone-time';

export interface TrackScale {
  /** Epoch ms at x = 0 (the week's first BU-local midnight). */
  from: number;
  to: number;
  pxPerMs: number;
}

/** How many hours one screen-width of track shows; `+`/`-` step through these. */
export const zoomSpans = [24, 36, 48, 72, 96, 120, 168] as const;

export function scaleFor(from: number, to: number, viewportPx: number, spanHours: number): TrackScale {
  return { from, to, pxPerMs: Math.max(viewportPx, 200) / (spanHours * hourMs) };
}

export const xOf = (s: TrackScale, ms: number): number => (ms - s.from) * s.pxPerMs;
export const msAt = (s: TrackScale, x: number): number => s.from + x / s.pxPerMs;
export const trackWidth = (s: TrackScale): number => xOf(s, s.to);

export function zoomStep(spanHours: number, direction: 1 | -1): number {
  const i = zoomSpans.findIndex((z) => z >= spanHours);
  const at = i === -1 ? zoomSpans.length - 1 : i;
  return zoomSpans[Math.min(zoomSpans.length - 1, Math.max(0, at + direction))]!;
}

export interface Segment {
  x: number;
  width: number;
  /** null: a stretch of the shift no activity covers. */
  activityCodeId: string | null;
  startMs: number;
  endMs: number;
}

export interface Bar {
  x: number;
  width: number;
  segments: Segment[];
}

/**
 * A shift's bar and its activities in time order, gaps between activities kept as uncovered
 * segments; null when the shift is outside [viewFrom, viewTo) so off-screen shifts cost nothing.
 */
export function barOf(shift: TimelineShift, s: TrackScale, viewFrom: number, viewTo: number): Bar | null {
  if (shift.endMs <= viewFrom || shift.startMs >= viewTo) return null;
  const x = xOf(s, shift.startMs);
  const segments: Segment[] = [];
  let cursor = shift.startMs;
  const acts = [...shift.activities].sort((a, b) => a.startMs - b.startMs);
  const push = (startMs: number, endMs: number, activityCodeId: string | null) => {
    if (endMs <= startMs) return;
    segments.push({ x: xOf(s, startMs) - x, width: (endMs - startMs) * s.pxPerMs, activityCodeId, startMs, endMs });
  };
  for (const a of acts) {
    const start = Math.max(a.startMs, cursor);
    const end = Math.min(a.startMs + a.lengthMinutes * minuteMs, shift.endMs);
    push(cursor, start, null);
    push(start, end, a.activityCodeId);
    cursor = Math.max(cursor, end);
  }
  push(cursor, shift.endMs, null);
  return { x, width: Math.max(2, (shift.endMs - shift.startMs) * s.pxPerMs), segments };
}

/** A span (time off, a finding) on the track, at least 3 px wide so it can be seen and pointed at. */
export function spanOf(startMs: number, endMs: number, s: TrackScale): { x: number; width: number } {
  return { x: xOf(s, startMs), width: Math.max(3, (endMs - startMs) * s.pxPerMs) };
}

/**
 * Colour-blind-safe hues (Okabe–Ito and neighbours), the activity tokens of styles/tokens.css so they
 * follow the theme. Colour only tells codes apart at a glance: the legend and every title say the code
 * in words.
 */
export const activityPalette = [
  'var(--activity-on-queue)',
  'var(--activity-break)',
  'var(--activity-meal)',
  'var(--activity-training)',
  'var(--activity-meeting)',
  'var(--activity-time-off)',
  'var(--activity-off-queue)',
  'var(--activity-other)',
] as const;

/** The same code gets the same colour in every window, week and run (FNV-1a of its id). */
export function activityColour(activityCodeId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < activityCodeId.length; i++) h = Math.imul(h ^ activityCodeId.charCodeAt(i), 0x01000193);
  return activityPalette[(h >>> 0) % activityPalette.length]!;
}

export const shortId = (id: string): string => id.replace(/-/g, '').slice(0, 6);
