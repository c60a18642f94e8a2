/**
 * An agent's pattern: the local start times their shifts usually have. The
 * timezone-skew checks compare each shift with it, so a shift stored an
 * offset away from the agent's habit stands out. Read on the agent's own
 * wall clock (the MU zone): there the habit is constant all year, while on
 * another zone's clock it drifts by an hour whenever only one of the zones
 * changes DST.
 */
import { agentClock, type Prepared } from './prepare';
import type { ZoneClock } from '../time/zone-clock';

export interface StartPattern {
  clock: ZoneClock;
  /** The usual local start minutes (one, two for split shifts, rarely more). */
  usual: number[];
  /** Local start minute of every shift by shift index; this agent's entries are filled. */
  local: Int16Array;
}

interface Patterns {
  /** Local start minute of every shift (by shift index), filled group by group. */
  local: Int16Array;
  byGroup: Array<StartPattern | undefined>;
  /** Scratch tally by minute of the day, zeroed again after each group. */
  tally: Uint32Array;
}

const cache = new WeakMap<Prepared, Patterns>();

/** The pattern of shift group `g` (one agent); also fills `localStart` for its shifts. */
export function startPattern(p: Prepared, g: number): StartPattern {
  const t = p.shifts;
  let patterns = cache.get(p);
  if (!patterns) {
    patterns = { local: new Int16Array(t.source.length), byGroup: [], tally: new Uint32Array(1440) };
    cache.set(p, patterns);
  }
  let pattern = patterns.byGroup[g];
  if (!pattern) {
    pattern = tallyGroup(p, g, patterns);
    patterns.byGroup[g] = pattern;
  }
  return pattern;
}

/**
 * A usual start: seen on two shifts or more, and at least a third as often
 * as the most common one. Split-shift agents have two usual starts; a lone
 * odd start (the suspect) is never usual.
 */
function tallyGroup(p: Prepared, g: number, patterns: Patterns): StartPattern {
  const t = p.shifts;
  const { local, tally } = patterns;
  const clock = agentClock(p, t.groupAgent[g] as string);
  const seen: number[] = [];
  let modeCount = 0;
  for (let k = t.groupFrom[g] as number; k < (t.groupFrom[g + 1] as number); k++) {
    const i = t.order[k] as number;
    const minute = clock.localMinute(t.startMs[i] as number);
    local[i] = minute;
    const n = (tally[minute] as number) + 1;
    if (n === 1) seen.push(minute);
    tally[minute] = n;
    if (n > modeCount) modeCount = n;
  }
  const usual = seen.filter((m) => (tally[m] as number) >= 2 && (tally[m] as number) * 3 >= modeCount);
  for (const m of seen) tally[m] = 0;
  return { clock, usual, local };
}

/** A shift's local start minute on its agent's clock (a shift of the pattern's agent). */
export function localStart(pattern: StartPattern, index: number): number {
  return pattern.local[index] as number;
}

export function isUsualStart(pattern: StartPattern, minute: number): boolean {
  return pattern.usual.includes(((minute % 1440) + 1440) % 1440);
}
