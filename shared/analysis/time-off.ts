/**
 * timeOffOverlap: a shift over approved time off. Three sources, each
 * resolved in the zone it is written in: full-day markers (a BU-local date
 * plus elapsed minutes from that BU midnight, DST included), full-day
 * requests (whole MU-local days) and partial-day requests (instants). One
 * finding per shift, so a request and its marker count once.
 */
import { badInputFinding, isLength, shown } from './bad-input';
import { dayLabel, shiftLabel, spanLabel } from './explain';
import { makeFinding } from './finding';
import { agentClock, agentName, agentShifts, list, type Prepared, type PreparedShift } from './prepare';
import { byStart, forEachIntersecting, intersection, type Span } from './sweep';
import { isoDate, isoInstant, minuteMs, parseDate, parseInstant } from '../time/zone-clock';
import type { Finding, FullDayTimeOffInput, TimeOffRequestInput } from './types';

type Source = 'fullDayMarker' | 'fullDayRequest' | 'partialDayRequest';

interface TimeOffSpan extends Span {
  id: string;
  source: Source;
  /** Markers live in one schedule and are compared with its shifts only. */
  scheduleId: string | null;
  requestId: string | null;
  date: string | null;
  zone: string;
}

type Item = { shift: PreparedShift; off?: undefined } | { off: TimeOffSpan; shift?: undefined };
type Entry = Span & { id: string; item: Item };

function markerSpans(p: Prepared, markers: FullDayTimeOffInput[], out: Finding[]): TimeOffSpan[] {
  const spans: TimeOffSpan[] = [];
  // Without a BU zone a BU-local date has no instant; the zone finding says the check was skipped.
  if (!p.bu) return spans;
  for (const m of markers) {
    const day = parseDate(m.businessUnitDate);
    const offsetOk = m.startOffsetMinutes === 0 || isLength(m.startOffsetMinutes);
    if (day === null || !offsetOk || !isLength(m.lengthMinutes)) {
      out.push(
        badInputFinding(
          'timeOffOverlap',
          [
            'marker',
            String(m.agentId),
            String(m.scheduleId),
            String(m.businessUnitDate),
            String(m.startOffsetMinutes),
            String(m.lengthMinutes),
          ],
          {
            agentId: m.agentId,
            scheduleId: m.scheduleId,
            problem: `Full-day time off of ${agentName(p, m.agentId)} is unreadable (date ${shown(m.businessUnitDate)}, start offset ${shown(m.startOffsetMinutes)} min, length ${shown(m.lengthMinutes)} min): shifts were not checked against it`,
            fix: 'Re-enter the time off in the schedule editor, then run the analysis again',
            evidence: {
              businessUnitDate: m.businessUnitDate,
              startOffsetMinutes: m.startOffsetMinutes,
              lengthMinutes: m.lengthMinutes,
            },
          },
        ),
      );
      continue;
    }
    const startMs = p.bu.dayStart(day) + m.startOffsetMinutes * minuteMs;
    const id = `marker ${m.scheduleId} ${m.businessUnitDate} ${startMs}`;
    spans.push({
      id,
      startMs,
      endMs: startMs + m.lengthMinutes * minuteMs,
      source: 'fullDayMarker',
      scheduleId: m.scheduleId,
      requestId: null,
      date: m.businessUnitDate,
      zone: p.bu.zone,
    });
  }
  return spans;
}

function requestSpans(p: Prepared, r: TimeOffRequestInput, out: Finding[]): TimeOffSpan[] {
  const clock = agentClock(p, r.agentId);
  const spans: TimeOffSpan[] = [];
  const bad: string[] = [];
  const base = { scheduleId: null, requestId: r.id, zone: clock.zone };
  if (r.isFullDay) {
    for (const date of Array.isArray(r.fullDayDates) ? r.fullDayDates : []) {
      const day = parseDate(date);
      if (day === null) bad.push(`date ${shown(date)}`);
      else
        spans.push({
          ...base,
          id: `request ${r.id} ${date}`,
          startMs: clock.dayStart(day),
          endMs: clock.dayStart(day + 1),
          source: 'fullDayRequest',
          date,
        });
    }
  } else {
    if (!isLength(r.dailyDurationMinutes)) bad.push(`daily duration ${shown(r.dailyDurationMinutes)} min`);
    for (const start of Array.isArray(r.partialStarts) ? r.partialStarts : []) {
      const startMs = parseInstant(start);
      if (startMs === null) bad.push(`start ${shown(start)}`);
      else if (isLength(r.dailyDurationMinutes))
        spans.push({
          ...base,
          id: `request ${r.id} ${startMs}`,
          startMs,
          endMs: startMs + r.dailyDurationMinutes * minuteMs,
          source: 'partialDayRequest',
          date: isoDate(clock.localDay(startMs)),
        });
    }
  }
  if (bad.length > 0) {
    out.push(
      badInputFinding('timeOffOverlap', ['request', String(r.id)], {
        agentId: r.agentId,
        problem: `Approved time-off request ${shown(r.id)} of ${agentName(p, r.agentId)} has an unreadable ${bad.join(', ')}: those days were not checked against shifts`,
        fix: 'Open the request in Genesys Cloud and correct it, then re-sync',
        evidence: { requestId: r.id, unreadable: bad },
      }),
    );
  }
  return spans;
}

