/**
 * What an edit may not do to an agent's week: create an overlap between the
 * agent's shifts, put an activity outside its shift or over another, use an
 * activity code the unit does not have, or make a shift empty or longer than
 * a day. Judged against the week before: a problem the week already had (a
 * planted overlap the supervisor is about to fix with the next edit) is the
 * analysis's to report, and must not block the edits that mend it.
 */
import { dayLabel, shiftLabel, spanTimes } from './wording';
import { codeName, codesById, type EditContext } from './context';
import type { AgentWeek, WeekShift } from '../publish/agent-week';
import { markerContent, shiftContent } from '../publish/agent-week';
import { endMsOf, shiftKey, startMsOf } from './shift-ref';

const dayMinutes = 24 * 60;

type Category = 'length' | 'activityLength' | 'unknownCode' | 'outside' | 'activityOverlap';

/**
 * Problems of one shift on its own, by category. Words are only made for
 * problems found: a bulk edit checks thousands of clean shifts, and luxon
 * formats a time in tens of microseconds.
 */
function shiftProblems(s: WeekShift, ctx: EditContext): Map<Category, string[]> {
  const out = new Map<Category, string[]>();
  const zone = ctx.timeZone;
  const startMs = startMsOf(s);
  const endMs = endMsOf(s);
  const add = (c: Category, text: () => string) => out.set(c, [...(out.get(c) ?? []), text()]);
  const label = () => (Number.isFinite(endMs) ? shiftLabel(startMs, endMs, zone) : `starting ${s.startDate}`);
  if (!(s.lengthMinutes > 0) || !Number.isFinite(startMs)) add('length', () => `The shift ${label()} has no length`);
  else if (s.lengthMinutes > dayMinutes) add('length', () => `The shift ${label()} would last more than 24 hours`);
  const spans = s.activities
    .map((a) => ({ a, startMs: startMsOf(a), endMs: endMsOf(a) }))
    .sort((x, y) => x.startMs - y.startMs || x.endMs - y.endMs);
  const words = (q: (typeof spans)[number]) =>
    `${codeName(ctx, q.a.activityCodeId)} ${Number.isFinite(q.endMs) ? spanTimes(q.startMs, q.endMs, zone) : q.a.startDate}`;
  const codes = codesById(ctx);
  let last: (typeof spans)[number] | null = null;
  for (const q of spans) {
    if (!(q.a.lengthMinutes > 0) || !Number.isFinite(q.startMs))
      add('activityLength', () => `${words(q)} has no length`);
    if (!codes.has(q.a.activityCodeId))
      add('unknownCode', () => `the activity at ${words(q)} uses an activity code this unit does not have`);
    if (q.startMs < startMs || q.endMs > endMs)
      add('outside', () => `${words(q)} would run outside the shift ${label()}`);
    const before = last;
    if (before && q.startMs < before.endMs) add('activityOverlap', () => `${words(q)} would overlap ${words(before)}`);
    if (!last || q.endMs > last.endMs) last = q;
  }
  return out;
}

/** Content equality, told apart first by what an edit usually changes (times, activity count) before the full text. */
function sameShift(a: WeekShift, b: WeekShift): boolean {
  if (a.lengthMinutes !== b.lengthMinutes || a.activities.length !== b.activities.length) return false;
  return shiftContent(a) === shiftContent(b);
}

interface Span {
  key: string;
  shift: WeekShift;
  startMs: number;
  endMs: number;
}

const spanOf = (shift: WeekShift, i: number): Span => ({
  key: shiftKey(shift, i),
  shift,
  startMs: startMsOf(shift),
  endMs: endMsOf(shift),
});
const shareTime = (a: Span, b: Span) => a.startMs < b.endMs && b.startMs < a.endMs;

