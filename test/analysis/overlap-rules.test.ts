/** Shift, time-off and activity overlaps on hand-built schedules, with the supervisor's wording. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../shared/analysis/analyze';
import { at, baseInput, codes, ofKind, shift } from './builders';

describe('shiftOverlap', () => {
  it('explains two overlapping shifts in BU-local time and names the fix', () => {
    const a = shift('shift-a', 'maria', 'draft-mar-9', '2026-03-09 06:00', 510);
    const b = shift('shift-b', 'maria', 'draft-mar-9', '2026-03-09 07:00', 510);
    const [f, ...rest] = analyze(baseInput({ shifts: [b, a] }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      kind: 'shiftOverlap',
      severity: 'error',
      agentId: 'maria',
      scheduleId: 'draft-mar-9',
      start: at('2026-03-09 07:00'),
      end: at('2026-03-09 14:30'),
    });
    expect(f?.evidence.shiftIds).toEqual(['shift-a', 'shift-b']);
    expect(f?.explanation).toBe(
      'Maria Lopez has two shifts on Mon 9 Mar that overlap 07:00–14:30 CDT (shift A 06:00–14:30, shift B 07:00–15:30)',
    );
    expect(f?.suggestedFix).toBe('Drop one shift, or move shift B to start at 14:30');
  });

  it('compares a draft with the published schedule next to it', () => {
    const sundayNight = shift('sunday-night', 'maria', 'published-mar-2', '2026-03-08 22:00', 600);
    const monday = shift('monday', 'maria', 'draft-mar-9', '2026-03-09 06:00', 480);
    const [f] = analyze(baseInput({ shifts: [sundayNight, monday] }));
    expect(f).toMatchObject({
      kind: 'shiftOverlap',
      scheduleId: 'draft-mar-9',
      start: at('2026-03-09 06:00'),
      end: at('2026-03-09 08:00'),
    });
    expect(f?.explanation).toContain(
      'shift B is in the draft being published, shift A in an already published schedule',
    );
  });

  it('leaves alone published days the draft replaces, two published schedules, and two drafts', () => {
    const schedules = [
      { id: 'published-mar-9', weekDate: '2026-03-09', weekCount: 1, published: true },
      { id: 'draft-mar-9', weekDate: '2026-03-09', weekCount: 1, published: false },
      { id: 'draft-mar-9-b', weekDate: '2026-03-09', weekCount: 1, published: false },
      { id: 'published-mar-2', weekDate: '2026-03-02', weekCount: 2, published: true },
    ];
    const shifts = [
      shift('live', 'maria', 'published-mar-9', '2026-03-10 08:00', 480),
      shift('replacement', 'maria', 'draft-mar-9', '2026-03-10 08:00', 480),
      shift('other-draft', 'maria', 'draft-mar-9-b', '2026-03-10 09:00', 480),
      shift('also-live', 'maria', 'published-mar-2', '2026-03-10 10:00', 480),
    ];
    // Drafts never go live together, published days under a draft are replaced, and two published schedules are already live.
    const overlaps = ofKind(analyze(baseInput({ schedules, shifts })), 'shiftOverlap');
    expect(overlaps.map((f) => f.evidence.shiftIds)).toEqual([]);
  });

  it('does not count shifts that only touch', () => {
    const shifts = [
      shift('early', 'maria', 'draft-mar-9', '2026-03-09 06:00', 240),
      shift('late', 'maria', 'draft-mar-9', '2026-03-09 10:00', 240),
    ];
    expect(analyze(baseInput({ shifts }))).toEqual([]);
  });
});

describe('timeOffOverlap', () => {
  it('resolves a full-day marker from BU midnight in elapsed minutes, DST included', () => {
    // Sun 8 Mar 2026 (spring forward): midnight CST + 480 min elapsed = 09:00 CDT on the wall clock.
    const marker = {
      agentId: 'maria',
      scheduleId: 'published-mar-2',
      businessUnitDate: '2026-03-08',
      startOffsetMinutes: 480,
      lengthMinutes: 60,
    };
    const before = shift('before', 'maria', 'published-mar-2', '2026-03-08 08:00', 60);
    const during = shift('during', 'sam', 'published-mar-2', '2026-03-08 09:30', 60);
    const input = baseInput({ shifts: [before, during], fullDayTimeOff: [marker, { ...marker, agentId: 'sam' }] });
    const [f, ...rest] = analyze(input);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      kind: 'timeOffOverlap',
      agentId: 'sam',
      start: at('2026-03-08 09:30'),
      end: at('2026-03-08 10:00'),
    });
    expect(f?.explanation).toBe(
      'Sam Okafor has a shift on Sun 8 Mar 09:30–10:30 CDT during approved time off (full-day time off Sun 8 Mar 09:00–10:00 CDT); they overlap 09:30–10:00 CDT',
    );
    expect(f?.suggestedFix).toBe('Drop or move the shift, or cancel the time off if Sam Okafor is working that day');
  });

  it('counts approved partial-day requests, not pending or denied ones, and a request with its marker once', () => {
    const request = {
      id: 'r1',
      agentId: 'maria',
      status: 'APPROVED',
      isFullDay: false,
      fullDayDates: [],
      partialStarts: [at('2026-03-10 12:00')],
      dailyDurationMinutes: 120,
    };
    const full = {
      id: 'r2',
      agentId: 'maria',
      status: 'APPROVED',
      isFullDay: true,
      fullDayDates: ['2026-03-11'],
      partialStarts: [],
      dailyDurationMinutes: 480,
    };
    const marker = {
      agentId: 'maria',
      scheduleId: 'draft-mar-9',
      businessUnitDate: '2026-03-11',
      startOffsetMinutes: 480,
      lengthMinutes: 480,
    };
    const shifts = [
      shift('tue', 'maria', 'draft-mar-9', '2026-03-10 08:00', 480),
      shift('wed', 'maria', 'draft-mar-9', '2026-03-11 08:00', 480),
      shift('thu', 'sam', 'draft-mar-9', '2026-03-12 08:00', 480),
    ];
    const pending = {
      ...request,
      id: 'r3',
      agentId: 'sam',
      status: 'PENDING',
      partialStarts: [at('2026-03-12 09:00')],
    };
    const findings = ofKind(
      analyze(baseInput({ shifts, timeOffRequests: [request, full, pending], fullDayTimeOff: [marker] })),
      'timeOffOverlap',
    );
    expect(findings.map((f) => f.evidence.shiftIds)).toEqual([['tue'], ['wed']]);
    expect((findings[1]?.evidence.timeOff as unknown[]).length).toBe(2);
  });

  it('reads full-day requests on the MU clock', () => {
    const input = baseInput({
      managementUnits: [{ id: 'mu-1', name: 'Phoenix Back Office', timeZone: 'America/Phoenix' }],
      // 01:30–02:00 CDT on Tue 10 Mar is still Mon 9 Mar 23:30–24:00 in Phoenix: outside a Phoenix Tuesday off.
      shifts: [
        shift('late', 'maria', 'draft-mar-9', '2026-03-10 01:30', 30),
        shift('tue', 'sam', 'draft-mar-9', '2026-03-10 03:30', 60),
      ],
      timeOffRequests: ['maria', 'sam'].map((agentId) => ({
        id: `off-${agentId}`,
        agentId,
        status: 'APPROVED',
        isFullDay: true,
        fullDayDates: ['2026-03-10'],
        partialStarts: [],
        dailyDurationMinutes: 480,
      })),
    });
    const findings = ofKind(analyze(input), 'timeOffOverlap');
    expect(findings.map((f) => f.agentId)).toEqual(['sam']);
    expect(findings[0]?.explanation).toContain('a full-day request for Tue 10 Mar (America/Phoenix day)');
  });
});

describe('activityOverlap', () => {
  it('finds a break inside the meal and an activity outside its shift', () => {
    const s = shift('s', 'maria', 'draft-mar-9', '2026-03-09 08:00', 480);
    s.activities = [
      { startDate: at('2026-03-09 08:00'), lengthMinutes: 240, activityCodeId: codes.onQueue },
      { startDate: at('2026-03-09 12:00'), lengthMinutes: 30, activityCodeId: codes.meal },
      { startDate: at('2026-03-09 12:05'), lengthMinutes: 15, activityCodeId: codes.break },
      { startDate: at('2026-03-09 12:30'), lengthMinutes: 240, activityCodeId: codes.onQueue },
    ];
    const [f, ...rest] = analyze(baseInput({ shifts: [s] }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      kind: 'activityOverlap',
      severity: 'error',
      start: at('2026-03-09 12:00'),
      end: at('2026-03-09 16:30'),
    });
    expect(f?.explanation).toBe(
      "Maria Lopez's shift on Mon 9 Mar 08:00–16:00 CDT has activities that clash: Break 12:05–12:20 inside Meal 12:00–12:30; On Queue 12:30–16:30 runs outside the shift",
    );
    expect(f?.suggestedFix).toBe('Move Break to start at 12:30, or remove it');
  });
});
