/** The change-set store: whole edits, undo and redo across a restart, discard rules, bases kept through a resync. */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/mirror/database';
import { createChangeSetStore, readAgentWeek, readAgentWeeks, type NewEdit } from '../../main/mirror/edits';
import { createScheduleStore } from '../../main/mirror/schedule-store';
import { startAgents } from '../../main/publish/start-event';
import type { AgentChange } from '../../shared/edits/types';
import { agentSchedule, businessUnitId, draftId, dropFirstShift, mirroredUnit, writeSchedule } from './edits-fixtures';

type Db = ReturnType<typeof mirroredUnit>['db'];

/** Drops the first shift of each agent's current effective week (or mirrored week): one edit, one undo step. */
function dropFirst(db: Db, agentIds: string[], label = 'drop'): NewEdit {
  const store = createChangeSetStore(db);
  const effective = new Map(store.effectiveWeeks(draftId, agentIds).map((e) => [e.agentId, e]));
  const mirror = readAgentWeeks(db, draftId, agentIds);
  const changes: AgentChange[] = agentIds.map((id) => {
    const e = effective.get(id);
    return e
      ? dropFirstShift(id, e.week, e.baseAgentVersion)
      : dropFirstShift(id, mirror.get(id)!.week, mirror.get(id)!.version);
  });
  return {
    businessUnitId,
    scheduleId: draftId,
    label,
    source: agentIds.length > 1 ? { type: 'bulk', agentCount: agentIds.length } : { type: 'direct' },
    intent: { kind: 'dropShift', shiftId: 'any' },
    baseScheduleVersion: db.prepare('SELECT version FROM schedules WHERE id = ?').pluck().get(draftId) as number,
    changes,
    createdAt: '2026-11-23T09:00:00.000Z',
  };
}

const shiftIds = (db: Db, agentId: string) => {
  const e = createChangeSetStore(db).effectiveWeeks(draftId, [agentId])[0];
  return (e ? e.week : readAgentWeek(db, draftId, agentId)!.week).shifts.map((s) => s.id);
};

describe('reading an agent week from the mirror', () => {
  it('gives back what the sync wrote, with the agent version, as an upload means it', () => {
    const { db } = mirroredUnit(2);
    const sent = agentSchedule(1);
    const read = readAgentWeek(db, draftId, 'a-1')!;
    expect(read.version).toBe(1);
    expect(read.week.shifts.map((s) => [s.id, s.startDate, s.lengthMinutes, s.activities])).toEqual(
      sent.shifts.map((s) => [s.id, s.startDate, s.lengthMinutes, s.activities]),
    );
    expect(read.week.fullDayTimeOffMarkers).toEqual(sent.fullDayTimeOffMarkers);
    expect(readAgentWeek(db, draftId, 'nobody')).toBeNull();
    expect([...readAgentWeeks(db, draftId, ['a-2', 'a-1', 'nobody']).keys()].sort()).toEqual(['a-1', 'a-2']);
  });
});

