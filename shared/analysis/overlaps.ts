/**
 * shiftOverlap: two shifts of one agent share time. Genesys refuses such an
 * upload, so each is an error. Compared: shifts of one schedule, and a draft
 * against a published schedule of other weeks (the draft is about to go
 * live next to it).
 */
import { badInputFinding } from './bad-input';
import { dayLabel, shiftLabel, spanLabel, spanTimes, timeLabel } from './explain';
import { makeFinding } from './finding';
import { agentName, agentShifts, type Prepared, type PreparedShift } from './prepare';
import { forEachIntersecting, groupHasIntersection, intersection } from './sweep';
import { isoInstant, minuteMs } from '../time/zone-clock';
import type { Finding } from './types';

/**
 * Whether an intersecting pair is a conflict this publish must answer for.
 * Two published schedules are already live (not this publish's doing), and
 * two drafts never go live together; a draft replaces the published days it
 * covers, so a published shift starting on those days is being replaced,
 * not doubled.
 */
export function isConflictPair(p: Prepared, a: PreparedShift, b: PreparedShift): boolean {
  if (a.scheduleId === b.scheduleId) return true;
  if (a.draft === b.draft) return false;
  const draft = p.schedules.get(a.draft ? a.scheduleId : b.scheduleId);
  const live = a.draft ? b : a;
  if (!draft || draft.firstDay === null || draft.endDay === null) return true;
  const day = p.display.localDay(live.startMs);
  return day < draft.firstDay || day >= draft.endDay;
}

function overlapFinding(p: Prepared, a: PreparedShift, b: PreparedShift): Finding {
  const zone = p.display.zone;
  const name = agentName(p, a.agentId);
  const both = intersection(a, b);
  const cross = a.scheduleId !== b.scheduleId;
  const draft = cross && a.draft ? a : b;
  const where = cross
    ? `; shift ${draft === a ? 'A' : 'B'} is in the draft being published, shift ${draft === a ? 'B' : 'A'} in an already published schedule`
    : '';
  const fix =
    cross && draft === a
      ? `Drop shift A from the draft, or move it to end by ${timeLabel(b.startMs, zone)}`
      : `Drop one shift, or move shift B to start at ${timeLabel(a.endMs, zone)}`;
  return makeFinding('shiftOverlap', [a.id, b.id].sort(), {
    severity: 'error',
    agentId: a.agentId,
    scheduleId: draft.scheduleId,
    start: isoInstant(both.startMs),
    end: isoInstant(both.endMs),
    evidence: {
      shiftIds: [a.id, b.id],
      scheduleIds: cross ? [a.scheduleId, b.scheduleId] : [a.scheduleId],
      overlapMinutes: (both.endMs - both.startMs) / minuteMs,
      shifts: [a, b].map((s) => ({
        id: s.id,
        scheduleId: s.scheduleId,
        start: isoInstant(s.startMs),
        end: isoInstant(s.endMs),
        draft: s.draft,
      })),
    },
    explanation:
      `${name} has two shifts on ${dayLabel(both.startMs, zone)} that overlap ${spanLabel(both.startMs, both.endMs, zone)} ` +
      `(shift A ${spanTimes(a.startMs, a.endMs, zone)}, shift B ${spanTimes(b.startMs, b.endMs, zone)})${where}`,
    suggestedFix: fix,
  });
}

/** One shift id twice at the same time: a duplicated record, not a double booking; its findings would share ids. */
function listedTwice(p: Prepared, shift: PreparedShift): Finding {
  return badInputFinding('shiftOverlap', ['duplicate', shift.id], {
    agentId: shift.agentId,
    scheduleId: shift.scheduleId,
    problem: `A shift of ${agentName(p, shift.agentId)} (${shiftLabel(shift.startMs, shift.endMs, p.display.zone)}, id ${shift.id}) is listed twice`,
    fix: 'Re-sync the schedule; if the copy persists, delete one of them in the schedule editor',
    evidence: { shiftIds: [shift.id] },
  });
}

/**
 * Per agent, over the shifts sorted by start (prepare sorted them): a
 * linear scan tells whether any two meet, and only then the sweep pairs
 * them up. O(n log n) in all, the sort included.
 */
export function findShiftOverlaps(p: Prepared): Finding[] {
  const findings: Finding[] = [];
  const t = p.shifts;
  for (let g = 0; g < t.groupAgent.length; g++) {
    if (!groupHasIntersection(t.order, t.groupFrom[g] as number, t.groupFrom[g + 1] as number, t.startMs, t.endMs))
      continue;
    forEachIntersecting(agentShifts(t, t.groupAgent[g] as string), (a, b) => {
      if (a.id === b.id) findings.push(listedTwice(p, a));
      else if (isConflictPair(p, a, b)) findings.push(overlapFinding(p, a, b));
    });
  }
  return findings;
}
