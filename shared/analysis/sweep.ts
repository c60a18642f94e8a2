/**
 * The one interval algorithm of the analysis: a sweep over spans sorted by
 * start, keeping only the spans still open. Each span is compared with the
 * open ones, never with the whole list, so the cost is O(n log n) for the
 * sort plus the pairs actually found (a handful per agent), never O(n²).
 */

export interface Span {
  startMs: number;
  endMs: number;
}

export function byStart<T extends Span & { id: string }>(a: T, b: T): number {
  return a.startMs - b.startMs || a.endMs - b.endMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Calls `onPair(earlier, later)` for every two spans that share time; `sorted` must be ordered by start. */
export function forEachIntersecting<T extends Span>(
  sorted: readonly T[],
  onPair: (earlier: T, later: T) => void,
): void {
  const open: T[] = [];
  for (const span of sorted) {
    // Drop spans that ended before this one starts; touching ends are not a conflict.
    let kept = 0;
    for (let i = 0; i < open.length; i++) {
      const o = open[i] as T;
      if (o.endMs > span.startMs) open[kept++] = o;
    }
    open.length = kept;
    if (span.endMs > span.startMs) for (let i = 0; i < kept; i++) onPair(open[i] as T, span);
    open.push(span);
  }
}

/** The shared part of two spans. */
export function intersection(a: Span, b: Span): Span {
  return { startMs: Math.max(a.startMs, b.startMs), endMs: Math.min(a.endMs, b.endMs) };
}

/** True when some two shifts of a group share time: one pass, no allocation. Most groups say no here. */
export function groupHasIntersection(
  order: Int32Array,
  from: number,
  to: number,
  startMs: Float64Array,
  endMs: Float64Array,
): boolean {
  let maxEnd = Number.NEGATIVE_INFINITY;
  for (let k = from; k < to; k++) {
    const i = order[k] as number;
    if ((startMs[i] as number) < maxEnd) return true;
    maxEnd = Math.max(maxEnd, endMs[i] as number);
  }
  return false;
}