describe('the change-set store', () => {
  it('keeps an edit whole with its bases and shows the effective week per agent', () => {
    const { db } = mirroredUnit(3);
    const store = createChangeSetStore(db);
    const kept = store.apply(dropFirst(db, ['a-1', 'a-2']));
    expect(kept.seq).toBe(1);
    expect(store.status(businessUnitId, draftId)).toMatchObject({ count: 1, canUndo: true, canRedo: false });
    const effective = store.effectiveWeeks(draftId);
    expect(effective.map((e) => [e.agentId, e.baseAgentVersion, e.editId])).toEqual([
      ['a-1', 1, kept.id],
      ['a-2', 1, kept.id],
    ]);
    expect(shiftIds(db, 'a-1')).toEqual(['shift-1-1']);
    expect(shiftIds(db, 'a-3')).toEqual(['shift-3-0', 'shift-3-1']);
    const [summary] = store.edits(draftId);
    expect(summary).toMatchObject({
      baseScheduleVersion: 1,
      state: 'applied',
      source: { type: 'bulk', agentCount: 2 },
    });
    expect(summary!.agentIds.sort()).toEqual(['a-1', 'a-2']);
    const [whole] = store.appliedEdits(businessUnitId, draftId);
    expect(whole!.changes.map((c) => [c.agentId, c.before.shifts.length, c.after.shifts.length])).toEqual([
      ['a-1', 2, 1],
      ['a-2', 2, 1],
    ]);
  });

  it('undoes and redoes several steps, and a new edit clears the redo stack', () => {
    const { db } = mirroredUnit(2);
    const store = createChangeSetStore(db);
    const first = store.apply(dropFirst(db, ['a-1'], 'first'));
    const second = store.apply(dropFirst(db, ['a-1'], 'second'));
    expect(shiftIds(db, 'a-1')).toEqual([]);
    expect(store.undo(draftId)).toBe(second.id);
    expect(shiftIds(db, 'a-1')).toEqual(['shift-1-1']);
    expect(store.undo(draftId)).toBe(first.id);
    expect(shiftIds(db, 'a-1')).toEqual(['shift-1-0', 'shift-1-1']);
    expect(store.undo(draftId)).toBeNull();
    expect(store.status(businessUnitId, draftId)).toMatchObject({ count: 0, canUndo: false, canRedo: true });
    expect(store.redo(draftId)).toBe(first.id);
    expect(shiftIds(db, 'a-1')).toEqual(['shift-1-1']);
    // A new edit on top of "first": "second" (undone) can no longer be redone.
    const third = store.apply(dropFirst(db, ['a-2'], 'third'));
    expect(store.redo(draftId)).toBeNull();
    expect(store.edits(draftId).map((e) => [e.label, e.state])).toEqual([
      ['first', 'applied'],
      ['third', 'applied'],
    ]);
    expect(third.seq).toBe(2);
  });

  it('keeps the stacks across closing and reopening the database', () => {
    const { db, dataDir } = mirroredUnit(2);
    let store = createChangeSetStore(db);
    store.apply(dropFirst(db, ['a-1'], 'first'));
    const second = store.apply(dropFirst(db, ['a-1', 'a-2'], 'second'));
    store.undo(draftId);
    db.close();
    const reopened = openDatabase(dataDir).db;
    store = createChangeSetStore(reopened);
    expect(store.status(businessUnitId, draftId)).toMatchObject({ count: 1, canUndo: true, canRedo: true });
    expect(store.redo(draftId)).toBe(second.id);
    expect(shiftIds(reopened, 'a-1')).toEqual([]);
    expect(store.appliedEdits(businessUnitId, draftId).map((e) => e.changes.length)).toEqual([1, 2]);
    reopened.close();
  });

  it('an apply that fails leaves nothing of itself and keeps the redo stack', () => {
    const { db } = mirroredUnit(2);
    const store = createChangeSetStore(db);
    store.apply(dropFirst(db, ['a-1'], 'first'));
    store.undo(draftId);
    const broken = dropFirst(db, ['a-2'], 'broken');
    // The same agent twice breaks the (edit, agent) key on the second row, after the edit row was written.
    expect(() => store.apply({ ...broken, changes: [...broken.changes, broken.changes[0]!] })).toThrow(/UNIQUE/);
    expect(store.edits(draftId).map((e) => [e.label, e.state])).toEqual([['first', 'undone']]);
    expect(db.prepare('SELECT count(*) FROM pending_agent_changes').pluck().get()).toBe(1);
    expect(() => store.apply({ ...broken, changes: [] })).toThrow(/nothing to keep/);
  });

  it('discards an edit no later edit builds on, and refuses one that a later applied edit builds on', () => {
    const { db } = mirroredUnit(3);
    const store = createChangeSetStore(db);
    const first = store.apply(dropFirst(db, ['a-1'], 'first'));
    const other = store.apply(dropFirst(db, ['a-2'], 'other'));
    store.apply(dropFirst(db, ['a-1'], 'on top of first'));
    expect(() => store.discard(draftId, first.id)).toThrow(/on top of first/);
    expect(store.edits(draftId)).toHaveLength(3);
    expect(store.discard(draftId, other.id)).toEqual([other.id]);
    expect(shiftIds(db, 'a-2')).toEqual(['shift-2-0', 'shift-2-1']);
    expect(() => store.discard(draftId, 'no-such-edit')).toThrow(/no pending edit/);
  });

  it('discarding takes the undone edits built on it along, through their own agents', () => {
    const { db } = mirroredUnit(4);
    const store = createChangeSetStore(db);
    const base = store.apply(dropFirst(db, ['a-1'], 'base'));
    const onIt = store.apply(dropFirst(db, ['a-1', 'a-2'], 'on it'));
    const onThat = store.apply(dropFirst(db, ['a-2'], 'on that'));
    const apart = store.apply(dropFirst(db, ['a-4'], 'apart'));
    for (let i = 0; i < 4; i++) store.undo(draftId);
    store.redo(draftId); // "base" applied again; the rest wait on the redo stack
    expect(store.discard(draftId, base.id).sort()).toEqual([base.id, onIt.id, onThat.id].sort());
    expect(store.edits(draftId).map((e) => e.id)).toEqual([apart.id]);
    expect(store.redo(draftId)).toBe(apart.id);
  });

  it('discards all of a schedule and no other', () => {
    const { db } = mirroredUnit(2);
    writeSchedule(db, { id: 'other', agents: [agentSchedule(1)] });
    const store = createChangeSetStore(db);
    store.apply(dropFirst(db, ['a-1']));
    store.apply({ ...dropFirst(db, ['a-2']), scheduleId: 'other' });
    expect(store.discardAll(draftId)).toHaveLength(1);
    expect(store.status(businessUnitId, draftId).count).toBe(0);
    expect(store.status(businessUnitId, 'other').count).toBe(1);
  });

  it('a resync of the schedule keeps the pending edits and their bases as they were', () => {
    const { db } = mirroredUnit(2);
    const store = createChangeSetStore(db);
    const kept = store.apply(dropFirst(db, ['a-1', 'a-2']));
    // Someone else saved: the schedule and a-1 moved on, and the sync rewrites the schedule whole.
    writeSchedule(db, { version: 2, agents: [agentSchedule(1, 2, 15), agentSchedule(2, 1)] });
    expect(readAgentWeek(db, draftId, 'a-1')!.version).toBe(2);
    const [edit] = store.appliedEdits(businessUnitId, draftId);
    expect(edit).toMatchObject({ id: kept.id, baseScheduleVersion: 1 });
    expect(edit!.changes.map((c) => [c.agentId, c.baseAgentVersion, c.before.shifts[0]!.startDate])).toEqual([
      ['a-1', 1, '2026-11-24T14:00:00.000Z'],
      ['a-2', 1, '2026-11-24T14:00:00.000Z'],
    ]);
    // Deleted in Genesys: the mirror drops it, the edits stay for publish to report.
    createScheduleStore(db).remove([draftId]);
    expect(store.status(businessUnitId, draftId).count).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('reads the effective and base week of only the agents asked for', () => {
    const { db } = mirroredUnit(3);
    const store = createChangeSetStore(db);
    store.apply(dropFirst(db, ['a-1', 'a-2', 'a-3']));
    store.apply(dropFirst(db, ['a-2']));
    const [two] = store.effectiveWeeks(draftId, ['a-2']);
    expect(two!.week.shifts).toEqual([]);
    const bases = store.baseWeeks(draftId, ['a-2', 'a-3']);
    expect(bases.map((b) => [b.agentId, b.week.shifts.length])).toEqual([
      ['a-2', 2],
      ['a-3', 2],
    ]);
  });
});

describe('the agents a publish sends', () => {
  it('counts, without reading a week, the agents whose last applied change is not held back', () => {
    const { db } = mirroredUnit(3);
    const store = createChangeSetStore(db);
    expect(store.sendingAgentCount(draftId)).toBe(0);
    store.apply(dropFirst(db, ['a-1', 'a-2']));
    expect(store.sendingAgentCount(draftId)).toBe(2);
    // The supervisor holds a-2 back in a later edit: publish leaves a-2 out, as startAgents does.
    const hold = dropFirst(db, ['a-2'], 'hold');
    store.apply({ ...hold, changes: hold.changes.map((c) => ({ ...c, heldBack: true })) });
    expect(store.sendingAgentCount(draftId)).toBe(1);
    expect(startAgents(db, draftId).map((a) => a.agentId)).toEqual(['a-1']);
    store.undo(draftId);
    expect(store.sendingAgentCount(draftId)).toBe(startAgents(db, draftId).length);
    expect(store.sendingAgentCount(draftId)).toBe(2);
  });
});
