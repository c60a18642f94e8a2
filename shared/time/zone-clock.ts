/**
 * Zone time for the analysis: a per-zone clock that answers "what offset,
 * what local minute, what local day" for hundreds of thousands of instants.
 * Luxon is the source of truth for zone rules, but far too slow to ask once
 * per shift, so each zone's offsets are memoised per UTC day and each
 * transition is bisected once.
 */
import { DateTime, IANAZone } from 'luxon';
import { dayMs, isoDate, minuteMs } from './instant';

export { dayMs, isoDate, isoInstant, InstantReader, minuteMs, parseDate, parseInstant } from './instant';

/** The offset rule of one UTC day: `before` until `changeAt`, `after` from then on. */
interface DayOffsets {
  changeAt: number;
  before: number;
  after: number;
}

const clocks = new Map<string, ZoneClock | null>();

/** One IANA zone's clock, memoised per UTC day. Assumes at most one offset change a day (true of every zone in use). */
export class ZoneClock {
  /** Days near the first one asked for (about ±5 years) live in an array; the rest in a map. */
  private readonly near: Array<DayOffsets | undefined> = [];
  private nearFrom = Number.NaN;
  private readonly far = new Map<number, DayOffsets>();
  private readonly midnights = new Map<number, number>();
  private lastDay = Number.NaN;
  private last: DayOffsets = { changeAt: 0, before: 0, after: 0 };
  /** The primed range: its offsets as a few constant segments (see `prime`). */
  private rangeFrom = Number.POSITIVE_INFINITY;
  private rangeTo = Number.NEGATIVE_INFINITY;
  private segmentStarts: number[] = [];
  private segmentOffsets: number[] = [];

  private constructor(
    readonly zone: string,
    private readonly rules: IANAZone,
  ) {}

  /**
   * One clock per zone name for the whole process: zone rules never change
   * while we run, and luxon takes microseconds per offset, so the memo is
   * worth keeping from one analysis to the next (every sync, every edit).
   * null for a zone luxon does not know: callers make that a finding.
   */
  static of(zone: unknown): ZoneClock | null {
    if (typeof zone !== 'string') return null;
    let clock = clocks.get(zone);
    if (clock === undefined) {
      clock = IANAZone.isValidZone(zone) ? new ZoneClock(zone, IANAZone.create(zone)) : null;
      if (clocks.size > 1000) clocks.clear();
      clocks.set(zone, clock);
    }
    return clock;
  }

  /**
   * Learns the offsets of [fromMs, toMs] as constant segments (six weeks of
   * Chicago: two), so the per-shift question is a compare or two instead of
   * a day lookup. Ranges over about two years are left to the day memo.
   */
  prime(fromMs: number, toMs: number): void {
    if (!(toMs - fromMs <= 800 * dayMs)) return;
    const starts = [fromMs];
    const offsets = [this.offsetMinutes(fromMs)];
    for (let day = Math.floor(fromMs / dayMs); day <= Math.floor(toMs / dayMs); day++) {
      const { changeAt, after } = this.dayOffsets(day);
      if (changeAt > fromMs && changeAt <= toMs) {
        starts.push(changeAt);
        offsets.push(after);
      }
    }
    this.rangeFrom = fromMs;
    this.rangeTo = toMs;
    this.segmentStarts = starts;
    this.segmentOffsets = offsets;
  }

  /** Minutes east of UTC at the instant (Chicago in winter: -360). */
  offsetMinutes(ms: number): number {
    if (ms >= this.rangeFrom && ms <= this.rangeTo) {
      let i = this.segmentStarts.length - 1;
      while (i > 0 && ms < (this.segmentStarts[i] as number)) i--;
      return this.segmentOffsets[i] as number;
    }
    const day = Math.floor(ms / dayMs);
    if (day !== this.lastDay) {
      this.last = this.dayOffsets(day);
      this.lastDay = day;
    }
    return ms < this.last.changeAt ? this.last.before : this.last.after;
  }

  private dayOffsets(day: number): DayOffsets {
    if (Number.isNaN(this.nearFrom)) this.nearFrom = day - 2048;
    const k = day - this.nearFrom;
    if (k >= 0 && k < 4096) return (this.near[k] ??= this.scanDay(day));
    let offsets = this.far.get(day);
    if (!offsets) {
      offsets = this.scanDay(day);
      // Far days only come from odd data; keep the memo bounded.
      if (this.far.size > 10_000) this.far.clear();
      this.far.set(day, offsets);
    }
    return offsets;
  }

  private scanDay(day: number): DayOffsets {
    const from = day * dayMs;
    const before = this.rules.offset(from);
    const after = this.rules.offset(from + dayMs);
    let changeAt = Number.POSITIVE_INFINITY;
    if (before !== after) {
      // Bisect to the millisecond: the first instant that reads in the new offset.
      let lo = from;
      let hi = from + dayMs;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.rules.offset(mid) === before) lo = mid;
        else hi = mid;
      }
      changeAt = hi;
    }
    return { changeAt, before, after };
  }

  /** The first instant in (fromMs, toMs] that reads in a new offset, or null; looks at most 60 days ahead. */
  changeWithin(fromMs: number, toMs: number): number | null {
    const last = Math.min(Math.floor(toMs / dayMs), Math.floor(fromMs / dayMs) + 60);
    for (let day = Math.floor(fromMs / dayMs); day <= last; day++) {
      this.offsetMinutes(day * dayMs);
      const at = this.last.changeAt;
      if (at > fromMs && at <= toMs) return at;
    }
    return null;
  }

  /** Wall-clock ms: the instant's local time read as if it were UTC. */
  localMs(ms: number): number {
    return ms + this.offsetMinutes(ms) * minuteMs;
  }

  /** Local minute of the day, 0..1439. */
  localMinute(ms: number): number {
    const local = this.localMs(ms);
    return Math.floor((local - Math.floor(local / dayMs) * dayMs) / minuteMs);
  }

  /** Local calendar day as an epoch day. */
  localDay(ms: number): number {
    return Math.floor(this.localMs(ms) / dayMs);
  }

  /** The instant a local day begins (later than 00:00 where midnight falls in a DST gap). */
  dayStart(day: number): number {
    let ms = this.midnights.get(day);
    if (ms === undefined) {
      ms = DateTime.fromISO(isoDate(day), { zone: this.zone }).startOf('day').toMillis();
      if (this.midnights.size > 10_000) this.midnights.clear();
      this.midnights.set(day, ms);
    }
    return ms;
  }
}
