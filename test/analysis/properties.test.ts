/**
 * Properties over random schedules: input order never matters, neither does
 * the offset the instants are written in; moving a whole schedule to
 * another zone and back changes nothing; shifts are measured in elapsed time.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../shared/analysis/analyze';
import type { AnalysisInput, Finding } from '../../shared/analysis/types';
import { at, baseInput, ofKind, shift, week } from './builders';
import { mapInstants, randomInput, shuffledInput } from './random-schedules';

const seeds = Array.from({ length: 12 }, (_, i) => 100 + i);
const zoneSets = [
  { zone: 'America/Chicago', zones: ['America/Chicago', 'America/Phoenix'] },
  { zone: 'Europe/Berlin', zones: ['Europe/Berlin', 'Europe/London'] },
  { zone: 'Australia/Sydney', zones: ['Australia/Sydney', 'Australia/Brisbane'] },
];

/** The same instants written with another zone's offsets, e.g. 2026-03-09T20:00:00.000+09:00. */
function reExpressed(input: AnalysisInput, zone: string): AnalysisInput {
  return mapInstants(input, (iso) => DateTime.fromISO(iso, { setZone: true }).setZone(zone).toISO() as string);
}

/** A wall-clock move: the same local times, in another zone (as when a BU is set up in the wrong zone). */
function moved(input: AnalysisInput, from: string, to: string): AnalysisInput {
  const move = (iso: string) =>
    DateTime.fromISO(iso, { zone: from }).setZone(to, { keepLocalTime: true }).toUTC().toISO() as string;
  return {
    ...mapInstants(input, move),
    businessUnit: { ...input.businessUnit, timeZone: to },
    managementUnits: input.managementUnits.map((mu) => ({ ...mu, timeZone: mu.timeZone === from ? to : mu.timeZone })),
    viewerTimeZone: input.viewerTimeZone === from ? to : input.viewerTimeZone,
  };
}

const essence = (findings: Finding[]) =>
  findings.map((f) => ({ id: f.id, kind: f.kind, severity: f.severity, agentId: f.agentId, scheduleId: f.scheduleId }));

