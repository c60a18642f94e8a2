/** Bad input gives error findings of the closest kind, never an exception, and the rest is still checked. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../main/sandbox/random';
import { analyze } from '../../shared/analysis/analyze';
import { findingKinds, type AnalysisInput, type Finding } from '../../shared/analysis/types';
import { at, baseInput, codes, shift } from './builders';
import { randomInput } from './random-schedules';

const overlapping = [
  shift('a', 'maria', 'draft-mar-9', '2026-03-09 06:00', 480),
  shift('b', 'maria', 'draft-mar-9', '2026-03-09 07:00', 480),
];

function errors(input: AnalysisInput, kind: Finding['kind']): Finding[] {
  return analyze(input).filter((f) => f.kind === kind && f.severity === 'error' && f.evidence.invalidInput === true);
}

describe('bad input', () => {
  it('an unknown BU zone is a zoneMismatch error; overlaps are still found, shown in UTC', () => {
    const findings = analyze(
      baseInput({ businessUnit: { id: 'bu-1', timeZone: 'Mars/Olympus_Mons' }, shifts: overlapping }),
    );
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([
      ['shiftOverlap', 'error'],
      ['zoneMismatch', 'error'],
    ]);
    expect(findings[0]?.explanation).toContain('12:00–19:00 UTC');
    expect(findings[1]?.explanation).toContain('"Mars/Olympus_Mons" is not a known time zone');
  });

  it('unknown MU and viewer zones are zoneMismatch errors', () => {
    const input = baseInput({
      managementUnits: [{ id: 'mu-1', name: 'Chicago Voice', timeZone: 'Chicago' }],
      viewerTimeZone: '',
    });
    const texts = errors(input, 'zoneMismatch').map((f) => f.explanation);
    expect(texts).toHaveLength(2);
    expect(
      texts.some((t) =>
        t.startsWith('Management unit Chicago Voice has the time zone "Chicago", which is not a known time zone'),
      ),
    ).toBe(true);
    expect(texts.some((t) => t.startsWith('Your computer\'s time zone "" is not a known time zone'))).toBe(true);
  });

  it.each([
    ['a negative length', 'shiftOverlap', { lengthMinutes: -30 }, 'has a length of -30 minutes'],
    [
      'a start without an offset',
      'naiveUtcShift',
      { startDate: '2026-03-09T08:00:00' },
      'a time without an offset that Genesys would read as UTC',
    ],
    ['an impossible date', 'shiftOverlap', { startDate: '2026-02-30T08:00:00Z' }, 'has an unreadable start'],
    ['an unknown schedule', 'shiftOverlap', { scheduleId: 'nope' }, 'belongs to no known schedule'],
    ['no agent', 'shiftOverlap', { agentId: '' }, 'has no agent'],
  ] as const)('a shift with %s is a %s error and left out of the checks', (_label, kind, change, words) => {
    const [bad] = errors(
      baseInput({ shifts: [{ ...shift('bad', 'maria', 'draft-mar-9', '2026-03-09 06:00', 480), ...change }] }),
      kind,
    );
    expect(bad?.explanation).toContain(words);
    expect(bad?.evidence.shiftIds).toEqual(['bad']);
  });

  it('unknown activity codes and broken activities are activityOverlap errors', () => {
    const s = shift('s', 'maria', 'draft-mar-9', '2026-03-09 08:00', 480);
    s.activities = [
      { startDate: at('2026-03-09 08:00'), lengthMinutes: 240, activityCodeId: 'code-nobody-knows' },
      { startDate: 'noon', lengthMinutes: 30, activityCodeId: codes.meal },
      { startDate: at('2026-03-09 12:30'), lengthMinutes: -210, activityCodeId: codes.onQueue },
    ];
    const [f, ...rest] = errors(baseInput({ shifts: [s] }), 'activityOverlap');
    expect(rest).toEqual([]);
    expect(f?.explanation).toContain('uses an unknown activity code "code-nobody-knows"');
    expect(f?.explanation).toContain('an activity has an unreadable start "noon"');
    expect(f?.explanation).toContain('On Queue at 12:30 has a length of -210 min');
  });

  it('broken time off is a timeOffOverlap error', () => {
    const input = baseInput({
      fullDayTimeOff: [
        {
          agentId: 'maria',
          scheduleId: 'draft-mar-9',
          businessUnitDate: '09/03/2026',
          startOffsetMinutes: 0,
          lengthMinutes: 480,
        },
      ],
      timeOffRequests: [
        {
          id: 'r1',
          agentId: 'sam',
          status: 'APPROVED',
          isFullDay: false,
          fullDayDates: [],
          partialStarts: ['tomorrow'],
          dailyDurationMinutes: -60,
        },
      ],
    });
    expect(
      errors(input, 'timeOffOverlap')
        .map((f) => f.agentId)
        .sort(),
    ).toEqual(['maria', 'sam']);
  });

  it('a session ending before it starts, and an unreadable "now", are scriptSession errors', () => {
    const scriptSessions = [
      { agentId: 'maria', conversationId: 'c1', start: at('2026-03-09 09:00'), end: at('2026-03-09 08:00') },
    ];
    expect(errors(baseInput({ scriptSessions }), 'scriptSession')).toHaveLength(1);
    expect(errors(baseInput({ now: 'now' }), 'scriptSession')[0]?.explanation).toContain('unreadable "now"');
  });

  it('an unreadable schedule week is reported', () => {
    const schedules = [{ id: 'draft-mar-9', weekDate: 'next week', weekCount: 0, published: false }];
    expect(errors(baseInput({ schedules }), 'shiftOverlap')[0]?.scheduleId).toBe('draft-mar-9');
  });

  it('a shift listed twice is reported once, not as a double booking', () => {
    const [f, ...rest] = analyze(baseInput({ shifts: [overlapping[0], overlapping[0]] as AnalysisInput['shifts'] }));
    expect(rest).toEqual([]);
    expect(f?.explanation).toContain('is listed twice');
  });

  it('survives missing lists, nulls and wrong types without an exception', () => {
    const junk = {
      businessUnit: null,
      viewerTimeZone: 42,
      shifts: [null, 7, { id: 'x', activities: 'none' }],
      agents: 'all',
    } as unknown as AnalysisInput;
    const findings = analyze(junk);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    expect(findings.map((f) => f.kind)).toContain('zoneMismatch');
  });

  it('never throws on randomly corrupted schedules, and every finding keeps its shape', () => {
    const values: unknown[] = [null, undefined, -1, 0, Number.NaN, '', 'garbage', '2026-13-01T00:00:00Z', {}, [], 1e12];
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRng(seed);
      const input = randomInput({
        seed,
        zone: 'America/Chicago',
        zones: ['America/Chicago', 'America/Phoenix'],
        agents: 6,
      }) as unknown as Record<string, unknown>;
      for (let n = 0; n < 12; n++) {
        const list = input[
          rng.pick(['shifts', 'fullDayTimeOff', 'timeOffRequests', 'scriptSessions', 'schedules', 'agents'])
        ] as Array<Record<string, unknown>>;
        const target = list.length ? rng.pick(list) : null;
        if (target) target[rng.pick(Object.keys(target))] = rng.pick(values);
      }
      const findings = analyze(input as unknown as AnalysisInput);
      for (const f of findings) {
        expect(findingKinds).toContain(f.kind);
        expect(typeof f.explanation).toBe('string');
        expect(f.id).toMatch(new RegExp(`^${f.kind}:[0-9a-f]{14}$`));
      }
    }
  });
});
