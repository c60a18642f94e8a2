import { describe, expect, it } from 'vitest';
import type { AgentWeek } from '../publish/agent-week';
import { analysedWeek } from './analysed-week';
import { applyBulk, previewBulk, type BulkAgent } from './bulk';
import { at, codes, ctx, draftId, plantedInput, publishedId, shift, workWeek } from './fixtures';
import { previewIntent } from './preview';
import { fixFor } from './fixes';
import { applyIntent } from './apply';
import { shiftInputs } from './agent-input';

const lunchAtTwo = (prefix: string): AgentWeek => ({
  ...workWeek(prefix),
  shifts: workWeek(prefix).shifts.map((s) =>
    s.id === `${prefix}day-3`
      ? shift(s.id, '2026-12-09 08:00', 510, [
          [codes.onQueue, 0, 360],
          [codes.meal, 360, 30],
          [codes.onQueue, 390, 120],
        ])
      : s,
  ),
});
const noWednesday = (prefix = ''): AgentWeek => ({
  ...workWeek(prefix),
  shifts: workWeek(prefix).shifts.filter((s) => s.id !== `${prefix}day-3`),
});

function unit(): Map<string, BulkAgent> {
  return new Map<string, BulkAgent>([
    ['ana', { week: workWeek('ana-'), baseAgentVersion: 7 }],
    ['ben', { week: workWeek('ben-'), baseAgentVersion: 2 }],
    ['cho', { week: lunchAtTwo('cho-'), baseAgentVersion: 5 }],
    ['dev', { week: noWednesday('dev-'), baseAgentVersion: null }],
  ]);
}

const meeting = {
  kind: 'insertActivity' as const,
  businessUnitDate: '2026-12-09',
  startTime: '14:00',
  lengthMinutes: 30,
  activityCodeId: codes.meeting,
};

describe('applyBulk: one edit for many agents as one result', () => {
  it('inserts a team meeting into every covering shift, skipping in words the agents it cannot', () => {
    const result = applyBulk(unit(), meeting, ctx);
    expect(result.changes.map((c) => [c.agentId, c.baseAgentVersion])).toEqual([
      ['ana', 7],
      ['ben', 2],
    ]);
    expect(result.skipped).toEqual([
      { agentId: 'cho', problems: ['Team Meeting 14:00–14:30 would cover Meal 14:00–14:30'] },
      { agentId: 'dev', problems: ['No shift of the agent covers Wed 9 Dec 14:00–14:30 CST'] },
    ]);
    for (const c of result.changes) {
      expect(c.before).toEqual(workWeek(`${c.agentId}-`));
      const wed = c.after.shifts.find((s) => s.id === `${c.agentId}-day-3`)!;
      expect(
        wed.activities.some(
          (a) => a.activityCodeId === codes.meeting && Date.parse(a.startDate) === Date.parse(at('2026-12-09 14:00')),
        ),
      ).toBe(true);
    }
  });

  it('builds the intent per agent when given a function, and leaves out the agents it answers null for', () => {
    const result = applyBulk(
      unit(),
      (agentId) => (agentId === 'ben' ? null : { kind: 'dropDayShifts', businessUnitDate: '2026-12-07' }),
      ctx,
    );
    expect(result.changes.map((c) => c.agentId)).toEqual(['ana', 'cho', 'dev']);
    expect(result.changes.every((c) => c.after.shifts.length === c.before.shifts.length - 1)).toBe(true);
  });

  it('holds agents back with their published weeks, and refuses those whose published week is unknown', () => {
    const agents = unit();
    agents.set('ana', { ...agents.get('ana')!, publishedWeek: noWednesday() });
    agents.set('ben', { ...agents.get('ben')!, publishedWeek: null });
    const result = applyBulk(agents, { kind: 'holdBack' }, ctx);
    expect(result.changes.map((c) => [c.agentId, c.heldBack, c.after.shifts.length])).toEqual([
      ['ana', true, 4],
      ['ben', true, 0],
    ]);
    expect(result.skipped.map((s) => s.agentId)).toEqual(['cho', 'dev']);
  });

  it('the preview counts agents and shifts touched and the findings it would create by kind', () => {
    const agents = unit();
    const input = plantedInput(Object.fromEntries([...agents].map(([id, a]) => [id, a.week])));
    const analysis = analysedWeek(input);
    // 6 h earlier: 02:00 CST reads 08:00 in UTC, the agents' usual start: a naive-UTC warning each.
    const result = applyBulk(agents, { kind: 'moveShifts', businessUnitDate: '2026-12-08', byMinutes: -360 }, ctx);
    const { summary, reanalysis } = previewBulk(result, analysis, draftId);
    expect(summary).toEqual({
      agentsTouched: 4,
      agentsSkipped: 0,
      shiftsTouched: 4,
      newFindings: { naiveUtcShift: 4 },
      resolvedFindings: {},
      newErrors: 0,
    });
    expect(
      reanalysis.findings
        .filter((f) => f.kind === 'naiveUtcShift')
        .map((f) => f.agentId)
        .sort(),
    ).toEqual(['ana', 'ben', 'cho', 'dev']);
  });
});

