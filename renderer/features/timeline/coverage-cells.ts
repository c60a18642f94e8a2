/**
 * The coverage strip's cells, pure: per 15-minute interval, agents on queue against the forecast's
 * required staff, sorted into three bands by how short the interval is. The band is drawn as colour
 * *and* as a pattern and a sign, and each cell says its numbers in words.
 */
import type { TimelineCoverage } from '../../../shared/coverage/types';

export type CoverageBand = 'met' | 'short' | 'under' | 'noTarget';

export interface CoverageCell {
  startMs: number;
  endMs: number;
  onQueue: number;
  required: number | null;
  band: CoverageBand;
}

/** Short: under by up to 10 % of what is required; under: by more. Met: at or over. */
export function bandOf(onQueue: number, required: number | null): CoverageBand {
  if (required === null) return 'noTarget';
  if (onQueue >= required - 1e-9) return 'met';
  return required - onQueue <= required * 0.1 ? 'short' : 'under';
}

/** Cells overlapping [from, to): only those on screen are drawn. */
export function coverageCells(c: TimelineCoverage, from: number, to: number): CoverageCell[] {
  const step = c.intervalMinutes * 60_000;
  const first = Math.max(0, Math.floor((from - c.startMs) / step));
  const last = Math.min(c.onQueue.length, Math.ceil((to - c.startMs) / step));
  const cells: CoverageCell[] = [];
  for (let i = first; i < last; i++) {
    const required = c.required?.[i] ?? null;
    const onQueue = c.onQueue[i]!;
    cells.push({
      startMs: c.startMs + i * step,
      endMs: c.startMs + (i + 1) * step,
      onQueue,
      required,
      band: bandOf(onQueue, required),
    });
  }
  return cells;
}

const round = (n: number) => (Math.round(n * 10) / 10).toString();

/** "42 on queue, 45 required, 3 short" — what a hover or a screen reader hears. */
export function coverageWords(cell: CoverageCell): string {
  if (cell.required === null) return `${round(cell.onQueue)} on queue (no forecast)`;
  const diff = cell.onQueue - cell.required;
  const gap = Math.abs(diff) < 0.05 ? 'as required' : diff > 0 ? `${round(diff)} over` : `${round(-diff)} short`;
  return `${round(cell.onQueue)} on queue, ${round(cell.required)} required, ${gap}`;
}
