/**
 * Each one-click fix on a planted week removes its finding and creates none:
 * every option a finding offers is previewed through the analysis of that
 * agent, as the fix button would show it before it is applied.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisInput, Finding, FindingKind } from '../analysis/types';
import type { AgentWeek } from '../publish/agent-week';
import { analysedWeek } from './analysed-week';
import type { EditContext } from './context';
import { fixFor, fixOptions } from './fixes';
import { at, codes, ctx, draftId, plantedInput, shift, workWeek } from './fixtures';
import { previewIntent } from './preview';

function planted(week: AgentWeek, kind: FindingKind, extra: Partial<AnalysisInput> = {}) {
  const input = plantedInput({ ana: week }, extra);
  const analysis = analysedWeek(input);
  const finding = analysis.findings.find((f) => f.kind === kind);
  if (!finding) throw new Error(`no ${kind} planted: ${analysis.findings.map((f) => f.kind).join()}`);
  return { analysis, finding };
}

/** Every option: the finding goes, nothing new comes. Returns the labels, default first. */
function everyOptionFixes(
  week: AgentWeek,
  finding: Finding,
  analysis: ReturnType<typeof analysedWeek>,
  own: EditContext = ctx,
) {
  const options = fixOptions(finding, week, own);
  expect(options.length).toBeGreaterThan(0);
  for (const option of options) {
    const preview = previewIntent(week, option.intent, own, { analysis, agentId: 'ana', scheduleId: draftId });
    if (!preview.ok) throw new Error(`${option.label}: ${preview.problems.join('; ')}`);
    expect(
      preview.removed.map((f) => f.id),
      option.label,
    ).toContain(finding.id);
    expect(preview.added, option.label).toEqual([]);
  }
  return options.map((o) => o.label);
}

const withShift = (extra: ReturnType<typeof shift>): AgentWeek => ({
  ...workWeek(),
  shifts: [...workWeek().shifts, extra],
});

