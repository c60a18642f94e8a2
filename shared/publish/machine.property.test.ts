/**
 * The publish machine driven to the end against a simulated Genesys
 * (publish-sim.ts) over many seeds of combined faults. Whatever happened on
 * the way, the end is: published; every edit of ours applied once (held
 * agents released when their sessions end); every edit of the other editors
 * on what we did not touch kept; agents we did not edit never written;
 * `sendUpdate` never sent twice for one attempt; retries within their caps.
 */
import { describe, expect, it } from 'vitest';
import { shiftContent, type AgentWeek, type WeekShift } from './agent-week';
import type { PublishEvent } from './machine-events';
import type { PublishEffect } from './machine-effects';
import { initialPublishState, publishTransition } from './machine';
import type { PublishState } from './machine-state';
import { answer, type SimFaults, type SimServer } from './publish-sim';
import { seededRandom, type SeededRandom } from './seeded-random';

const t0 = Date.parse('2026-11-23T12:00:00Z');
const day = (d: number, h: number) => new Date(Date.UTC(2026, 10, 23 + d, h)).toISOString();
const shift = (id: string, d: number, h: number): WeekShift => ({
  id,
  startDate: day(d, h),
  lengthMinutes: 480,
  activities: [{ startDate: day(d, h), lengthMinutes: 480, activityCodeId: 'work', description: '' }],
});

interface OurEdit {
  moved: WeekShift[];
  dropped: string[];
  added: WeekShift[];
}

function ourEdit(r: SeededRandom, week: AgentWeek): { mine: AgentWeek; edit: OurEdit } {
  const edit: OurEdit = { moved: [], dropped: [], added: [] };
  const shifts: WeekShift[] = [];
  for (const s of week.shifts) {
    const roll = r.next();
    if (roll < 0.2) edit.dropped.push(s.id!);
    else if (roll < 0.5) {
      const start = new Date(Date.parse(s.startDate) + 3_600_000).toISOString();
      const moved = { ...s, startDate: start, activities: s.activities.map((a) => ({ ...a, startDate: start })) };
      edit.moved.push(moved);
      shifts.push(moved);
    } else shifts.push(s);
  }
  if (edit.moved.length + edit.dropped.length === 0 || r.chance(0.4)) {
    const { id: _none, ...added } = shift('x', 5, 13);
    edit.added.push(added);
    shifts.push(added);
  }
  return { mine: { shifts, fullDayTimeOffMarkers: week.fullDayTimeOffMarkers }, edit };
}

function scenario(seed: number) {
  const r = seededRandom(seed);
  const server: SimServer = {
    version: 10,
    published: r.chance(0.5),
    agents: new Map(),
    busy: new Set(),
    theirEdits: [],
    received: [],
    applied: 0,
    nextId: 0,
    body: null,
    accepted: null,
  };
  const edits = new Map<string, OurEdit>();
  const start: Extract<PublishEvent, { type: 'start' }>['agents'] = [];
  for (let i = 0; i < 8; i++) {
    const agentId = `agent-${i}`;
    const week = { shifts: [0, 1, 2, 3].map((d) => shift(`s${i}-${d}`, d, 14)), fullDayTimeOffMarkers: [] };
    server.agents.set(agentId, { week: structuredClone(week), version: 3 });
    if (!r.chance(0.5)) continue;
    const { mine, edit } = ourEdit(r, week);
    edits.set(agentId, edit);
    start.push({ agentId, base: { week, version: 3 }, mine });
    if (r.chance(0.15)) server.busy.add(agentId);
  }
  const faults: SimFaults = {
    competingSave: r.pick([0, 0.2, 0.4]),
    rateLimited: r.pick([0, 0.05, 0.1]),
    serverErrorAfterApply: r.pick([0, 0.1, 0.25]),
    lostNotification: r.pick([0, 0.3]),
    saveAfterAccept: r.pick([0, 0.1]),
  };
  const untouched = new Map(
    [...server.agents].filter(([id]) => !edits.has(id)).map(([id, a]) => [id, structuredClone(a.week)]),
  );
  return { r, server, edits, start, faults, untouched, holdPolicy: r.chance(0.5), autoRelease: r.chance(0.5) };
}

