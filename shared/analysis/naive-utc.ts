/**
 * naiveUtcShift: a shift whose start reads, in UTC, exactly the agent's
 * usual local start time, while its real local start is nobody's habit.
 * That is the signature of a local wall-clock time sent without an offset
 * (and so taken as UTC): the shift sits off by exactly the zone's UTC
 * offset. The pattern is the agent's own (MU) clock, which for an MU on the
 * BU zone is the BU offset of the conflict taxonomy.
 */
import { dayLabel, clockLabel, offsetLabel, timeLabel } from './explain';
import { makeFinding } from './finding';
import { agentName, shiftAt, type Prepared, type PreparedShift } from './prepare';
import { isUsualStart, localStart, startPattern } from './pattern';
import { dayMs, isoInstant, minuteMs } from '../time/zone-clock';
import type { Finding } from './types';

function utcMinute(ms: number): number {
  return Math.floor((ms - Math.floor(ms / dayMs) * dayMs) / minuteMs);
}

function naiveFinding(p: Prepared, shift: PreparedShift, offsetMinutes: number, zone: string): Finding {
  const shown = p.display.zone;
  // What the sender meant: the same wall-clock time, in the agent's zone.
  const meantMs = shift.startMs - offsetMinutes * minuteMs;
  const name = agentName(p, shift.agentId);
  return makeFinding('naiveUtcShift', [shift.id], {
    severity: 'warning',
    agentId: shift.agentId,
    scheduleId: shift.scheduleId,
    start: isoInstant(shift.startMs),
    end: isoInstant(shift.endMs),
    evidence: {
      shiftIds: [shift.id],
      storedStart: isoInstant(shift.startMs),
      likelyStart: isoInstant(meantMs),
      offsetMinutes,
      patternTimeZone: zone,
    },
    explanation:
      `${name}'s shift on ${dayLabel(shift.startMs, shown)} starts ${clockLabel(shift.startMs, shown)} instead of their usual ${clockLabel(meantMs, shown)}: ` +
      `${timeLabel(shift.startMs, 'UTC')} is what it reads in UTC, so a local time was probably sent without its offset (off by exactly the ${offsetLabel(offsetMinutes)} offset)`,
    suggestedFix: `View in BU zone and correct the offset: move the shift and its activities to start ${dayLabel(meantMs, shown)} ${clockLabel(meantMs, shown)}`,
  });
}

export function findNaiveUtcShifts(p: Prepared): Finding[] {
  const findings: Finding[] = [];
  const t = p.shifts;
  for (let g = 0; g < t.groupAgent.length; g++) {
    const from = t.groupFrom[g] as number;
    const to = t.groupFrom[g + 1] as number;
    // Two usual shifts and a suspect at the least.
    if (to - from < 3) continue;
    const pattern = startPattern(p, g);
    for (let k = from; k < to; k++) {
      const i = t.order[k] as number;
      const local = localStart(pattern, i);
      if (isUsualStart(pattern, local)) continue;
      const startMs = t.startMs[i] as number;
      const asUtc = utcMinute(startMs);
      if (asUtc === local || !isUsualStart(pattern, asUtc)) continue;
      findings.push(naiveFinding(p, shiftAt(t, i), pattern.clock.offsetMinutes(startMs), pattern.clock.zone));
    }
  }
  return findings;
}