describe('analysis properties', () => {
  it.each(seeds)('seed %i: shuffling the input changes nothing (same findings, same ids, same order)', (seed) => {
    const set = zoneSets[seed % zoneSets.length] as (typeof zoneSets)[number];
    const input = randomInput({ seed, ...set });
    const findings = analyze(input);
    expect(findings.length).toBeGreaterThan(0);
    expect(analyze(shuffledInput(input, seed * 7))).toEqual(findings);
    expect(analyze(shuffledInput(input, seed * 13))).toEqual(findings);
  });

  it.each(seeds)('seed %i: instants written with another offset give the same findings', (seed) => {
    const set = zoneSets[seed % zoneSets.length] as (typeof zoneSets)[number];
    const input = randomInput({ seed, ...set });
    const findings = analyze(input);
    expect(analyze(reExpressed(input, 'Asia/Tokyo'))).toEqual(findings);
    expect(analyze(reExpressed(input, 'America/St_Johns'))).toEqual(findings);
  });

  it.each(seeds)('seed %i: moving a whole schedule to another zone and back changes nothing', (seed) => {
    // Zones without DST, so every wall-clock time exists once in each and the move is exact.
    const input = randomInput({ seed, zone: 'Asia/Tokyo', zones: ['Asia/Tokyo'] });
    const findings = analyze(input);
    const there = moved(input, 'Asia/Tokyo', 'Asia/Kolkata');
    // Away, the same conflicts (a naive-UTC signature is tied to the zone's offset, so it is left out).
    const notNaive = (list: Finding[]) => essence(list.filter((f) => f.kind !== 'naiveUtcShift'));
    expect(notNaive(analyze(there))).toEqual(notNaive(findings));
    const back = moved(there, 'Asia/Kolkata', 'Asia/Tokyo');
    expect(back).toEqual(input);
    expect(analyze(back)).toEqual(findings);
  });

  it('measures a DST-spanning overnight shift in elapsed time (fall back)', () => {
    // Sat 31 Oct 2026 22:00 CDT + 510 min elapsed = Sun 1 Nov 05:30 CST: 7 h 30 min on the wall clock.
    const night = shift('night', 'maria', 'dst-week', '2026-10-31 22:00', 510);
    const morning = shift('morning', 'maria', 'dst-week', '2026-11-01 06:00', 240);
    const input = baseInput({
      schedules: [{ id: 'dst-week', weekDate: '2026-10-26', weekCount: 1, published: false }],
      shifts: [night, morning],
      now: at('2026-10-20 12:00'),
    });
    const findings = analyze(input);
    // Read as wall-clock 8 h 30 min it would end at 06:30 and overlap the 06:00 shift; in elapsed time it does not.
    expect(ofKind(findings, 'shiftOverlap')).toEqual([]);
    const [dst] = ofKind(findings, 'dstShift');
    expect(dst?.end).toBe('2026-11-01T11:30:00.000Z');
    expect(dst?.evidence).toMatchObject({ elapsedMinutes: 510, wallClockMinutes: 450, shiftIds: ['night'] });
    expect(dst?.explanation).toContain('22:00 CDT–05:30 CST');
    expect(dst?.explanation).toContain('7 h 30 min on the wall clock but 8 h 30 min elapsed');
  });

  it('measures a DST-spanning overnight shift in elapsed time (spring forward)', () => {
    // Sat 7 Mar 2026 22:00 CST + 510 min elapsed = Sun 8 Mar 07:30 CDT: 9 h 30 min on the wall clock.
    const night = shift('night', 'maria', 'published-mar-2', '2026-03-07 22:00', 510);
    const findings = analyze(baseInput({ shifts: [night] }));
    const [dst] = ofKind(findings, 'dstShift');
    expect(dst?.evidence).toMatchObject({ elapsedMinutes: 510, wallClockMinutes: 570 });
    expect(dst?.end).toBe('2026-03-08T12:30:00.000Z');
  });

  it.each(seeds)('seed %i: every DST finding spans exactly the elapsed length of its shift', (seed) => {
    const input = randomInput({ seed, ...(zoneSets[seed % zoneSets.length] as (typeof zoneSets)[number]) });
    const byId = new Map(input.shifts.map((s) => [s.id, s]));
    for (const f of ofKind(analyze(input), 'dstShift')) {
      const s = byId.get((f.evidence.shiftIds as string[])[0] as string);
      expect(Date.parse(f.end as string) - Date.parse(f.start as string)).toBe((s?.lengthMinutes ?? 0) * 60_000);
    }
  });

  it('finds the same overlaps as a brute-force check on random schedules', () => {
    for (const seed of seeds) {
      const input = randomInput({ seed, zone: 'Europe/Berlin', zones: ['Europe/Berlin'] });
      const schedules = new Map(input.schedules.map((s) => [s.id, s]));
      const expected: string[] = [];
      const span = (s: (typeof input.shifts)[number]) =>
        [Date.parse(s.startDate), Date.parse(s.startDate) + s.lengthMinutes * 60_000] as const;
      input.shifts.forEach((a, i) =>
        input.shifts.slice(i + 1).forEach((b) => {
          const [as, ae] = span(a);
          const [bs, be] = span(b);
          // Random weeks do not share days, so cross-schedule pairs count when exactly one side is a draft.
          const sameOrMixed =
            a.scheduleId === b.scheduleId ||
            schedules.get(a.scheduleId)?.published !== schedules.get(b.scheduleId)?.published;
          if (a.agentId === b.agentId && as < be && bs < ae && sameOrMixed)
            expected.push([a.id, b.id].sort().join(' '));
        }),
      );
      const found = ofKind(analyze(input), 'shiftOverlap').map((f) =>
        [...(f.evidence.shiftIds as string[])].sort().join(' '),
      );
      expect(found.sort()).toEqual(expected.sort());
    }
  });

  it('keeps a week of regular shifts free of findings', () => {
    const input = baseInput({
      shifts: [
        ...week('maria', 'published-mar-2', '2026-03-02', '08:00', 480),
        ...week('maria', 'draft-mar-9', '2026-03-09', '08:00', 480),
      ],
    });
    expect(analyze(input)).toEqual([]);
  });
});
