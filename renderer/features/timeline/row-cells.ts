/**
 * An agent row's cells after the name: shifts and full-day time off in time order (column k is the
 * k-th), each with the words a screen reader says and a hover title shows, findings on it included.
 */
import type { Finding } from '../../../shared/analysis/types';
import type { TimelineAgent, TimelineShift, TimelineTimeOff } from '../../../shared/timeline';
import { findingKindLabel } from './findings-index';
import { durationWords, shiftWords, spanWords } from './zone-time';

export type RowCell =
  | { kind: 'shift'; startMs: number; endMs: number; shift: TimelineShift; words: string; findings: Finding[] }
  | { kind: 'timeOff'; startMs: number; endMs: number; timeOff: TimelineTimeOff; words: string; findings: Finding[] };

const overlaps = (f: Finding, startMs: number, endMs: number) => {
  if (!f.start || !f.end) return false;
  const a = Date.parse(f.start);
  const b = Date.parse(f.end);
  return a < endMs && b > startMs;
};

/**
 * The cells of an agent's week, remembered per agent object (a page's data is replaced, not mutated,
 * when it is read again), zone and findings list: a scroll frame re-renders the rows on screen, and
 * their cells' words only change with one of those.
 */
const remembered = new WeakMap<TimelineAgent, { zone: string; findings: readonly Finding[]; cells: RowCell[] }>();

export function cellsOf(agent: TimelineAgent, zone: string, findings: readonly Finding[]): RowCell[] {
  const hit = remembered.get(agent);
  if (hit && hit.zone === zone && hit.findings === findings) return hit.cells;
  const cells = buildCells(agent, zone, findings);
  remembered.set(agent, { zone, findings, cells });
  return cells;
}

function buildCells(agent: TimelineAgent, zone: string, findings: readonly Finding[]): RowCell[] {
  const cells: RowCell[] = [];
  for (const shift of agent.shifts) {
    const on = findings.filter((f) => {
      const ids = f.evidence['shiftIds'];
      return (
        (Array.isArray(ids) && shift.id !== null && ids.includes(shift.id)) || overlaps(f, shift.startMs, shift.endMs)
      );
    });
    const words = shiftWords(shift.startMs, shift.endMs, zone, shift.activities.length);
    cells.push({ kind: 'shift', startMs: shift.startMs, endMs: shift.endMs, shift, words, findings: on });
  }
  for (const t of agent.timeOff) {
    const on = findings.filter((f) => f.kind === 'timeOffOverlap' && overlaps(f, t.startMs, t.endMs));
    const words = `Time off, full day ${t.businessUnitDate} (${spanWords(t.startMs, t.endMs, zone)}, ${durationWords(t.lengthMinutes)})`;
    cells.push({ kind: 'timeOff', startMs: t.startMs, endMs: t.endMs, timeOff: t, words, findings: on });
  }
  return cells.sort((a, b) => a.startMs - b.startMs);
}

/** "Tue 8 Dec 08:00–16:30 CST, 8 h 30, 3 activities. Overlapping shifts: Ann has two shifts…" */
export function cellLabel(cell: RowCell): string {
  const notes = cell.findings.map((f) => `${findingKindLabel[f.kind]}: ${f.explanation}`);
  return [cell.words, ...notes].join('. ');
}
