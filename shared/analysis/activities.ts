/**
 * activityOverlap: activities of one shift that share time, or that stick
 * out of the shift; and activities we cannot read (unknown code, bad start,
 * non-positive length). Activities are the bulk of the input (five or more
 * a shift), so a first pass only checks, without allocating; the rare
 * shift with a problem is then described in full.
 */
import { badInputFinding, isLength, shown } from './bad-input';
import { shiftLabel, spanTimes, timeLabel } from './explain';
import { makeFinding } from './finding';
import { agentName, shiftAt, type Prepared, type PreparedShift } from './prepare';
import { byStart, forEachIntersecting } from './sweep';
import { isoInstant, minuteMs, type InstantReader } from '../time/zone-clock';
import type { ActivityInput, Finding, ShiftInput } from './types';

interface ActivitySpan {
  id: string;
  startMs: number;
  endMs: number;
  code: string;
}

/** True when every activity reads, fits the shift and follows the one before without overlap. The hot loop: a million activities. */
function looksClean(
  instants: InstantReader,
  codes: Map<string, unknown>,
  raw: ActivityInput[] | undefined,
  shiftStart: number,
  shiftEnd: number,
): boolean {
  let maxEnd = Number.NEGATIVE_INFINITY;
  if (!Array.isArray(raw)) return raw === undefined;
  for (const a of raw) {
    const start = instants.read(a?.startDate);
    if (start === null || !isLength(a.lengthMinutes) || !codes.has(a.activityCodeId)) return false;
    const end = start + a.lengthMinutes * minuteMs;
    if (start < maxEnd || start < shiftStart || end > shiftEnd) return false;
    maxEnd = end;
  }
  return true;
}

function codeName(p: Prepared, id: string): string {
  return p.codes.get(id)?.name ?? 'Activity';
}

function unreadable(p: Prepared, shift: PreparedShift, problems: string[]): Finding {
  return badInputFinding('activityOverlap', ['activities', shift.id], {
    agentId: shift.agentId,
    scheduleId: shift.scheduleId,
    problem: `${agentName(p, shift.agentId)}'s shift on ${shiftLabel(shift.startMs, shift.endMs, p.display.zone)} has activities that cannot be read: ${problems.join('; ')}`,
    fix: 'Re-enter those activities in the schedule editor (pick an existing activity code), then run the analysis again',
    evidence: { shiftIds: [shift.id], problems },
  });
}

function describe(p: Prepared, shift: PreparedShift, spans: ActivitySpan[]): Finding | null {
  const zone = p.display.zone;
  const sorted = [...spans].sort(byStart);
  const pairs: Array<[ActivitySpan, ActivitySpan]> = [];
  forEachIntersecting(sorted, (a, b) => pairs.push([a, b]));
  const outside = sorted.filter((a) => a.startMs < shift.startMs || a.endMs > shift.endMs);
  if (pairs.length === 0 && outside.length === 0) return null;
  const label = (a: ActivitySpan) => `${codeName(p, a.code)} ${spanTimes(a.startMs, a.endMs, zone)}`;
  const facts = [
    ...pairs.map(([a, b]) => `${label(b)} ${b.endMs <= a.endMs ? 'inside' : 'overlaps'} ${label(a)}`),
    ...outside.map((a) => `${label(a)} runs outside the shift`),
  ];
  const first = pairs[0];
  const fix = first
    ? `Move ${codeName(p, first[1].code)} to start at ${timeLabel(first[0].endMs, zone)}, or remove it`
    : `Trim ${codeName(p, (outside[0] as ActivitySpan).code)} to the shift (${spanTimes(shift.startMs, shift.endMs, zone)}), or extend the shift`;
  const involved = [...pairs.flat(), ...outside];
  const startMs = Math.min(...involved.map((a) => a.startMs));
  const endMs = Math.max(...involved.map((a) => a.endMs));
  const asEvidence = (a: ActivitySpan) => ({
    activityCodeId: a.code,
    start: isoInstant(a.startMs),
    end: isoInstant(a.endMs),
  });
  return makeFinding('activityOverlap', [shift.id], {
    severity: 'error',
    agentId: shift.agentId,
    scheduleId: shift.scheduleId,
    start: isoInstant(startMs),
    end: isoInstant(endMs),
    evidence: {
      shiftIds: [shift.id],
      overlaps: pairs.map((pair) => pair.map(asEvidence)),
      outside: outside.map(asEvidence),
    },
    explanation: `${agentName(p, shift.agentId)}'s shift on ${shiftLabel(shift.startMs, shift.endMs, zone)} has activities that clash: ${facts.join('; ')}`,
    suggestedFix: fix,
  });
}

function inspect(p: Prepared, shift: PreparedShift, activities: ActivityInput[] | undefined, out: Finding[]): void {
  const problems: string[] = [];
  const spans: ActivitySpan[] = [];
  const raw = Array.isArray(activities) ? activities : [];
  if (!Array.isArray(activities)) problems.push('the activity list is unreadable');
  for (const a of raw) {
    const start = p.instants.read(a?.startDate);
    if (!a || start === null) problems.push(`an activity has an unreadable start ${shown(a?.startDate)}`);
    else if (!isLength(a.lengthMinutes))
      problems.push(
        `${codeName(p, a.activityCodeId)} at ${timeLabel(start, p.display.zone)} has a length of ${shown(a.lengthMinutes)} min`,
      );
    else if (!p.codes.has(a.activityCodeId))
      problems.push(
        `the activity at ${timeLabel(start, p.display.zone)} uses an unknown activity code ${shown(a.activityCodeId)}`,
      );
    // The code as id: the sweep's tie-break then never depends on input order.
    else
      spans.push({
        id: a.activityCodeId,
        startMs: start,
        endMs: start + a.lengthMinutes * minuteMs,
        code: a.activityCodeId,
      });
  }
  // Sorted, so the text does not depend on the order activities came in.
  if (problems.length > 0) out.push(unreadable(p, shift, problems.sort()));
  const clash = describe(p, shift, spans);
  if (clash) out.push(clash);
}

export function findActivityOverlaps(p: Prepared): Finding[] {
  const findings: Finding[] = [];
  const t = p.shifts;
  const { instants, codes } = p;
  for (let i = 0; i < t.source.length; i++) {
    const activities = (t.source[i] as ShiftInput).activities;
    if (!looksClean(instants, codes, activities, t.startMs[i] as number, t.endMs[i] as number))
      inspect(p, shiftAt(t, i), activities, findings);
  }
  return findings;
}
