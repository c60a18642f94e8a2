/** The edits service on a mirrored unit: changes computed from the mirror, scope checks, events, diff, hold back. */
import { describe, expect, it } from 'vitest';
import { createEventHub } from '../../main/services/event-hub';
import { createEditsService } from '../../main/services/edits/edits-service';
import { OpsError } from '../../shared/ops-error';
import type { OpsEvents } from '../../shared/contract';
import {
  agentSchedule,
  businessUnitId,
  draftId,
  mirroredUnit,
  profileId,
  publishedId,
  writeSchedule,
} from './edits-fixtures';

const ref = { profileId, businessUnitId, scheduleId: draftId };

function service(agents = 3) {
  const unit = mirroredUnit(agents);
  const events = createEventHub();
  const changed: Array<OpsEvents['edits.changed']> = [];
  events.attach((name, payload) => {
    if (name === 'edits.changed') changed.push(payload as OpsEvents['edits.changed']);
  });
  const edits = createEditsService({ db: unit.db, events, now: () => new Date('2026-11-23T10:00:00.000Z') });
  return { ...unit, edits, changed };
}

const category = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof OpsError ? err.category : 'not an OpsError';
  }
  return 'no error';
};

describe('the edits service', () => {
  it('computes a drop from the mirror, keeps it with its bases, and says so to every window', () => {
    const { edits, changed } = service();
    const applied = edits.apply({
      ...ref,
      intent: { kind: 'dropShift', shiftId: 'shift-2-0' },
      agentIds: ['a-2'],
      source: { type: 'direct' },
    });
    expect(applied.edit).toMatchObject({
      label: 'Drop Tue 24 Nov 08:00–16:00 CST shift of Agent 0002',
      baseScheduleVersion: 1,
    });
    expect(applied.changes[0]!.after.shifts.map((s) => s.id)).toEqual(['shift-2-1']);
    expect(changed).toEqual([
      { businessUnitId, scheduleId: draftId, count: 1, canUndo: true, canRedo: false, agentsChanged: 1 },
    ]);
    const list = edits.list(ref);
    expect(list).toMatchObject({ count: 1, mirrorScheduleVersion: 1 });
    expect(list.agents.map((a) => [a.agentId, a.baseAgentVersion])).toEqual([['a-2', 1]]);
  });

  it('a second edit of an agent starts from their pending week and keeps the first base after a resync', () => {
    const { db, edits } = service();
    edits.apply({
      ...ref,
      intent: { kind: 'moveShift', shiftId: 'shift-1-0', byMinutes: 60 },
      agentIds: ['a-1'],
      source: { type: 'direct' },
    });
    writeSchedule(db, { version: 5, agents: [agentSchedule(1, 4), agentSchedule(2), agentSchedule(3)] });
    const second = edits.apply({
      ...ref,
      intent: { kind: 'dropShift', shiftId: 'shift-1-1' },
      agentIds: ['a-1'],
      source: { type: 'direct' },
    });
    expect(second.changes[0]!.before.shifts[0]!.startDate).toBe('2026-11-24T15:00:00.000Z');
    expect(second.edit!.baseScheduleVersion).toBe(5);
    const [whole] = edits.appliedEdits(ref).slice(-1);
    expect(whole!.changes[0]!.baseAgentVersion).toBe(1);
    const [diff] = edits.diff({ ...ref, agentId: 'a-1' });
    expect(diff).toMatchObject({ agentName: 'Agent 0001', baseAgentVersion: 1, mirrorAgentVersion: 4 });
    expect(diff!.lines).toEqual([
      'Tue 24 Nov: 08:00–16:00 → 09:00–17:00 CST',
      'Wed 25 Nov 08:00–16:00 CST shift dropped',
    ]);
  });

  it('a bulk edit is one step; agents it cannot apply to are skipped and said', () => {
    const { edits } = service(3);
    const bulk = edits.apply({
      ...ref,
      intent: { kind: 'dropShift', shiftId: 'shift-1-0' },
      agentIds: ['a-1', 'a-2'],
      source: { type: 'bulk', agentCount: 2 },
    });
    expect(bulk.changes.map((c) => c.agentId)).toEqual(['a-1']);
    expect(bulk.skipped).toEqual([
      { agentId: 'a-2', problems: [expect.stringMatching(/shift-1-0 is not in this agent's week/)] },
    ]);
    expect(() =>
      edits.apply({
        ...ref,
        intent: { kind: 'dropShift', shiftId: 'x' },
        agentIds: ['a-3'],
        source: { type: 'direct' },
      }),
    ).toThrow(/nothing to change/);
    expect(edits.list(ref).count).toBe(1);
  });

  it('a team meeting inserted for every agent is one edit, undone in one step', () => {
    const { edits } = service(3);
    const agentIds = ['a-1', 'a-2', 'a-3'];
    const meeting = edits.apply({
      ...ref,
      intent: {
        kind: 'insertActivity',
        businessUnitDate: '2026-11-24',
        startTime: '10:00',
        lengthMinutes: 30,
        activityCodeId: 'meeting',
      },
      agentIds,
      source: { type: 'bulk', agentCount: 3 },
    });
    expect(meeting.edit!.label).toMatch(/Team meeting .* for 3 agents$/);
    expect(
      meeting.changes.map((c) => c.after.shifts[0]!.activities.some((a) => a.activityCodeId === 'meeting')),
    ).toEqual([true, true, true]);
    expect(edits.list(ref).agents).toHaveLength(3);
    expect(edits.undo(ref)).toMatchObject({ count: 0, edit: { id: meeting.edit!.id } });
    expect(edits.list(ref).agents).toEqual([]);
  });

  it('a dry run answers the changes and keeps nothing', () => {
    const { edits, changed } = service();
    const dry = edits.apply({
      ...ref,
      intent: { kind: 'dropShift', shiftId: 'shift-3-1' },
      agentIds: ['a-3'],
      source: { type: 'fix', findingId: 'f-1' },
      dryRun: true,
    });
    expect(dry.edit).toBeNull();
    expect(dry.changes[0]!.after.shifts).toHaveLength(1);
    expect(edits.list(ref).edits).toEqual([]);
    expect(changed).toEqual([]);
  });

  it('holding an agent back gives them the published week of the same days', () => {
    const { db, edits } = service(2);
    writeSchedule(db, { id: publishedId, published: true, version: 3, agents: [agentSchedule(1, 7, 9)] });
    const held = edits.apply({
      ...ref,
      intent: { kind: 'holdBack' },
      agentIds: ['a-1', 'a-2'],
      source: { type: 'bulk', agentCount: 2 },
    });
    expect(
      held.changes.map((c) => [c.agentId, c.heldBack, c.after.shifts.map((s) => s.startDate.slice(11, 16))]),
    ).toEqual([
      ['a-1', true, ['09:00', '09:00']],
      ['a-2', true, []],
    ]);
    expect(edits.list(ref).edits[0]!.heldBackAgentIds.sort()).toEqual(['a-1', 'a-2']);
    expect(edits.diff({ ...ref, agentId: 'a-2' })[0]!.lines[0]).toMatch(/^Held back/);
  });

  it('undo, redo and discards announce the new state; nothing to undo is not an error', () => {
    const { edits, changed } = service();
    const one = edits.apply({
      ...ref,
      intent: { kind: 'dropShift', shiftId: 'shift-1-0' },
      agentIds: ['a-1'],
      source: { type: 'direct' },
    });
    expect(edits.undo(ref)).toMatchObject({ edit: { id: one.edit!.id, state: 'undone' }, count: 0, canRedo: true });
    expect(edits.undo(ref)).toMatchObject({ edit: null, count: 0 });
    expect(edits.redo(ref)).toMatchObject({ edit: { state: 'applied' }, count: 1, canRedo: false });
    expect(edits.discard({ ...ref, editId: one.edit!.id })).toMatchObject({ discarded: [one.edit!.id], count: 0 });
    expect(edits.discardAll(ref)).toMatchObject({ discarded: [] });
    expect(changed.map((c) => [c.count, c.canUndo, c.canRedo])).toEqual([
      [1, true, false],
      [0, false, true],
      [1, true, false],
      [0, false, false],
    ]);
  });

  it('refuses a unit, schedule or agent the mirror does not have as bad input, keeping what is there', () => {
    const { db, edits } = service();
    const drop = { intent: { kind: 'dropShift' as const, shiftId: 'shift-1-0' }, source: { type: 'direct' as const } };
    expect(category(() => edits.list({ ...ref, profileId: 'someone-else' }))).toBe('badInput');
    expect(category(() => edits.list({ ...ref, scheduleId: 'nope' }))).toBe('badInput');
    expect(category(() => edits.apply({ ...ref, ...drop, agentIds: ['a-1', 'ghost'] }))).toBe('badInput');
    writeSchedule(db, { id: 'elsewhere', agents: [] });
    db.prepare("UPDATE schedules SET business_unit_id = 'bu-2' WHERE id = 'elsewhere'").run();
    expect(category(() => edits.undo({ ...ref, scheduleId: 'elsewhere' }))).toBe('badInput');
    expect(category(() => edits.discard({ ...ref, editId: 'nope' }))).toBe('badInput');
    expect(
      category(() =>
        edits.apply({
          ...ref,
          intent: {
            kind: 'addActivity',
            shiftId: 'shift-1-0',
            activity: { startDate: '2026-11-24T15:00:00Z', lengthMinutes: 30, activityCodeId: 'no-such-code' },
          },
          agentIds: ['a-1'],
          source: { type: 'direct' },
        }),
      ),
    ).toBe('badInput');
    edits.apply({ ...ref, ...drop, agentIds: ['a-1'] });
    const later = edits.apply({
      ...ref,
      intent: { kind: 'dropShift', shiftId: 'shift-1-1' },
      agentIds: ['a-1'],
      source: { type: 'direct' },
    });
    const first = edits.list(ref).edits[0]!;
    expect(category(() => edits.discard({ ...ref, editId: first.id }))).toBe('conflict');
    expect(edits.list(ref).edits.map((e) => e.id)).toEqual([first.id, later.edit!.id]);
  });

  it('a schedule Genesys deleted keeps its edits readable and undoable, but takes no new ones', () => {
    const { db, edits } = service();
    edits.apply({
      ...ref,
      intent: { kind: 'dropShift', shiftId: 'shift-1-0' },
      agentIds: ['a-1'],
      source: { type: 'direct' },
    });
    db.prepare('DELETE FROM schedules WHERE id = ?').run(draftId);
    expect(edits.list(ref)).toMatchObject({ count: 1, mirrorScheduleVersion: null });
    expect(edits.undo(ref).count).toBe(0);
    expect(
      category(() =>
        edits.apply({ ...ref, intent: { kind: 'holdBack' }, agentIds: ['a-1'], source: { type: 'direct' } }),
      ),
    ).toBe('badInput');
  });
});