/** Runs one seed to the end; returns the final state and what the driver saw. */
function drive(seed: number) {
  const sc = scenario(seed);
  const { r, server } = sc;
  let at = t0;
  let state: PublishState = initialPublishState();
  const sendAttempts: number[] = [];
  const choices = new Map<string, string>();
  const journaledBeforeCall: boolean[] = [];
  /** After an unknown outcome the next call must be a re-read: reconcile before anything is sent again. */
  let mustReconcile = false;
  let reconciledFirst = true;
  let next: PublishEvent | null = {
    type: 'start',
    at,
    job: { businessUnitId: 'bu', weekId: '2026-11-23', scheduleId: 'sch', overPublished: false },
    policy: { holdScriptSessions: sc.holdPolicy, acceptedKinds: [], autoReleaseHeld: sc.autoRelease },
    tuning: { baseMs: 100, capMs: 2000 },
    schedule: { version: 10, published: server.published },
    agents: sc.start,
    seed,
  };
  for (let step = 0; step < 3000 && next; step++) {
    const out = publishTransition(state, next);
    state = out.state;
    next = null;
    let waitMs: number | null = null;
    let previous: PublishEffect | null = null;
    for (const e of out.effects) {
      at += 5;
      if (e.type === 'wait') {
        if (e.reason === 'pacing') at += e.ms;
        else waitMs = e.ms;
      } else if (e.type === 'analyse') {
        next = { type: 'analysed', at, findings: [] };
      } else if (!['journal', 'emit', 'watchScriptSessions'].includes(e.type)) {
        journaledBeforeCall.push(previous?.type === 'journal');
        if (mustReconcile && e.type !== 'reread') reconciledFirst = false;
        mustReconcile = false;
        if (e.type === 'sendUpdate') sendAttempts.push(e.attempt);
        expect(next).toBeNull();
        next = answer(server, e, state, at, r, sc.faults);
        const unknown =
          (next?.type === 'updateAnswered' && (next.outcome.status === null || next.outcome.status >= 500)) ||
          (next?.type === 'operationEnded' && next.result === 'unknown');
        if (unknown) mustReconcile = true;
      }
      previous = e;
    }
    if (next) continue;
    if (waitMs !== null) {
      at += waitMs;
      next = { type: 'waited', at };
      continue;
    }
    const conflicts = Object.values(state.agents).filter((a) => a.status === 'conflict');
    if (state.phase === 'confirming' && conflicts.length === 0) next = { type: 'confirm', at };
    else if (conflicts.length > 0) {
      const choice = conflicts[0]!.conflict!.merge ? 'merge' : 'mine';
      choices.set(conflicts[0]!.agentId, choice);
      next = { type: 'resolve', at, agentId: conflicts[0]!.agentId, choice };
    } else if (state.phase === 'held') {
      // The sessions end; the engine's watch reports it.
      server.busy.clear();
      const held = Object.values(state.agents)
        .filter((a) => a.status === 'held')
        .map((a) => a.agentId);
      const ready = out.effects.some((e) => e.type === 'emit' && e.notice.kind === 'heldReady');
      next = ready
        ? { type: 'releaseHeld', at, agentIds: held }
        : { type: 'scriptSessions', at, outcome: { status: 200 }, activeAgentIds: [] };
    }
  }
  return { ...sc, state, sendAttempts, choices, journaledBeforeCall, reconciledFirst };
}

describe('the publish machine against a simulated Genesys, 200 seeds of combined faults', () => {
  it('ends published with everything intended applied once and everything of the others kept', () => {
    const phases = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      const run = drive(seed);
      const { state, server } = run;
      for (const c of state.log) phases.add(c.call);
      expect({ seed, phase: state.phase, outcome: state.outcome }).toEqual({
        seed,
        phase: 'done',
        outcome: state.outcome,
      });
      expect(server.published).toBe(true);
      expect(new Set(run.sendAttempts).size).toBe(run.sendAttempts.length);
      expect(run.journaledBeforeCall.every(Boolean)).toBe(true);
      expect(run.reconciledFirst).toBe(true);
      for (const [kind, n] of Object.entries(state.failures))
        expect(n).toBeLessThanOrEqual(state.tuning.maxRetries[kind as keyof typeof state.failures]);
      for (const [agentId, week] of run.untouched) {
        const theirs = server.theirEdits.filter((e) => e.agentId === agentId);
        const now = server.agents.get(agentId)!.week;
        expect(now.shifts.length).toBe(week.shifts.length);
        for (const s of now.shifts) {
          const edit = theirs.filter((e) => e.shiftId === s.id).at(-1);
          expect(s.activities.at(-1)!.activityCodeId).toBe(edit ? edit.code : 'work');
        }
      }
      for (const [agentId, edit] of run.edits) {
        const now = server.agents.get(agentId)!.week;
        const same = (a: WeekShift, b: WeekShift) => a.startDate === b.startDate && a.lengthMinutes === b.lengthMinutes;
        for (const id of edit.dropped) expect(now.shifts.some((s) => s.id === id)).toBe(false);
        for (const m of edit.moved) expect(now.shifts.filter((s) => same(s, m))).toHaveLength(1);
        for (const a of edit.added) expect(now.shifts.filter((s) => same(s, a))).toHaveLength(1);
        if (run.choices.get(agentId) === 'mine') continue;
        const ours = new Set([...edit.dropped, ...edit.moved.map((m) => m.id!)]);
        for (const e of server.theirEdits.filter((x) => x.agentId === agentId && !ours.has(x.shiftId))) {
          const s = now.shifts.find((x) => x.id === e.shiftId)!;
          const later = server.theirEdits.filter((x) => x.shiftId === e.shiftId).at(-1)!;
          expect(shiftContent(s).includes(later.code)).toBe(true);
        }
      }
    }
    expect([...phases].sort()).toEqual([
      'awaitOperation',
      'checkScriptSessions',
      'putUpload',
      'requestUploadUrl',
      'reread',
      'sendUpdate',
    ]);
  });
});
