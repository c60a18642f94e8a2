/**
 * How activities make room for each other inside a shift, as a supervisor
 * expects from Genesys' editor: an activity placed over on-queue work takes
 * that time (the on-queue activity is cut around it), and the time an
 * activity leaves goes back to the on-queue work next to it, so moving a
 * break does not leave a hole in coverage. Anything else under a placed
 * activity (a break, a meal, a meeting, time off) is someone's plan and is
 * never overwritten: the edit is refused instead.
 */
import { spanTimes } from './wording';
import { codeName, codesById, onQueueWork, type EditContext } from './context';
import type { WeekActivity } from '../publish/agent-week';
import { isoOf } from './shift-ref';

const minuteMs = 60_000;

interface Placed {
  a: WeekActivity;
  startMs: number;
  endMs: number;
}

const placed = (a: WeekActivity): Placed => {
  const startMs = Date.parse(a.startDate);
  return { a, startMs, endMs: startMs + a.lengthMinutes * minuteMs };
};

/** A piece of `a` over [startMs, endMs): its own fields, but a paid length Genesys must work out again. */
export function pieceOf(a: WeekActivity, startMs: number, endMs: number): WeekActivity {
  if (startMs === Date.parse(a.startDate) && endMs - startMs === a.lengthMinutes * minuteMs) return a;
  const { payableMinutes: _dropped, ...rest } = a;
  return { ...rest, startDate: isoOf(startMs), lengthMinutes: (endMs - startMs) / minuteMs };
}

export function sortedByStart(list: readonly WeekActivity[]): WeekActivity[] {
  return list
    .map(placed)
    .sort((x, y) => x.startMs - y.startMs || x.endMs - y.endMs)
    .map((p) => p.a);
}

const isOnQueue = (ctx: EditContext, a: WeekActivity) => codesById(ctx).get(a.activityCodeId)?.category === onQueueWork;

export type Layout = { ok: true; activities: WeekActivity[] } | { ok: false; problems: string[] };

/** `activity` laid over `list`: on-queue work under it is cut around it; anything else under it refuses. */
export function layOver(list: readonly WeekActivity[], activity: WeekActivity, ctx: EditContext): Layout {
  const p = placed(activity);
  const out: WeekActivity[] = [];
  const problems: string[] = [];
  for (const a of list) {
    const q = placed(a);
    if (q.endMs <= p.startMs || q.startMs >= p.endMs) {
      out.push(a);
      continue;
    }
    if (!isOnQueue(ctx, a)) {
      problems.push(
        `${codeName(ctx, activity.activityCodeId)} ${spanTimes(p.startMs, p.endMs, ctx.timeZone)} would cover ` +
          `${codeName(ctx, a.activityCodeId)} ${spanTimes(q.startMs, q.endMs, ctx.timeZone)}`,
      );
      continue;
    }
    if (q.startMs < p.startMs) out.push(pieceOf(a, q.startMs, p.startMs));
    if (q.endMs > p.endMs) out.push(pieceOf(a, p.endMs, q.endMs));
  }
  if (problems.length > 0) return { ok: false, problems };
  out.push(activity);
  return { ok: true, activities: sortedByStart(out) };
}

/**
 * The list without `list[index]`, its time given to the on-queue activity
 * that ends where it started (else the one that starts where it ended), when
 * nothing else covers that time. Otherwise the time is left open.
 */
export function liftOut(list: readonly WeekActivity[], index: number, ctx: EditContext): WeekActivity[] {
  const gone = placed(list[index] as WeekActivity);
  const rest = list.filter((_, i) => i !== index);
  const covered = rest.some((a) => {
    const q = placed(a);
    return q.startMs < gone.endMs && q.endMs > gone.startMs;
  });
  if (covered) return rest;
  const before = rest.findIndex((a) => isOnQueue(ctx, a) && placed(a).endMs === gone.startMs);
  if (before >= 0) {
    const q = placed(rest[before] as WeekActivity);
    rest[before] = pieceOf(q.a, q.startMs, gone.endMs);
    return rest;
  }
  const after = rest.findIndex((a) => isOnQueue(ctx, a) && placed(a).startMs === gone.endMs);
  if (after >= 0) {
    const q = placed(rest[after] as WeekActivity);
    rest[after] = pieceOf(q.a, gone.startMs, q.endMs);
  }
  return rest;
}

/**
 * Activities fitted to a shift's new bounds: cut where they stick out,
 * left out where nothing of them remains, and the first and last stretched
 * to a start moved earlier or an end moved later (so a longer shift is work,
 * not a hole in it).
 */
export function fitToShift(
  list: readonly WeekActivity[],
  oldStartMs: number,
  oldEndMs: number,
  startMs: number,
  endMs: number,
): WeekActivity[] {
  const out: WeekActivity[] = [];
  for (const a of list) {
    const q = placed(a);
    let from = Math.max(q.startMs, startMs);
    let to = Math.min(q.endMs, endMs);
    // Nothing of it is left: a shift moved past its own activities by a resize keeps none of them.
    if (!(to > from)) continue;
    if (startMs < oldStartMs && q.startMs === oldStartMs) from = startMs;
    if (endMs > oldEndMs && q.endMs === oldEndMs) to = endMs;
    out.push(pieceOf(a, from, to));
  }
  return sortedByStart(out);
}

export function shiftedBy(a: WeekActivity, byMinutes: number): WeekActivity {
  return { ...a, startDate: isoOf(Date.parse(a.startDate) + byMinutes * minuteMs) };
}

/**
 * Joins the pieces an edit cut or stretched with the like activity they now
 * touch (on queue 08:00–10:15 and 10:15–10:30 become one), so the shift
 * reads as the supervisor meant it. Activities the edit did not touch are
 * left as they were, even where two of them touch.
 */
export function joinPieces(original: readonly WeekActivity[], list: readonly WeekActivity[]): WeekActivity[] {
  const untouched = new Set(original);
  const out: WeekActivity[] = [];
  for (const a of sortedByStart(list)) {
    const last = out[out.length - 1];
    if (last && (!untouched.has(a) || !untouched.has(last)) && joinable(last, a)) {
      out[out.length - 1] = pieceOf(
        last,
        Date.parse(last.startDate),
        Date.parse(a.startDate) + a.lengthMinutes * minuteMs,
      );
    } else out.push(a);
  }
  return out;
}

/** The same activity in two pieces end to end: same code and pay, and neither tied to a time-off request or another system. */
function joinable(a: WeekActivity, b: WeekActivity): boolean {
  return (
    a.activityCodeId === b.activityCodeId &&
    Date.parse(a.startDate) + a.lengthMinutes * minuteMs === Date.parse(b.startDate) &&
    a.paid === b.paid &&
    (a.description ?? '') === (b.description ?? '') &&
    [a, b].every((x) => x.timeOffRequestId === undefined && x.externalActivityId === undefined)
  );
}
