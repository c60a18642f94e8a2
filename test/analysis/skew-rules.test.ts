/** Timezone skew (naive UTC, DST, zone mismatch) and script sessions on hand-built schedules. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../shared/analysis/analyze';
import { at, baseInput, ofKind, shift, week } from './builders';

const habit = [
  ...week('maria', 'published-mar-2', '2026-03-02', '08:00', 480),
  ...week('maria', 'draft-mar-9', '2026-03-09', '08:00', 480),
];

describe('naiveUtcShift', () => {
  it('flags a shift whose UTC time is the agent usual local start', () => {
    // 08:00 sent without an offset and read as UTC: 08:00Z is 03:00 CDT.
    const naive = { ...shift('naive', 'maria', 'draft-mar-9', '2026-03-13 03:00', 480) };
    const shifts = habit.filter((s) => s.id !== 'maria-2026-03-13').concat(naive);
    const [f, ...rest] = analyze(baseInput({ shifts }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      kind: 'naiveUtcShift',
      severity: 'warning',
      agentId: 'maria',
      evidence: { shiftIds: ['naive'], offsetMinutes: -300 },
    });
    expect(f?.explanation).toBe(
      "Maria Lopez's shift on Fri 13 Mar starts 03:00 CDT instead of their usual 08:00 CDT: 08:00 is what it reads in UTC, so a local time was probably sent without its offset (off by exactly the UTC−5 offset)",
    );
    expect(f?.suggestedFix).toBe(
      'View in BU zone and correct the offset: move the shift and its activities to start Fri 13 Mar 08:00 CDT',
    );
  });

  it('leaves split shifts alone even when one start reads as the other in UTC', () => {
    // Phoenix split shifts at 07:00 and 13:00 MST: 07:00 MST is 14:00 UTC, which is 14:00 CST on the BU clock.
    const zone = 'America/Phoenix';
    const input = baseInput({
      managementUnits: [{ id: 'mu-1', name: 'Phoenix Back Office', timeZone: zone }],
      shifts: [
        ...week('maria', 'published-mar-2', '2026-03-02', '07:00', 240, zone),
        ...week('maria', 'published-mar-2', '2026-03-02', '13:00', 240, zone).map((s) => ({ ...s, id: `${s.id}-pm` })),
      ],
    });
    expect(analyze(input).map((f) => f.kind)).toEqual(['zoneMismatch']);
  });
});

describe('dstShift', () => {
  it('flags a start moved by exactly the DST change within the week', () => {
    // A week starting Sun 8 Mar (before the 02:00 change): the week was computed at CST, so 08:00 became 09:00 CDT.
    const schedules = [
      { id: 'habit', weekDate: '2026-03-01', weekCount: 1, published: true },
      { id: 'dst-week', weekDate: '2026-03-08', weekCount: 1, published: false },
    ];
    const shifts = [
      ...week('maria', 'habit', '2026-03-02', '08:00', 480).map((s) => ({ ...s, scheduleId: 'habit' })),
      ...week('maria', 'dst-week', '2026-03-09', '08:00', 480).slice(0, 4),
      shift('stale', 'maria', 'dst-week', '2026-03-13 09:00', 480),
    ];
    const [f, ...rest] = analyze(baseInput({ schedules, shifts }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      kind: 'dstShift',
      severity: 'warning',
      evidence: { shiftIds: ['stale'], startMovedMinutes: 60 },
    });
    expect(f?.explanation).toBe(
      "Maria Lopez's shift on Fri 13 Mar starts 09:00 CDT, 1 h after their usual 08:00 CDT: moved by exactly the DST change earlier that week",
    );
    expect(f?.suggestedFix).toBe('View in BU zone and correct the offset: start the shift at 08:00 CDT');
  });
});

describe('zoneMismatch', () => {
  it('reports an MU on another zone as info, and treats zone aliases as the same zone', () => {
    const input = baseInput({
      managementUnits: [
        { id: 'mu-1', name: 'Chicago Voice', timeZone: 'US/Central' },
        { id: 'mu-2', name: 'Phoenix Back Office', timeZone: 'America/Phoenix' },
      ],
    });
    const [f, ...rest] = analyze(input);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      kind: 'zoneMismatch',
      severity: 'info',
      agentId: null,
      evidence: { managementUnitId: 'mu-2', offsetGapMinutes: 60 },
    });
    expect(f?.explanation).toBe(
      "Management unit Phoenix Back Office is on America/Phoenix (MST, UTC−7) while the business unit is on America/Chicago (CST, UTC−6): its agents' times read 1 h later on the BU clock than on their own, and the gap can change with DST",
    );
  });

  it('adds the viewer’s own time to the evidence when their zone differs from the BU', () => {
    const shifts = [
      shift('a', 'maria', 'draft-mar-9', '2026-03-09 06:00', 480),
      shift('b', 'maria', 'draft-mar-9', '2026-03-09 07:00', 480),
    ];
    const [f] = analyze(baseInput({ shifts, viewerTimeZone: 'Europe/London' }));
    expect(f?.evidence.viewerStart).toBe('Mon 9 Mar 12:00 GMT');
  });
});

describe('scriptSession', () => {
  const now = at('2026-03-09 09:00');
  const session = { agentId: 'maria', conversationId: 'conv-1', start: at('2026-03-09 08:40'), end: null };
  const run = (start: string, extra: Partial<Parameters<typeof baseInput>[0]> = {}) =>
    ofKind(
      analyze(
        baseInput({
          now,
          shifts: [shift('changed', 'maria', 'draft-mar-9', start, 240)],
          scriptSessions: [session],
          ...extra,
        }),
      ),
      'scriptSession',
    );

  it.each([
    ['running now', '2026-03-09 08:00', 'error'],
    ['starting within 2 h', '2026-03-09 10:30', 'error'],
    ['starting within 24 h', '2026-03-10 06:00', 'warning'],
    ['starting later', '2026-03-12 08:00', 'info'],
  ])('rises with the nearness of the changed shift: %s', (_label, start, severity) => {
    const [f] = run(start);
    expect(f).toMatchObject({
      kind: 'scriptSession',
      severity,
      agentId: 'maria',
      scheduleId: 'draft-mar-9',
      evidence: { conversationIds: ['conv-1'], shiftIds: ['changed'] },
    });
    expect(f?.suggestedFix).toBe('Hold Maria Lopez back from this publish or publish anyway');
  });

  it('explains the session and the shift', () => {
    expect(run('2026-03-09 10:30')[0]?.explanation).toBe(
      'Maria Lopez is in a scripted conversation right now (since 08:40 CDT) and one of their shifts changes in this publish; the nearest is Mon 9 Mar 10:30–14:30 CDT, starting in 1 h 30 min',
    );
  });

  it('ignores ended or future sessions and agents whose shifts do not change', () => {
    expect(run('2026-03-09 10:30', { scriptSessions: [{ ...session, end: at('2026-03-09 08:50') }] })).toEqual([]);
    expect(run('2026-03-09 10:30', { scriptSessions: [{ ...session, start: at('2026-03-09 09:30') }] })).toEqual([]);
    expect(run('2026-03-09 10:30', { changedShiftIds: [] })).toEqual([]);
    expect(run('2026-03-09 10:30', { changedShiftIds: ['changed'] })).toHaveLength(1);
  });
});
