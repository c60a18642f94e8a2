/**
 * What changes for whom: per agent, the shifts this publish adds, removes and moves between what the
 * agent sees published now and what the publish gives them (the draft with its pending edits). Shift
 * ids differ between a schedule and its revision, so shifts are matched as the agent sees them: an
 * identical shift (span and activities) is unchanged; of the rest, a new shift that overlaps an old one
 * on the same day is that shift moved (or resized, or its activities changed); the others are added or
 * removed. Pure.
 */
import type { TimelineShift } from '../../../shared/timeline';
import { shiftSignature } from '../timeline/week-diff';

export interface ShiftChanges {
  added: number;
  removed: number;
  moved: number;
}

export interface AgentChanges extends ShiftChanges {
  agentId: string;
  name: string;
}

const dayMs = 24 * 3_600_000;
const overlaps = (a: TimelineShift, b: TimelineShift) => a.startMs < b.endMs && b.startMs < a.endMs;
/** Within a day of each other: a shift moved from the morning to the evening is still that day's shift. */
const sameDay = (a: TimelineShift, b: TimelineShift) => Math.abs(a.startMs - b.startMs) < dayMs;

export function shiftChanges(seenNow: readonly TimelineShift[], intended: readonly TimelineShift[]): ShiftChanges {
  const before = new Map<string, number>();
  for (const s of seenNow) before.set(shiftSignature(s), (before.get(shiftSignature(s)) ?? 0) + 1);
  const fresh: TimelineShift[] = [];
  for (const s of intended) {
    const sig = shiftSignature(s);
    const left = before.get(sig) ?? 0;
    if (left > 0) before.set(sig, left - 1);
    else fresh.push(s);
  }
  const gone = seenNow.filter((s) => {
    const sig = shiftSignature(s);
    const left = before.get(sig) ?? 0;
    if (left <= 0) return false;
    before.set(sig, left - 1);
    return true;
  });
  let moved = 0;
  const unmatched = [...gone];
  for (const s of fresh) {
    const close = unmatched.findIndex((g) => (g.id !== null && g.id === s.id) || overlaps(g, s));
    const i = close >= 0 ? close : unmatched.findIndex((g) => sameDay(g, s));
    if (i >= 0) {
      unmatched.splice(i, 1);
      moved += 1;
    }
  }
  return { added: fresh.length - moved, removed: unmatched.length, moved };
}

export const hasChanges = (c: ShiftChanges): boolean => c.added + c.removed + c.moved > 0;

/** "2 added, 1 moved" (what the row says in words); "No shift changes" when the week stays. */
export function changeWords(c: ShiftChanges): string {
  const parts = [
    c.added ? `${c.added} added` : '',
    c.removed ? `${c.removed} removed` : '',
    c.moved ? `${c.moved} moved` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'No shift changes';
}

export function totalChanges(rows: readonly ShiftChanges[]): ShiftChanges {
  return rows.reduce(
    (t, r) => ({ added: t.added + r.added, removed: t.removed + r.removed, moved: t.moved + r.moved }),
    {
      added: 0,
      removed: 0,
      moved: 0,
    },
  );
}

/**
 * A new week's draft published with no edit: nobody is compared (agents see nothing yet), yet every agent
 * of the draft gets its week. How many, to say so; null for anything else (the per-agent changes say it).
 */
export function newWeekAsItIs(
  schedule: { published: boolean; agentCount: number } | null,
  publishedNow: unknown,
  agentsCompared: number,
): number | null {
  if (!schedule || schedule.published || publishedNow || agentsCompared > 0) return null;
  return schedule.agentCount;
}
