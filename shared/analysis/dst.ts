/**
 * dstShift: what a DST change in the BU zone does to a shift.
 * - Across the change, its wall-clock length differs from its elapsed
 *   length by the DST delta. Genesys stores elapsed minutes; which of the
 *   two was meant only the supervisor knows, so the finding names both.
 * - After the change in the same week, a start exactly the DST delta away
 *   from the agent's habit: the week was computed with the offset its first
 *   day had (the "DST shifts shifts by an hour" of the user reports).
 */
import { changeLabel, clockLabel, dayLabel, minutesLabel, shiftLabel } from './explain';
import { makeFinding } from './finding';
import { agentClock, agentName, shiftAt, type Prepared, type PreparedShift } from './prepare';
import { isUsualStart, localStart, startPattern, type StartPattern } from './pattern';
import { isoInstant, minuteMs, type ZoneClock } from '../time/zone-clock';
import type { Finding } from './types';

interface Across {
  changeMs: number;
  offsetBefore: number;
  wallMinutes: number;
}

interface Moved {
  deltaMinutes: number;
  usualStartMs: number;
}

function across(bu: ZoneClock, shift: PreparedShift): Across | null {
  const delta = bu.offsetMinutes(shift.endMs) - bu.offsetMinutes(shift.startMs);
  if (delta === 0) return null;
  const changeMs = bu.changeWithin(shift.startMs, shift.endMs) ?? shift.endMs;
  return { changeMs, offsetBefore: bu.offsetMinutes(shift.startMs), wallMinutes: shift.lengthMinutes + delta };
}

/** For each schedule, the start of every week in which the BU zone changes offset (most schedules: none). */
function weeksWithChange(p: Prepared, bu: ZoneClock): Array<Map<number, number> | undefined> {
  const bySchedule: Array<Map<number, number> | undefined> = [];
  for (const schedule of p.scheduleList) {
    if (schedule.firstDay === null || schedule.endDay === null) continue;
    const weeks = new Map<number, number>();
    for (let w = 0; schedule.firstDay + 7 * w < schedule.endDay; w++) {
      const from = bu.dayStart(schedule.firstDay + 7 * w);
      if (bu.offsetMinutes(from) !== bu.offsetMinutes(bu.dayStart(schedule.firstDay + 7 * w + 7))) weeks.set(w, from);
    }
    if (weeks.size > 0) bySchedule[schedule.index] = weeks;
  }
  return bySchedule;
}

/** The start of the shift's week when the BU offset changed between it and the shift's start, else undefined. */
function changedWeekStart(
  bu: ZoneClock,
  startMs: number,
  weeks: Map<number, number>,
  firstDay: number,
): number | undefined {
  const weekStartMs = weeks.get(Math.floor((bu.localDay(startMs) - firstDay) / 7));
  return weekStartMs !== undefined && bu.offsetMinutes(weekStartMs) !== bu.offsetMinutes(startMs)
    ? weekStartMs
    : undefined;
}

/** Only where the agent's own zone changed with the BU: elsewhere an hour's drift is the MU keeping its own clock. */
function moved(
  p: Prepared,
  bu: ZoneClock,
  shift: PreparedShift,
  pattern: StartPattern,
  weekStartMs: number,
): Moved | null {
  const delta = bu.offsetMinutes(shift.startMs) - bu.offsetMinutes(weekStartMs);
  const own: ZoneClock = agentClock(p, shift.agentId);
  if (own.offsetMinutes(shift.startMs) - own.offsetMinutes(weekStartMs) !== delta) return null;
  const local = localStart(pattern, shift.index);
  if (isUsualStart(pattern, local) || !isUsualStart(pattern, local - delta)) return null;
  return { deltaMinutes: delta, usualStartMs: shift.startMs - delta * minuteMs };
}

function dstFinding(p: Prepared, shift: PreparedShift, a: Across | null, m: Moved | null): Finding {
  const zone = p.display.zone;
  const name = agentName(p, shift.agentId);
  const facts: string[] = [];
  const fixes: string[] = [];
  if (a) {
    facts.push(
      `crosses the DST change of ${dayLabel(a.changeMs, zone)} (${changeLabel(a.changeMs, a.offsetBefore, zone)}): ` +
        `${minutesLabel(a.wallMinutes)} on the wall clock but ${minutesLabel(shift.lengthMinutes)} elapsed`,
    );
    const wallEndMs = shift.startMs + a.wallMinutes * minuteMs;
    fixes.push(
      `View in BU zone and check the end: it is paid as the elapsed ${minutesLabel(shift.lengthMinutes)}; if ${minutesLabel(a.wallMinutes)} of work was meant, set the length to ${a.wallMinutes} min (ending ${clockLabel(wallEndMs, zone)})`,
    );
  }
  if (m) {
    facts.push(
      `starts ${clockLabel(shift.startMs, zone)}, ${minutesLabel(Math.abs(m.deltaMinutes))} ${m.deltaMinutes < 0 ? 'before' : 'after'} their usual ${clockLabel(m.usualStartMs, zone)}: moved by exactly the DST change earlier that week`,
    );
    fixes.push(`View in BU zone and correct the offset: start the shift at ${clockLabel(m.usualStartMs, zone)}`);
  }
  return makeFinding('dstShift', [shift.id], {
    severity: 'warning',
    agentId: shift.agentId,
    scheduleId: shift.scheduleId,
    start: isoInstant(shift.startMs),
    end: isoInstant(shift.endMs),
    evidence: {
      shiftIds: [shift.id],
      elapsedMinutes: shift.lengthMinutes,
      wallClockMinutes: a ? a.wallMinutes : shift.lengthMinutes,
      dstChange: a ? isoInstant(a.changeMs) : null,
      startMovedMinutes: m ? m.deltaMinutes : 0,
    },
    explanation: `${name}'s shift ${a ? shiftLabel(shift.startMs, shift.endMs, zone) : `on ${dayLabel(shift.startMs, zone)}`} ${facts.join('; it also ')}`,
    suggestedFix: fixes.join('; '),
  });
}

export function findDstShifts(p: Prepared): Finding[] {
  const findings: Finding[] = [];
  const bu = p.bu;
  // Without a BU zone there is no DST to measure against; the zone finding says so.
  if (!bu) return findings;
  const changes = weeksWithChange(p, bu);
  const t = p.shifts;
  for (let g = 0; g < t.groupAgent.length; g++) {
    const from = t.groupFrom[g] as number;
    const to = t.groupFrom[g + 1] as number;
    for (let k = from; k < to; k++) {
      const i = t.order[k] as number;
      const startMs = t.startMs[i] as number;
      const crosses = bu.offsetMinutes(startMs) !== bu.offsetMinutes(t.endMs[i] as number);
      const weeks = to - from >= 3 ? changes[t.schedule[i] as number] : undefined;
      const firstDay = weeks ? p.scheduleList[t.schedule[i] as number]?.firstDay : null;
      const weekStartMs = weeks && firstDay != null ? changedWeekStart(bu, startMs, weeks, firstDay) : undefined;
      if (!crosses && weekStartMs === undefined) continue;
      // The slow path: only shifts across a change, or after one in the same week, get here.
      const shift = shiftAt(t, i);
      const a = crosses ? across(bu, shift) : null;
      const m = weekStartMs !== undefined ? moved(p, bu, shift, startPattern(p, g), weekStartMs) : null;
      if (a || m) findings.push(dstFinding(p, shift, a, m));
    }
  }
  return findings;
}