describe('new shifts of several agents', () => {
  it('keep one finding each (their local ids are per agent), and each finding’s fix finds its shift', () => {
    const agents = new Map<string, BulkAgent>([
      ['ana', { week: workWeek('ana-'), baseAgentVersion: 1 }],
      ['ben', { week: workWeek('ben-'), baseAgentVersion: 1 }],
    ]);
    const analysis = analysedWeek(plantedInput({ ana: workWeek('ana-'), ben: workWeek('ben-') }));
    const add = {
      kind: 'addShift' as const,
      startDate: at('2026-12-12 02:00'),
      lengthMinutes: 120,
      activities: [{ startDate: at('2026-12-12 02:00'), lengthMinutes: 120, activityCodeId: codes.onQueue }],
    };
    const result = applyBulk(agents, add, ctx);
    const { reanalysis } = previewBulk(result, analysis, draftId);
    const naive = reanalysis.added.filter((f) => f.kind === 'naiveUtcShift');
    expect(naive.map((f) => f.agentId).sort()).toEqual(['ana', 'ben']);
    for (const f of naive) {
      const change = result.changes.find((c) => c.agentId === f.agentId)!;
      expect(fixFor(f, change.after, ctx)?.intent).toEqual({
        kind: 'moveShift',
        shiftId: `new:1@${f.agentId}`,
        byMinutes: 360,
      });
      const fixed = applyIntent(change.after, fixFor(f, change.after, ctx)!.intent, ctx);
      expect(fixed.ok && fixed.week.shifts.map((s) => s.startDate).at(-1)).toBe(
        new Date(at('2026-12-12 08:00')).toISOString(),
      );
    }
  });
});

describe('previewIntent: an edit that would create an error says so before it is applied', () => {
  it('a move into a published shift of the week before is allowed by the week but reported as a new error', () => {
    const published = shiftInputs('ana', publishedId, {
      shifts: [shift('sun-night', '2026-12-06 20:00', 480)],
      fullDayTimeOffMarkers: [],
    });
    const input = plantedInput({ ana: workWeek() });
    const analysis = analysedWeek({ ...input, shifts: [...input.shifts, ...published] });
    expect(analysis.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const preview = previewIntent(workWeek(), { kind: 'moveShift', shiftId: 'day-1', byMinutes: -360 }, ctx, {
      analysis,
      agentId: 'ana',
      scheduleId: draftId,
    });
    if (!preview.ok) throw new Error(preview.problems.join());
    expect(preview.added.map((f) => f.kind)).toContain('shiftOverlap');
    expect(preview.warnings[0]).toMatch(
      /^This edit creates an error: Agent ana has two shifts on Mon 7 Dec that overlap 02:00–04:00 CST/,
    );
    // Nothing is kept: the analysis given is unchanged.
    expect(analysis.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