describe('one-click fixes', () => {
  it('shiftOverlap: trim the later shift to start at the earlier one’s end (default), or drop either', () => {
    const week = withShift(shift('late', '2026-12-08 14:00', 480));
    const { analysis, finding } = planted(week, 'shiftOverlap');
    expect(everyOptionFixes(week, finding, analysis)).toEqual([
      'Trim shift Tue 8 Dec: 14:00–22:00 → 16:30–22:00 CST',
      'Drop Tue 8 Dec 14:00–22:00 CST shift',
      'Drop Tue 8 Dec 08:00–16:30 CST shift',
    ]);
  });

  it('shiftOverlap with a shift inside the other: only the drops are offered', () => {
    const week = withShift(shift('inside', '2026-12-08 09:00', 300));
    const { analysis, finding } = planted(week, 'shiftOverlap');
    expect(everyOptionFixes(week, finding, analysis)[0]).toBe('Drop Tue 8 Dec 09:00–14:00 CST shift');
  });

  it('naiveUtcShift: moves the shift back by the zone offset', () => {
    const week = {
      ...workWeek(),
      shifts: workWeek().shifts.map((s) => (s.id === 'day-3' ? shift('day-3', '2026-12-09 02:00', 510) : s)),
    };
    const { analysis, finding } = planted(week, 'naiveUtcShift');
    expect(everyOptionFixes(week, finding, analysis)).toEqual(['Move shift Wed 9 Dec: 02:00–10:30 → 08:00–16:30 CST']);
  });

  it('dstShift: re-places a start moved by the DST change at its wall-clock time', () => {
    const week: AgentWeek = {
      shifts: [
        shift('fri', '2026-03-06 08:00', 510),
        shift('sat', '2026-03-07 08:00', 510),
        shift('mon', '2026-03-09 08:00', 510),
        shift('tue', '2026-03-10 08:00', 510),
        shift('wed', '2026-03-11 09:00', 510),
      ],
      fullDayTimeOffMarkers: [],
    };
    const { analysis, finding } = planted(week, 'dstShift', {
      schedules: [{ id: draftId, weekDate: '2026-03-06', weekCount: 1, published: false }],
    });
    expect(finding.evidence.startMovedMinutes).toBe(60);
    expect(everyOptionFixes(week, finding, analysis)).toEqual(['Move shift Wed 11 Mar: 09:00–17:30 → 08:00–16:30 CDT']);
  });

  it('timeOffOverlap under a full day off: drop the shift', () => {
    const week: AgentWeek = {
      ...workWeek(),
      fullDayTimeOffMarkers: [
        { businessUnitDate: '2026-12-10', startOffsetMinutes: 0, lengthMinutes: 1440, activityCodeId: codes.vacation },
      ],
    };
    const { analysis, finding } = planted(week, 'timeOffOverlap');
    expect(everyOptionFixes(week, finding, analysis)).toEqual(['Drop Thu 10 Dec 08:00–16:30 CST shift']);
  });

  it('timeOffOverlap with a partial day off: trim the shift to what is left (default), or drop it', () => {
    const week = workWeek();
    const request = {
      id: 'req-1',
      agentId: 'ana',
      status: 'APPROVED',
      isFullDay: false,
      fullDayDates: [],
      partialStarts: [at('2026-12-08 14:00')],
      dailyDurationMinutes: 150,
    };
    const { analysis, finding } = planted(week, 'timeOffOverlap', { timeOffRequests: [request] });
    expect(everyOptionFixes(week, finding, analysis)).toEqual([
      'Trim shift Tue 8 Dec: 08:00–16:30 → 08:00–14:00 CST',
      'Drop Tue 8 Dec 08:00–16:30 CST shift',
    ]);
  });

  it('activityOverlap: keep the inner break and cut on-queue work around it (default), or remove it; a move onto the meal is not offered', () => {
    const day = shift('day-1', '2026-12-07 08:00', 510);
    const clashing = {
      ...day,
      activities: [
        ...day.activities,
        { startDate: at('2026-12-07 11:00'), lengthMinutes: 15, activityCodeId: codes.break },
      ],
    };
    const week = { ...workWeek(), shifts: [clashing, ...workWeek().shifts.slice(1)] };
    const { analysis, finding } = planted(week, 'activityOverlap');
    expect(everyOptionFixes(week, finding, analysis)).toEqual([
      'Keep Break 11:00–11:15 and cut On Queue around it',
      'Remove Break Mon 7 Dec 11:00–11:15 CST',
    ]);
  });

  it('activityOverlap: move the inner activity to start where the other ends, when there is room', () => {
    const day = shift('day-1', '2026-12-07 08:00', 510, [
      [codes.onQueue, 0, 120],
      [codes.meeting, 60, 30],
      [codes.onQueue, 120, 390],
    ]);
    const week = { ...workWeek(), shifts: [day, ...workWeek().shifts.slice(1)] };
    const { analysis, finding } = planted(week, 'activityOverlap');
    expect(everyOptionFixes(week, finding, analysis)).toContain(
      'Move Team Meeting Mon 7 Dec: 09:00–09:30 → 10:00–10:30 CST',
    );
  });

  it('scriptSession: hold the agent back, and offer nothing when the published week is not known', () => {
    const week = workWeek();
    const session = { agentId: 'ana', conversationId: 'conv-1', start: at('2026-12-07 07:00'), end: null };
    const { analysis, finding } = planted(week, 'scriptSession', {
      scriptSessions: [session],
      now: at('2026-12-07 07:30'),
    });
    const own = { ...ctx, agentName: 'Ana Ruiz', publishedWeek: workWeek() };
    expect(everyOptionFixes(week, finding, analysis, own)).toEqual([
      'Hold Ana Ruiz back from this publish (keep what is published now)',
    ]);
    expect(fixFor(finding, week, ctx)).toBeNull();
  });

  it('findings about unreadable data or zones have no one-click fix', () => {
    const bad = {
      ...workWeek(),
      shifts: [
        {
          ...shift('odd', '2026-12-12 08:00', 60),
          activities: [{ startDate: at('2026-12-12 08:00'), lengthMinutes: 60, activityCodeId: 'gone' }],
        },
      ],
    };
    const { finding } = planted(bad, 'activityOverlap');
    expect(finding.evidence.invalidInput).toBe(true);
    expect(fixFor(finding, bad, ctx)).toBeNull();
  });
});
