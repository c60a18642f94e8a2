/**
 * An agent's change in words, per day, before → after: what the diff panel,
 * `publish-desk edits` and the publish confirmation list. Shifts are matched
 * by their key (Genesys' id, or the change set's `new:` id).
 */
import { dayLabel, minutesLabel, spanTimes } from './wording';
import { parseDate } from '../time/zone-clock';
import { codeName, type EditContext } from './context';
import type { AgentWeek, WeekActivity, WeekMarker, WeekShift } from '../publish/agent-week';
import { markerContent, shiftContent } from '../publish/agent-week';
import { endMsOf, shiftKey, startMsOf } from './shift-ref';
import type { AgentChange } from './types';
import { changeWords, spanWords } from './wording';
import { ZoneClock } from '../time/zone-clock';

const span = (s: WeekShift | WeekActivity): [number, number] => [startMsOf(s), endMsOf(s)];

const activityKey = (a: WeekActivity) => `${Date.parse(a.startDate)} ${a.lengthMinutes} ${a.activityCodeId}`;

function activityLines(before: WeekShift, after: WeekShift, ctx: EditContext): string[] {
  const zone = ctx.timeZone;
  const left = new Map<string, number>();
  for (const a of before.activities) left.set(activityKey(a), (left.get(activityKey(a)) ?? 0) + 1);
  const added: string[] = [];
  for (const a of after.activities) {
    const n = left.get(activityKey(a)) ?? 0;
    if (n > 0) left.set(activityKey(a), n - 1);
    else added.push(`${codeName(ctx, a.activityCodeId)} ${spanTimes(...span(a), zone)}`);
  }
  const removed = before.activities
    .filter((a) => {
      const n = left.get(activityKey(a)) ?? 0;
      if (n > 0) left.set(activityKey(a), n - 1);
      return n > 0;
    })
    .map((a) => `${codeName(ctx, a.activityCodeId)} ${spanTimes(...span(a), zone)}`);
  const parts = [...added.map((t) => `${t} added`), ...removed.map((t) => `${t} removed`)];
  return parts.length ? [`${spanWords(...span(after), zone)}: ${parts.join(', ')}`] : [];
}

function markerWords(m: WeekMarker, ctx: EditContext): string {
  const clock = ZoneClock.of(ctx.timeZone);
  const day = parseDate(m.businessUnitDate);
  const when = clock && day !== null ? dayLabel(clock.dayStart(day), clock.zone) : m.businessUnitDate;
  return `${when}: full-day time off (${codeName(ctx, m.activityCodeId)}, ${minutesLabel(m.lengthMinutes)})`;
}

/** Lines in time order; ["No change"] when the weeks are the same. */
export function describeWeeks(before: AgentWeek, after: AgentWeek, ctx: EditContext): string[] {
  const zone = ctx.timeZone;
  const lines: Array<[number, string]> = [];
  const afterByKey = new Map(after.shifts.map((s, i) => [shiftKey(s, i), s]));
  const beforeKeys = new Set<string>();
  before.shifts.forEach((s, i) => {
    const key = shiftKey(s, i);
    beforeKeys.add(key);
    const now = afterByKey.get(key);
    if (!now) return lines.push([startMsOf(s), `${spanWords(...span(s), zone)} shift dropped`]);
    if (shiftContent(now) === shiftContent(s)) return;
    const [a, b] = [span(s), span(now)];
    if (a[0] !== b[0] || a[1] !== b[1]) lines.push([a[0], changeWords(a, b, zone)]);
    else for (const line of activityLines(s, now, ctx)) lines.push([a[0], line]);
  });
  after.shifts.forEach((s, i) => {
    if (!beforeKeys.has(shiftKey(s, i))) lines.push([startMsOf(s), `${spanWords(...span(s), zone)} shift added`]);
  });
  const beforeMarkers = new Map(before.fullDayTimeOffMarkers.map((m) => [m.businessUnitDate, m]));
  const afterMarkers = new Map(after.fullDayTimeOffMarkers.map((m) => [m.businessUnitDate, m]));
  const clock = ZoneClock.of(zone);
  // A day off begins at BU midnight: it reads before that day's shifts.
  const dayMs = (m: WeekMarker) => {
    const day = parseDate(m.businessUnitDate) ?? 0;
    return clock ? clock.dayStart(day) : day * 86_400_000;
  };
  for (const [date, m] of afterMarkers) {
    const old = beforeMarkers.get(date);
    if (!old) lines.push([dayMs(m), `${markerWords(m, ctx)} added`]);
    else if (markerContent(old) !== markerContent(m))
      lines.push([
        dayMs(m),
        `${markerWords(old, ctx)} → ${codeName(ctx, m.activityCodeId)}, ${minutesLabel(m.lengthMinutes)}`,
      ]);
  }
  for (const [date, m] of beforeMarkers)
    if (!afterMarkers.has(date)) lines.push([dayMs(m), `${markerWords(m, ctx)} removed`]);
  return lines.length ? lines.sort((x, y) => x[0] - y[0]).map(([, t]) => t) : ['No change'];
}

export function describeChange(change: AgentChange, ctx: EditContext): string[] {
  const lines = describeWeeks(change.before, change.after, ctx);
  if (!change.heldBack) return lines;
  const held = 'Held back: this publish leaves them as they are published now';
  return lines[0] === 'No change' ? [held] : [held, ...lines];
}
