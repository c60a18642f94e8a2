/**
 * Coverage of a schedule: per interval of a BU week, how many agents are
 * scheduled on queue (the strip under the timeline's axis, as Genesys's
 * schedule editor and NICE's net-staffing bar draw it).
 *
 * What counts, decided as Genesys's schedule editor counts "scheduled":
 * - An agent is on queue while one of their activities whose code's category
 *   is `OnQueueWork` covers the instant. Breaks, meals, meetings, training,
 *   off-queue work and time off are not on queue, and neither is a shift's
 *   time outside its activities. Full-day time off has no activities here.
 * - An interval partly covered counts the fraction: an agent on queue for
 *   7.5 of an interval's 15 minutes counts 0.5. So a value is the agent-
 *   minutes on queue in the interval divided by the interval's length, and
 *   the strip's totals are exact agent-hours (sum × 15 / 60).
 * - An agent counts at most once at any instant: two on-queue activities of
 *   one agent that overlap (overlapping shifts, a planted activity overlap)
 *   count their union. Overlaps are the analysis's findings, not extra staff.
 * - Activities are counted where they are, clipped to the grid; they are not
 *   clipped to their shift (Genesys keeps them inside it).
 *
 * Cost: linear in the number of activities plus the number of intervals. Each
 * agent's on-queue spans are merged (sorted first only when they come out of
 * order, which only overlapping shifts cause), then each span adds its two
 * partial edge intervals directly and its whole intervals through a
 * difference array; one prefix sum at the end.
 */
import { DateTime } from 'luxon';
import type { TimelineShift } from '../timeline';

/** Genesys's activity-code category for work on queue (`BusinessUnitActivityCode.category`). */
export const onQueueCategory = 'OnQueueWork';
/** The interval of the strip and of Genesys's staffing requirements. */
export const coverageIntervalMinutes = 15;

const minuteMs = 60_000;

/** Intervals of equal length in absolute time: interval i is [startMs + i·length, startMs + (i+1)·length). */
export interface CoverageGrid {
  startMs: number;
  intervalMinutes: number;
  count: number;
}

export interface WeekGrid extends CoverageGrid {
  /** The interval at which each BU-local day of the week starts, and `count` last (eight entries). */
  dayStarts: number[];
}

/**
 * The grid of a BU week: from BU-local midnight of `weekDate` to local
 * midnight seven days later, so a week with a DST change has 4 intervals
 * fewer or more (the change day of America/Chicago has 92 or 100 quarter
 * hours). Every zone in use changes its offset by a multiple of 15 minutes,
 * so local midnights fall on interval edges; were one not to, its day would
 * start in the interval holding it.
 */
export function weekGrid(weekDate: string, timeZone: string, intervalMinutes = coverageIntervalMinutes): WeekGrid {
  if (!(Number.isInteger(intervalMinutes) && intervalMinutes > 0))
    throw new RangeError(`An interval is a whole number of minutes, not ${intervalMinutes}`);
  const first = DateTime.fromISO(weekDate, { zone: timeZone }).startOf('day');
  if (!first.isValid) throw new RangeError(`No week of ${weekDate} in zone ${timeZone}: ${first.invalidExplanation}`);
  const startMs = first.toMillis();
  const intervalMs = intervalMinutes * minuteMs;
  const midnights = Array.from({ length: 8 }, (_, d) => first.plus({ days: d }).toMillis());
  const count = Math.ceil((midnights[7]! - startMs) / intervalMs);
  const dayStarts = midnights.map((ms, d) => (d === 7 ? count : Math.floor((ms - startMs) / intervalMs)));
  return { startMs, intervalMinutes, count, dayStarts };
}

/** The ids of the codes Genesys counts as on queue. */
export function onQueueCodeIds(codes: Iterable<{ id: string; category: string | null | undefined }>): Set<string> {
  const ids = new Set<string>();
  for (const c of codes) if (c.category === onQueueCategory) ids.add(c.id);
  return ids;
}

/**
 * Counts agents on queue per interval, one agent at a time (so a reader can
 * decode an agent, add it and let it go). `counts()` may be called at any
 * point; adding more agents afterwards keeps counting.
 */
export class CoverageCounter {
  private readonly intervalMs: number;
  private readonly endMs: number;
  /** On-queue ms added to single intervals: the partial edges of each span. */
  private readonly edgeMs: Float64Array;
  /** Whole intervals as a difference array: +1 where a run of whole intervals starts, -1 after it. */
  private readonly whole: Float64Array;
  private starts = new Float64Array(64);
  private ends = new Float64Array(64);
  private agentCount = 0;
  /** The weight of the agent being added (addSpan's). */
  private weight: 1 | -1 = 1;