/**
 * The overlaps `after` has that `before` did not, each as [the shift that
 * moved, the one it now overlaps]. Two shifts whose times did not change
 * overlap after exactly as they did before, so only a moved or new shift can
 * make a new overlap: a bulk edit of activities moves no shift and reads no
 * shift time at all (parsing ISO times was most of a bulk edit's checking).
 */
function newOverlaps(before: AgentWeek, after: AgentWeek, beforeByKey: Map<string, WeekShift>): Array<[Span, Span]> {
  const moved: number[] = [];
  after.shifts.forEach((s, i) => {
    const old = beforeByKey.get(shiftKey(s, i));
    if (old === s) return;
    if (!old || startMsOf(old) !== startMsOf(s) || old.lengthMinutes !== s.lengthMinutes) moved.push(i);
  });
  if (moved.length === 0) return [];
  const spans = after.shifts.map(spanOf);
  const beforeSpans = new Map(before.shifts.map((s, i) => [shiftKey(s, i), spanOf(s, i)]));
  const seen = new Set<string>();
  const found: Array<[Span, Span]> = [];
  for (const m of moved) {
    const mine = spans[m] as Span;
    for (const other of spans) {
      if (other === mine || !shareTime(mine, other)) continue;
      const pair = [mine.key, other.key].sort().join('\u0000');
      if (seen.has(pair)) continue;
      seen.add(pair);
      const [was, wasOther] = [beforeSpans.get(mine.key), beforeSpans.get(other.key)];
      if (was && wasOther && shareTime(was, wasOther)) continue;
      found.push([mine, other]);
    }
  }
  return found;
}

/** What `after` breaks that `before` did not; empty when the edit may be applied. */
export function editProblems(before: AgentWeek, after: AgentWeek, ctx: EditContext): string[] {
  const problems: string[] = [];
  const zone = ctx.timeZone;
  const beforeByKey = new Map(before.shifts.map((s, i) => [shiftKey(s, i), s]));
  const keys = new Set<string>();
  after.shifts.forEach((s, i) => {
    const key = shiftKey(s, i);
    if (keys.has(key)) problems.push(`Two shifts would share the id ${key}`);
    keys.add(key);
    const old = beforeByKey.get(key);
    // Edits keep the objects they do not change: most shifts are the same object, no need to compare content.
    if (old && (old === s || sameShift(old, s))) return;
    const now = shiftProblems(s, ctx);
    // A clean shift (nearly every one a bulk edit touches) cannot have more problems than it had.
    if (now.size === 0) return;
    const was = old ? shiftProblems(old, ctx) : new Map<Category, string[]>();
    for (const [category, texts] of now) if (texts.length > (was.get(category)?.length ?? 0)) problems.push(...texts);
  });
  // Named the shift the edit moved first: "the shift you dragged would overlap that one".
  for (const [mine, other] of newOverlaps(before, after, beforeByKey))
    problems.push(
      `The shift ${shiftLabel(mine.startMs, mine.endMs, zone)} would overlap ` +
        `the shift ${spanTimes(other.startMs, other.endMs, zone)} on ${dayLabel(other.startMs, zone)}`,
    );
  const dates = new Set<string>();
  const beforeMarkers = new Map(before.fullDayTimeOffMarkers.map((m) => [m.businessUnitDate, m]));
  for (const m of after.fullDayTimeOffMarkers) {
    if (dates.has(m.businessUnitDate)) problems.push(`Two full-day time offs would be on ${m.businessUnitDate}`);
    dates.add(m.businessUnitDate);
    const old = beforeMarkers.get(m.businessUnitDate);
    if (old && (old === m || markerContent(old) === markerContent(m))) continue;
    if (!codesById(ctx).has(m.activityCodeId))
      problems.push(`The time off on ${m.businessUnitDate} uses an activity code this unit does not have`);
    if (!(m.lengthMinutes > 0 && m.lengthMinutes <= dayMinutes))
      problems.push(`The time off on ${m.businessUnitDate} must last between 1 minute and 24 hours`);
  }
  return problems;
}
