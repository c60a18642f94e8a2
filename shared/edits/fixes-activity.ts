/**
 * activityOverlap fixes: for the first two activities that clash, keep the
 * inner one where it is and cut the on-queue work around it (what a break
 * laid over on-queue time almost always meant), move it to start where the
 * other ends, or remove it; for an activity sticking out, trim it to the shift.
 */
import type { Finding } from '../analysis/types';
import type { AgentWeek, WeekActivity } from '../publish/agent-week';
import { codeName, type EditContext } from './context';
import type { FixOption } from './fixes';
import { intentLabel } from './labels';
import { endMsOf, findShift, isoOf, startMsOf } from './shift-ref';
import { spanTimes } from './wording';

interface ActivityFact {
  activityCodeId: string;
  start: string;
  end: string;
}

const minuteMs = 60_000;

function indexOf(activities: readonly WeekActivity[], fact: ActivityFact): number {
  return activities.findIndex(
    (a) =>
      a.activityCodeId === fact.activityCodeId &&
      startMsOf(a) === Date.parse(fact.start) &&
      endMsOf(a) === Date.parse(fact.end),
  );
}

const within = (x: ActivityFact, y: ActivityFact) =>
  Date.parse(x.start) >= Date.parse(y.start) && Date.parse(x.end) <= Date.parse(y.end);

export function activityFixes(f: Finding, week: AgentWeek, ctx: EditContext): Array<FixOption | null> {
  const shiftId = String((f.evidence.shiftIds as string[] | undefined)?.[0] ?? '');
  const at = findShift(week, shiftId);
  if (!at) return [];
  const acts = at.shift.activities;
  const pair = ((f.evidence.overlaps ?? []) as ActivityFact[][])[0];
  const option = (intent: FixOption['intent'], label?: string): FixOption => ({
    intent,
    label: label ?? intentLabel(intent, week, ctx),
  });
  if (pair && pair[0] && pair[1]) {
    const [a, b] = pair as [ActivityFact, ActivityFact];
    // The inner one is the one inside the other; when neither is, the later.
    const [outer, inner] = within(a, b) && !within(b, a) ? [b, a] : [a, b];
    const index = indexOf(acts, inner);
    if (index < 0) return [];
    const zone = ctx.timeZone;
    const name = codeName(ctx, inner.activityCodeId);
    return [
      option(
        { kind: 'resizeActivity', shiftId, activityIndex: index, startDate: inner.start, endDate: inner.end },
        `Keep ${name} ${spanTimes(Date.parse(inner.start), Date.parse(inner.end), zone)} and cut ${codeName(ctx, outer.activityCodeId)} around it`,
      ),
      Date.parse(outer.end) > Date.parse(inner.start)
        ? option({
            kind: 'moveActivity',
            shiftId,
            activityIndex: index,
            byMinutes: (Date.parse(outer.end) - Date.parse(inner.start)) / minuteMs,
          })
        : null,
      option({ kind: 'removeActivity', shiftId, activityIndex: index }),
    ];
  }
  const out = ((f.evidence.outside ?? []) as ActivityFact[])[0];
  if (!out) return [];
  const index = indexOf(acts, out);
  if (index < 0) return [];
  const from = Math.max(Date.parse(out.start), startMsOf(at.shift));
  const to = Math.min(Date.parse(out.end), endMsOf(at.shift));
  return [
    to > from
      ? option({ kind: 'resizeActivity', shiftId, activityIndex: index, startDate: isoOf(from), endDate: isoOf(to) })
      : null,
    option({ kind: 'removeActivity', shiftId, activityIndex: index }),
  ];
}