  constructor(
    readonly grid: CoverageGrid,
    private readonly onQueueCodes: ReadonlySet<string>,
  ) {
    if (!(Number.isInteger(grid.count) && grid.count >= 0)) throw new RangeError(`Bad interval count ${grid.count}`);
    if (!(grid.intervalMinutes > 0)) throw new RangeError(`Bad interval length ${grid.intervalMinutes}`);
    this.intervalMs = grid.intervalMinutes * minuteMs;
    this.endMs = grid.startMs + grid.count * this.intervalMs;
    this.edgeMs = new Float64Array(grid.count);
    this.whole = new Float64Array(grid.count + 1);
  }

  /** Agents added so far. */
  get agents(): number {
    return this.agentCount;
  }

  /**
   * One agent's shifts (any order, of one schedule or several): their on-queue time, each instant once.
   * `weight` -1 takes an agent's week out again: a week added with +1 and its old version with -1 leave
   * exactly the difference the edit makes, in one counter.
   */
  addAgent(shifts: readonly TimelineShift[], weight: 1 | -1 = 1): void {
    this.agentCount += weight;
    this.weight = weight;
    const from = this.grid.startMs;
    const to = this.endMs;
    let n = 0;
    let sorted = true;
    let lastStart = -Infinity;
    for (const shift of shifts) {
      for (const a of shift.activities) {
        if (!this.onQueueCodes.has(a.activityCodeId)) continue;
        const start = Math.max(a.startMs, from);
        const end = Math.min(a.startMs + a.lengthMinutes * minuteMs, to);
        if (!(end > start)) continue; // outside the grid, empty, or NaN
        if (n === this.starts.length) this.grow();
        this.starts[n] = start;
        this.ends[n] = end;
        n++;
        if (start < lastStart) sorted = false;
        lastStart = start;
      }
    }
    if (n === 0) return;
    if (!sorted) this.sortSpans(n);
    let spanStart = this.starts[0]!;
    let spanEnd = this.ends[0]!;
    for (let k = 1; k < n; k++) {
      const s = this.starts[k]!;
      const e = this.ends[k]!;
      if (s <= spanEnd) {
        if (e > spanEnd) spanEnd = e;
      } else {
        this.addSpan(spanStart, spanEnd);
        spanStart = s;
        spanEnd = e;
      }
    }
    this.addSpan(spanStart, spanEnd);
  }

  /** Back to no agents, to count another one on the same arrays. */
  clear(): void {
    this.edgeMs.fill(0);
    this.whole.fill(0);
    this.agentCount = 0;
  }

  /** Agents on queue per interval: on-queue agent-minutes in the interval ÷ its minutes. */
  counts(): number[] {
    const out = new Array<number>(this.grid.count);
    let running = 0;
    for (let i = 0; i < this.grid.count; i++) {
      running += this.whole[i]!;
      out[i] = (running * this.intervalMs + this.edgeMs[i]!) / this.intervalMs;
    }
    return out;
  }

  /**
   * On-queue agent-milliseconds per interval: whole numbers, so counts kept
   * up to date by subtracting one agent's old week and adding its new one
   * stay exactly what a recount gives (`counts()` is these ÷ the interval).
   */
  onQueueMs(): Float64Array {
    const out = new Float64Array(this.grid.count);
    let running = 0;
    for (let i = 0; i < this.grid.count; i++) {
      running += this.whole[i]!;
      out[i] = running * this.intervalMs + this.edgeMs[i]!;
    }
    return out;
  }

  /** [start, end) inside the grid, end > start. */
  private addSpan(start: number, end: number): void {
    const first = Math.floor((start - this.grid.startMs) / this.intervalMs);
    const last = Math.ceil((end - this.grid.startMs) / this.intervalMs) - 1;
    const w = this.weight;
    if (first === last) {
      this.edgeMs[first]! += w * (end - start);
      return;
    }
    this.edgeMs[first]! += w * (this.grid.startMs + (first + 1) * this.intervalMs - start);
    this.edgeMs[last]! += w * (end - (this.grid.startMs + last * this.intervalMs));
    if (last > first + 1) {
      this.whole[first + 1]! += w;
      this.whole[last]! -= w;
    }
  }

  private grow(): void {
    const starts = new Float64Array(this.starts.length * 2);
    const ends = new Float64Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }

  /** Only for an agent whose spans came out of order (overlapping shifts): a few dozen spans at most. */
  private sortSpans(n: number): void {
    const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => this.starts[x]! - this.starts[y]!);
    const starts = order.map((i) => this.starts[i]!);
    const ends = order.map((i) => this.ends[i]!);
    this.starts.set(starts);
    this.ends.set(ends);
  }
}

/** Agents on queue per interval of `grid`, for every agent's shifts (see the file comment for what counts). */
export function onQueueCoverage(
  grid: CoverageGrid,
  agents: Iterable<readonly TimelineShift[]>,
  onQueueCodes: ReadonlySet<string>,
): number[] {
  const counter = new CoverageCounter(grid, onQueueCodes);
  for (const shifts of agents) counter.addAgent(shifts);
  return counter.counts();
}
