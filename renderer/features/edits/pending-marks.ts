/**
 * How a pending change is drawn on an agent's row: a dashed ghost where a shift was (in the schedule
 * as mirrored), an outline where it is now, and the same in words for a screen reader and the hover
 * ("moved from 08:00–16:30"). Built from an edit's before and after weeks (edits.diff, or a fix's
 * dry run), matched by shift key so a moved shift reads as moved, not as dropped and added. Pure.
 */
import { shiftKey, endMsOf, startMsOf } from '../../../shared/edits/shift-ref';
import type { AgentWeek, WeekShift } from '../../../shared/publish/agent-week';
import { spanWords } from '../timeline/zone-time';
import { clockLabel } from '../timeline/zone-time';

export interface MarkSpan {
  startMs: number;
  endMs: number;
}

export interface PendingMarks {
  /** Where changed shifts were before the pending edits: drawn dashed. */
  ghosts: MarkSpan[];
  /** Where changed or added shifts are now: drawn outlined. */
  outlines: MarkSpan[];
  /** One line per changed shift, in the zone shown. */
  words: string[];
}

const spanOf = (s: WeekShift): MarkSpan => ({ startMs: startMsOf(s), endMs: endMsOf(s) });
const times = (s: MarkSpan, zone: string) => `${clockLabel(s.startMs, zone)}–${clockLabel(s.endMs, zone)}`;
const sameSpan = (a: MarkSpan, b: MarkSpan) => a.startMs === b.startMs && a.endMs === b.endMs;

function activitiesDiffer(a: WeekShift, b: WeekShift): boolean {
  if (a.activities.length !== b.activities.length) return true;
  return a.activities.some((x, i) => {
    const y = b.activities[i]!;
    return x.startDate !== y.startDate || x.lengthMinutes !== y.lengthMinutes || x.activityCodeId !== y.activityCodeId;
  });
}

/** Null when the two weeks place every shift the same (a time-off-only or hold-back change says so in words). */
export function pendingMarks(before: AgentWeek, after: AgentWeek, zone: string): PendingMarks | null {
  const marks: PendingMarks = { ghosts: [], outlines: [], words: [] };
  const afterByKey = new Map(after.shifts.map((s, i) => [shiftKey(s, i), s]));
  const seen = new Set<string>();
  before.shifts.forEach((s, i) => {
    const key = shiftKey(s, i);
    seen.add(key);
    const was = spanOf(s);
    const now = afterByKey.get(key);
    if (!now) {
      marks.ghosts.push(was);
      marks.words.push(`${spanWords(was.startMs, was.endMs, zone)} shift dropped`);
      return;
    }
    const is = spanOf(now);
    if (!sameSpan(was, is)) {
      marks.ghosts.push(was);
      marks.outlines.push(is);
      const verb = is.endMs - is.startMs === was.endMs - was.startMs ? 'moved' : 'changed';
      marks.words.push(`${spanWords(is.startMs, is.endMs, zone)} shift ${verb} from ${times(was, zone)}`);
    } else if (activitiesDiffer(s, now)) {
      marks.outlines.push(is);
      marks.words.push(`${spanWords(is.startMs, is.endMs, zone)} shift: activities changed`);
    }
  });
  after.shifts.forEach((s, i) => {
    if (seen.has(shiftKey(s, i))) return;
    const is = spanOf(s);
    marks.outlines.push(is);
    marks.words.push(`${spanWords(is.startMs, is.endMs, zone)} shift added`);
  });
  const markerText = (w: AgentWeek) =>
    JSON.stringify(w.fullDayTimeOffMarkers.map((m) => [m.businessUnitDate, m.activityCodeId, m.lengthMinutes]));
  if (markerText(before) !== markerText(after)) marks.words.push('Full-day time off changed');
  return marks.words.length ? marks : null;
}
