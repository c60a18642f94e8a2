/**
 * The rows' culling window: the part of the week the rows draw bars for. It moves in 3-hour steps (an
 * hour past each edge of the view at least), not with the exact view, so a horizontal scroll renders
 * the rows every few hundred pixels instead of every frame.
 */
import { msAt, type TrackScale } from './bar-geometry';
import { nameColPx } from './row-layout';
import { hourMs } from './zone-time';

const cullStepMs = 3 * hourMs;

/** The window for a scroll position of a scroller `width` px wide (the sticky names included). */
export function cullWindow(scale: TrackScale, left: number, width: number): [number, number] {
  const from = msAt(scale, left) - hourMs;
  const to = msAt(scale, left + width - nameColPx) + hourMs;
  return [Math.floor(from / cullStepMs) * cullStepMs, Math.ceil(to / cullStepMs) * cullStepMs];
}

/**
 * Whether the rows must render for this scroll position. Either end can step on its own: the two edges
 * cross their 3-hour marks at different positions.
 */
export function cullMoved(scale: TrackScale, left: number, width: number, shown: readonly [number, number]): boolean {
  const [from, to] = cullWindow(scale, left, width);
  return from !== shown[0] || to !== shown[1];
}
