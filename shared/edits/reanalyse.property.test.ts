/**
 * Incremental analysis is the full analysis: over random messy schedules
 * (overlaps, clashes, time off, DST weeks, script sessions), random edits to
 * random agents (through applyIntent, and raw weeks no validation would let
 * through), re-analysing only the touched agents gives exactly the findings
 * and the coverage a full pass over the edited week gives.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import type { AnalysisInput, Finding, ShiftInput } from '../analysis/types';
import { CoverageCounter, onQueueCodeIds, weekGrid } from '../coverage/coverage';
import type { TimelineShift } from '../timeline';
import type { AgentWeek } from '../publish/agent-week';
import { randomInput } from '../../test/analysis/random-schedules';
import { applyIntent } from './apply';
import { agentWeekFromInput } from './agent-input';
import { agentData, analysedWeek, currentInput, type AnalysedWeek } from './analysed-week';
import { onQueueCounts } from './coverage-state';
import { reanalyseAgents, type AgentWeekUpdate } from './reanalyse';
import { analysisShiftId, shiftKey } from './shift-ref';
import type { EditContext } from './context';
import type { EditIntent } from './types';

/** mulberry32, as the sandbox's generator: a failing seed replays exactly. */
function rng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T };
}
type Rng = ReturnType<typeof rng>;

const zoneSets = [
  { zone: 'America/Chicago', zones: ['America/Chicago', 'America/Phoenix'] },
  { zone: 'Europe/Berlin', zones: ['Europe/Berlin', 'Europe/London'] },
  { zone: 'Australia/Sydney', zones: ['Australia/Sydney', 'Australia/Brisbane'] },
];

const iso = (ms: number) => new Date(ms).toISOString();

function randomIntent(r: Rng, week: AgentWeek, weekDate: string): EditIntent {
  const s = week.shifts.length ? r.pick(week.shifts) : undefined;
  const shiftId = s ? shiftKey(s, week.shifts.indexOf(s)) : 'none';
  const startMs = s ? Date.parse(s.startDate) : Date.parse(`${weekDate}T14:00:00Z`);
  const date = iso(Date.parse(`${weekDate}T12:00:00Z`) + r.int(0, 6) * 86_400_000).slice(0, 10);
  const kinds: Array<() => EditIntent> = [
    () => ({ kind: 'dropShift', shiftId }),
    () => ({ kind: 'moveShift', shiftId, byMinutes: 15 * r.int(-40, 40) || 15 }),
    () => ({
      kind: 'resizeShift',
      shiftId,
      startDate: iso(startMs + 15 * r.int(-8, 8) * 60_000),
      endDate: iso(startMs + 15 * r.int(9, 48) * 60_000),
    }),
    () => {
      const at = Date.parse(`${date}T00:00:00Z`) + 15 * r.int(0, 95) * 60_000;
      const length = 15 * r.int(4, 40);
      return {
        kind: 'addShift',
        startDate: iso(at),
        lengthMinutes: length,
        activities: [{ startDate: iso(at), lengthMinutes: length, activityCodeId: 'on-queue' }],
      };
    },
    () => ({
      kind: 'addActivity',
      shiftId,
      activity: { startDate: iso(startMs + 15 * r.int(0, 20) * 60_000), lengthMinutes: 30, activityCodeId: 'break' },
    }),
    () => ({ kind: 'moveActivity', shiftId, activityIndex: r.int(0, 3), byMinutes: 15 * r.int(-4, 4) || 15 }),
    () => ({ kind: 'removeActivity', shiftId, activityIndex: r.int(0, 3) }),
    () => ({ kind: 'setFullDayTimeOff', businessUnitDate: date, activityCodeId: 'vacation', lengthMinutes: 480 }),
    () => ({ kind: 'moveShifts', businessUnitDate: date, byMinutes: 15 * r.int(-8, 8) || -60 }),
    () => ({ kind: 'dropDayShifts', businessUnitDate: date }),
    () => ({
      kind: 'insertActivity',
      businessUnitDate: date,
      startTime: `${String(r.int(6, 20)).padStart(2, '0')}:00`,
      lengthMinutes: 30,
      activityCodeId: 'meal',
    }),
  ];
  return r.pick(kinds)();
}

/** A week no validation would pass: a shift thrown anywhere, on top of the others. */
function rawWeek(r: Rng, week: AgentWeek): AgentWeek {
  if (week.shifts.length === 0) return week;
  const i = r.int(0, week.shifts.length - 1);
  const s = week.shifts[i]!;
  const by = 15 * r.int(-96, 96) * 60_000;
  const thrown = {
    ...s,
    startDate: iso(Date.parse(s.startDate) + by),
    activities: s.activities.map((a) => ({ ...a, startDate: iso(Date.parse(a.startDate) + by) })),
  };
  return { ...week, shifts: week.shifts.map((x, k) => (k === i ? thrown : x)) };
}

