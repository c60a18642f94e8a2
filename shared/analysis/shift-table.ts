/**
 * Readable shifts as columns: starts and ends in typed arrays, and shift
 * indices grouped by agent, each group sorted by start. A 5,000-agent BU
 * holds 150,000 shifts over six weeks; one object per shift would be copied
 * by every young-generation GC, the columns are not. Checks walk a group's
 * indices; the few shifts that end up in findings become objects then.
 */
import type { Span } from './sweep';
import type { ShiftInput } from './types';

export interface ShiftTable {
  /** By shift index. */
  source: ShiftInput[];
  startMs: Float64Array;
  endMs: Float64Array;
  /** 1 when its schedule is not published yet. */
  draft: Uint8Array;
  /** Index of its schedule in `Prepared.scheduleList`. */
  schedule: Int32Array;
  /** Shift indices grouped by agent, each group sorted by start, then end, then id. */
  order: Int32Array;
  /** Group g is order[groupFrom[g]] up to (not including) order[groupFrom[g + 1]]. */
  groupFrom: Int32Array;
  groupAgent: string[];
  groupOf: Map<string, number>;
}

/** One shift as an object, for findings and the rare slow path. */
export interface PreparedShift extends Span {
  index: number;
  id: string;
  agentId: string;
  scheduleId: string;
  lengthMinutes: number;
  draft: boolean;
}

export function shiftAt(t: ShiftTable, index: number): PreparedShift {
  const s = t.source[index] as ShiftInput;
  const startMs = t.startMs[index] as number;
  const endMs = t.endMs[index] as number;
  return {
    index,
    id: s.id,
    agentId: s.agentId,
    scheduleId: s.scheduleId,
    startMs,
    endMs,
    lengthMinutes: s.lengthMinutes,
    draft: t.draft[index] === 1,
  };
}

/** Sort order of two shift indices: start, end, then id (so input order never matters). */
function before(t: ShiftTable, a: number, b: number): boolean {
  const sa = t.startMs[a] as number;
  const sb = t.startMs[b] as number;
  if (sa !== sb) return sa < sb;
  const ea = t.endMs[a] as number;
  const eb = t.endMs[b] as number;
  if (ea !== eb) return ea < eb;
  return (t.source[a] as ShiftInput).id < (t.source[b] as ShiftInput).id;
}

/** Insertion sort: a group is a few dozen shifts, mostly in order already. Big groups take the library sort. */
function sortGroup(t: ShiftTable, from: number, to: number): void {
  const order = t.order;
  if (to - from > 64) {
    const sorted = Array.from(order.subarray(from, to)).sort((a, b) =>
      before(t, a, b) ? -1 : before(t, b, a) ? 1 : 0,
    );
    order.set(sorted, from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = order[i] as number;
    let j = i - 1;
    while (j >= from && before(t, x, order[j] as number)) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = x;
  }
}

export class ShiftTableBuilder {
  private readonly source: ShiftInput[];
  private count = 0;
  private readonly startMs: Float64Array;
  private readonly endMs: Float64Array;
  private readonly draft: Uint8Array;
  private readonly schedule: Int32Array;
  private readonly group: Int32Array;
  private readonly groupOf = new Map<string, number>();
  private readonly groupAgent: string[] = [];
  private readonly groupSize: number[] = [];
  private lastAgent: string | undefined;
  private lastGroup = -1;

  constructor(capacity: number) {
    this.source = new Array<ShiftInput>(capacity);
    this.startMs = new Float64Array(capacity);
    this.endMs = new Float64Array(capacity);
    this.draft = new Uint8Array(capacity);
    this.schedule = new Int32Array(capacity);
    this.group = new Int32Array(capacity);
  }

  add(shift: ShiftInput, startMs: number, endMs: number, draft: boolean, schedule: number): void {
    const i = this.count++;
    this.source[i] = shift;
    this.startMs[i] = startMs;
    this.endMs[i] = endMs;
    this.draft[i] = draft ? 1 : 0;
    this.schedule[i] = schedule;
    // Shifts come agent by agent: comparing with the last agent is cheaper than a lookup.
    let g = shift.agentId === this.lastAgent ? this.lastGroup : this.groupOf.get(shift.agentId);
    if (g === undefined) {
      g = this.groupAgent.length;
      this.groupOf.set(shift.agentId, g);
      this.groupAgent.push(shift.agentId);
      this.groupSize.push(0);
    }
    this.lastAgent = shift.agentId;
    this.lastGroup = g;
    this.group[i] = g;
    this.groupSize[g] = (this.groupSize[g] as number) + 1;
  }

  /** Counting sort by agent, then each group by start: O(n log n) at worst, near O(n) for schedules. */
  build(): ShiftTable {
    const n = this.count;
    this.source.length = n;
    const groups = this.groupAgent.length;
    const groupFrom = new Int32Array(groups + 1);
    for (let g = 0; g < groups; g++) groupFrom[g + 1] = (groupFrom[g] as number) + (this.groupSize[g] as number);
    const next = groupFrom.slice(0, groups);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const g = this.group[i] as number;
      order[next[g] as number] = i;
      next[g] = (next[g] as number) + 1;
    }
    const t: ShiftTable = {
      source: this.source,
      startMs: this.startMs.subarray(0, n),
      endMs: this.endMs.subarray(0, n),
      draft: this.draft.subarray(0, n),
      schedule: this.schedule.subarray(0, n),
      order,
      groupFrom,
      groupAgent: this.groupAgent,
      groupOf: this.groupOf,
    };
    for (let g = 0; g < groups; g++) sortGroup(t, groupFrom[g] as number, groupFrom[g + 1] as number);
    return t;
  }
}

/** An agent's shifts as objects, in start order: for the few agents a slow path looks at. */
export function agentShifts(t: ShiftTable, agentId: string): PreparedShift[] {
  const g = t.groupOf.get(agentId);
  if (g === undefined) return [];
  const shifts: PreparedShift[] = [];
  for (let k = t.groupFrom[g] as number; k < (t.groupFrom[g + 1] as number); k++)
    shifts.push(shiftAt(t, t.order[k] as number));
  return shifts;
}
