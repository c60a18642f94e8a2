/**
 * What the axis draws at the view's left edge. Ticks within 12 px of the edge sit under the sticky
 * names and are dropped, and the day is named at the edge, so a screen that starts mid-day still
 * says which day. The day named is the day from the first drawn instant on: a view that starts a few
 * minutes before midnight drops that midnight's tick, and naming the day before would label the whole
 * screen with the wrong day.
 */
import { dayLabel, type AxisTick } from './zone-time';

/** Under the sticky names. */
const dropPx = 12;
/** The edge's day name and the next day's name would overlap this close. */
const edgeNamePx = 110;

export function axisEdge(
  weekTicks: readonly AxisTick[],
  view: { edgeMs: number; toMs: number },
  scale: { from: number; pxPerMs: number },
  zone: string,
): { ticks: AxisTick[]; edgeDay: string | null } {
  const firstDrawnMs = view.edgeMs + dropPx / scale.pxPerMs;
  const ticks = weekTicks.filter((t) => t.ms >= firstDrawnMs && t.ms <= view.toMs);
  const nextDay = ticks.find((t) => t.day);
  const edgeDay =
    !nextDay || nextDay.ms - view.edgeMs > edgeNamePx / scale.pxPerMs
      ? dayLabel(Math.max(firstDrawnMs, scale.from), zone)
      : null;
  return { ticks, edgeDay };
}

/** The "Now 20:50 UTC" label's width, with its margin: wider than any zone's abbreviation makes it. */
const nowLabelPx = 120;

/**
 * Which side of the now line its label goes. It reads to the right of the line; within a label's width
 * before a midnight it would cover that day's name, so it goes to the left, where there is room for it
 * (and for the day named at the edge).
 */
export function nowLabelSide(
  ticks: readonly AxisTick[],
  view: { edgeMs: number },
  nowMs: number,
  scale: { pxPerMs: number },
  edgeDay: string | null,
): 'right' | 'left' {
  const nextDay = ticks.find((t) => t.day && t.ms > nowMs);
  if (!nextDay || (nextDay.ms - nowMs) * scale.pxPerMs >= nowLabelPx) return 'right';
  const roomLeft = (nowMs - view.edgeMs) * scale.pxPerMs - (edgeDay ? edgeNamePx : dropPx);
  return roomLeft >= nowLabelPx ? 'left' : 'right';
}