function describe(off: TimeOffSpan, buZone: string): string {
  if (off.source === 'fullDayMarker') return `full-day time off ${shiftLabel(off.startMs, off.endMs, buZone)}`;
  if (off.source === 'partialDayRequest') return `partial-day time off ${shiftLabel(off.startMs, off.endMs, buZone)}`;
  const own = off.zone === buZone ? '' : ` (${off.zone} day)`;
  return `a full-day request for ${dayLabel(off.startMs, off.zone)}${own}`;
}

function overlapFinding(p: Prepared, shift: PreparedShift, offs: TimeOffSpan[]): Finding {
  const zone = p.display.zone;
  const parts = offs.map((off) => intersection(shift, off));
  const startMs = Math.min(...parts.map((s) => s.startMs));
  const endMs = Math.max(...parts.map((s) => s.endMs));
  const name = agentName(p, shift.agentId);
  const what = [...new Set(offs.map((off) => describe(off, zone)))].join('; ');
  return makeFinding('timeOffOverlap', [shift.id], {
    severity: 'error',
    agentId: shift.agentId,
    scheduleId: shift.scheduleId,
    start: isoInstant(startMs),
    end: isoInstant(endMs),
    evidence: {
      shiftIds: [shift.id],
      overlapMinutes: (endMs - startMs) / minuteMs,
      timeOff: offs.map((o) => ({
        source: o.source,
        requestId: o.requestId,
        scheduleId: o.scheduleId,
        date: o.date,
        start: isoInstant(o.startMs),
        end: isoInstant(o.endMs),
      })),
    },
    explanation: `${name} has a shift on ${shiftLabel(shift.startMs, shift.endMs, zone)} during approved time off (${what}); they overlap ${spanLabel(startMs, endMs, zone)}`,
    suggestedFix: `Drop or move the shift, or cancel the time off if ${name} is working that day`,
  });
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  const own = map.get(key);
  if (own) own.push(...values);
  else map.set(key, values);
}

export function findTimeOffOverlaps(p: Prepared): Finding[] {
  const findings: Finding[] = [];
  const byAgent = new Map<string, TimeOffSpan[]>();
  const add = (agentId: string, spans: TimeOffSpan[]) => {
    if (spans.length > 0) pushTo(byAgent, agentId, ...spans);
  };
  const markers = new Map<string, FullDayTimeOffInput[]>();
  for (const m of list(p.input.fullDayTimeOff)) pushTo(markers, m.agentId, m);
  for (const [agentId, own] of markers) add(agentId, markerSpans(p, own, findings));
  for (const r of list(p.input.timeOffRequests)) {
    if (String(r.status).toUpperCase() === 'APPROVED') add(r.agentId, requestSpans(p, r, findings));
  }

  for (const [agentId, offs] of byAgent) {
    const entries: Entry[] = [
      ...agentShifts(p.shifts, agentId).map((shift) => ({
        id: shift.id,
        startMs: shift.startMs,
        endMs: shift.endMs,
        item: { shift },
      })),
      ...offs.map((off) => ({ id: off.id, startMs: off.startMs, endMs: off.endMs, item: { off } })),
    ].sort(byStart);
    const hits = new Map<PreparedShift, TimeOffSpan[]>();
    forEachIntersecting(entries, (a, b) => {
      const shift = a.item.shift ?? b.item.shift;
      const off = a.item.off ?? b.item.off;
      if (!shift || !off || (off.scheduleId !== null && off.scheduleId !== shift.scheduleId)) return;
      pushTo(hits, shift, off);
    });
    for (const [shift, own] of hits) findings.push(overlapFinding(p, shift, own));
  }
  return findings;
}