/** The edited week's input built the plain way: every list filtered and concatenated from the original. */
function expectedInput(
  input: AnalysisInput,
  scheduleId: string,
  weeks: Map<string, AgentWeek>,
  held: Set<string>,
): AnalysisInput {
  const replaced = (agentId: string, s: { scheduleId: string }) => weeks.has(agentId) && s.scheduleId === scheduleId;
  const shifts: ShiftInput[] = input.shifts.filter((s) => !replaced(s.agentId, s));
  const fullDayTimeOff = input.fullDayTimeOff.filter((m) => !replaced(m.agentId, m));
  for (const [agentId, week] of weeks) {
    week.shifts.forEach((s, i) =>
      shifts.push({
        id: analysisShiftId(agentId, s, i),
        scheduleId,
        agentId,
        startDate: s.startDate,
        lengthMinutes: s.lengthMinutes,
        activities: s.activities.map((a) => ({
          startDate: a.startDate,
          lengthMinutes: a.lengthMinutes,
          activityCodeId: a.activityCodeId,
        })),
      }),
    );
    for (const m of week.fullDayTimeOffMarkers)
      fullDayTimeOff.push({
        agentId,
        scheduleId,
        businessUnitDate: m.businessUnitDate,
        startOffsetMinutes: m.startOffsetMinutes ?? 0,
        lengthMinutes: m.lengthMinutes,
      });
  }
  const drafts = new Set(input.schedules.filter((s) => !s.published).map((s) => s.id));
  const changedShiftIds = held.size
    ? shifts.filter((s) => drafts.has(s.scheduleId) && !held.has(s.agentId)).map((s) => s.id)
    : undefined;
  return { ...input, shifts, fullDayTimeOff, ...(changedShiftIds ? { changedShiftIds } : {}) };
}

function recount(input: AnalysisInput, scheduleId: string, weekDate: string): number[] {
  const counter = new CoverageCounter(
    weekGrid(weekDate, input.businessUnit.timeZone),
    onQueueCodeIds(input.activityCodes),
  );
  const byAgent = new Map<string, TimelineShift[]>();
  for (const s of input.shifts) {
    if (s.scheduleId !== scheduleId) continue;
    const startMs = Date.parse(s.startDate);
    const list = byAgent.get(s.agentId) ?? [];
    list.push({
      key: 0,
      id: s.id,
      scheduleId,
      startMs,
      endMs: startMs + s.lengthMinutes * 60_000,
      manuallyEdited: false,
      activities: s.activities.map((a) => ({
        startMs: Date.parse(a.startDate),
        lengthMinutes: a.lengthMinutes,
        activityCodeId: a.activityCodeId,
        paid: null,
      })),
    });
    byAgent.set(s.agentId, list);
  }
  for (const shifts of byAgent.values()) counter.addAgent(shifts);
  return counter.counts();
}

const ids = (findings: readonly Finding[]) => new Set(findings.map((f) => f.id));

describe('incremental analysis equals a full re-analysis', () => {
  it.each(Array.from({ length: 16 }, (_, i) => 500 + i))('seed %i', (seed) => {
    const r = rng(seed);
    const set = zoneSets[seed % zoneSets.length]!;
    const input = randomInput({ seed, ...set, agents: 10 });
    const schedule = r.pick(input.schedules.filter((s) => !s.published));
    const ctx: EditContext = {
      timeZone: set.zone,
      activityCodes: input.activityCodes,
      publishedWeek: { shifts: [], fullDayTimeOffMarkers: [] },
    };
    let state: AnalysedWeek = analysedWeek(input, {
      coverage: { scheduleId: schedule.id, weekDate: schedule.weekDate },
    });
    expect(state.findings).toEqual(analyze(input));
    const weeks = new Map<string, AgentWeek>();
    const held = new Set<string>();
    let applied = 0;
    for (let round = 0; round < 8; round++) {
      const updates: AgentWeekUpdate[] = [];
      for (let n = r.int(1, 3); n > 0; n--) {
        const agentId = r.pick(input.agents).id;
        const data = agentData(state, agentId);
        const week =
          weeks.get(agentId) ?? agentWeekFromInput(data.shifts, data.fullDayTimeOff, schedule.id, 'vacation');
        let next = week;
        let heldBack = false;
        if (r.next() < 0.25) next = rawWeek(r, week);
        else if (r.next() < 0.08) heldBack = true;
        else {
          const result = applyIntent(week, randomIntent(r, week, schedule.weekDate), ctx);
          if (!result.ok) continue;
          next = result.week;
          applied++;
        }
        if (heldBack) held.add(agentId);
        else held.delete(agentId);
        weeks.set(agentId, next);
        updates.push({ agentId, scheduleId: schedule.id, week: next, heldBack });
      }
      if (updates.length === 0) continue;
      const was = state.findings;
      const result = reanalyseAgents(state, updates);
      state = result.week;
      const full = analyze(expectedInput(input, schedule.id, weeks, held));
      expect(result.findings).toEqual(full);
      const before = ids(was);
      const after = ids(full);
      expect(new Set(result.added.map((f) => f.id))).toEqual(new Set([...after].filter((id) => !before.has(id))));
      expect(new Set(result.removed.map((f) => f.id))).toEqual(new Set([...before].filter((id) => !after.has(id))));
      expect(result.coverage?.onQueue).toEqual(
        recount(expectedInput(input, schedule.id, weeks, held), schedule.id, schedule.weekDate),
      );
      expect(onQueueCounts(state.coverage!)).toEqual(result.coverage?.onQueue);
    }
    // What main's worker would analyse in full is the same week.
    expect(analyze(currentInput(state))).toEqual(state.findings);
    // The random edits must really exercise applyIntent, not only raw weeks.
    expect(applied).toBeGreaterThan(0);
  });
});
