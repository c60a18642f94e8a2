/**
 * A bulk edit through `applyInSteps` (what edits.apply runs): computed a
 * slice of agents at a time with the loop let run between slices, it must
 * keep the very edit `apply` keeps in one go, and must not keep an edit
 * computed on two states of the mirror when something wrote in between.
 */
import { describe, expect, it } from 'vitest';
import { createEditsService, type ApplyRequest } from '../../main/services/edits/edits-service';
import { createEventHub } from '../../main/services/event-hub';
import type { EditIntent } from '../../shared/edits/types';
import { OpsError } from '../../shared/ops-error';
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
// More agents than the first slice (50), so the loop runs between slices at least once.
const agents = 130;
const agentIds = Array.from({ length: agents }, (_, i) => `a-${i + 1}`);

function service() {
  const unit = mirroredUnit(agents);
  // A published week for holdBack, with other hours than the draft for some agents.
  writeSchedule(unit.db, {
    id: publishedId,
    published: true,
    version: 3,
    agents: agentIds.filter((_, i) => i % 3 === 0).map((_, n) => agentSchedule(n * 3 + 1, 7, 9)),
  });
  const events = createEventHub();
  const changed: unknown[] = [];
  events.attach((name, payload) => void (name === 'edits.changed' && changed.push(payload)));
  const edits = createEditsService({ db: unit.db, events, now: () => new Date('2026-11-23T10:00:00.000Z') });
  return { ...unit, edits, changed };
}

const bulk = (intent: EditIntent, ids = agentIds): ApplyRequest => ({
  ...ref,
  intent,
  agentIds: ids,
  source: { type: 'bulk', agentCount: ids.length },
});

/** What an applied edit says, without what differs between two runs (the edit's random id). */
const outcome = (applied: Awaited<ReturnType<ReturnType<typeof service>['edits']['applyInSteps']>>) => ({
  ...applied,
  edit: applied.edit && { ...applied.edit, id: 'same' },
});

const intents: Array<[string, EditIntent]> = [
  [
    'a team meeting',
    {
      kind: 'insertActivity',
      businessUnitDate: '2026-11-24',
      startTime: '10:00',
      lengthMinutes: 30,
      activityCodeId: 'meeting',
    },
  ],
  ['every shift moved', { kind: 'moveShifts', byMinutes: 15 }],
  ['a hold back', { kind: 'holdBack' }],
  ['a drop only some agents have', { kind: 'dropShift', shiftId: 'shift-7-0' }],
];

describe('applyInSteps', () => {
  it.each(intents)('keeps %s exactly as apply does in one go', async (_, intent) => {
    const one = service();
    const stepped = service();
    const whole = one.edits.apply(bulk(intent));
    const inSteps = await stepped.edits.applyInSteps(bulk(intent));
    expect(outcome(inSteps)).toEqual(outcome(whole));
    expect(stepped.edits.appliedEdits(ref).map((e) => ({ ...e, id: 'same' }))).toEqual(
      one.edits.appliedEdits(ref).map((e) => ({ ...e, id: 'same' })),
    );
    expect(stepped.changed).toEqual(one.changed);
  });

  it('answers a dry run the same way and keeps nothing', async () => {
    const { edits, changed } = service();
    const intent: EditIntent = { kind: 'moveShifts', byMinutes: -30 };
    const dry = await edits.applyInSteps({ ...bulk(intent), dryRun: true });
    expect(dry.edit).toBeNull();
    expect(dry.changes).toHaveLength(agents);
    expect(edits.list(ref).edits).toEqual([]);
    expect(changed).toEqual([]);
  });

  it('lets the loop run while it computes', async () => {
    const { edits } = service();
    let ranMeanwhile = false;
    setImmediate(() => (ranMeanwhile = true));
    const applied = await edits.applyInSteps(bulk({ kind: 'moveShifts', byMinutes: 15 }));
    // apply in one go would have answered before any immediate ran.
    expect(ranMeanwhile).toBe(true);
    expect(applied.changes).toHaveLength(agents);
  });

  it('computes again on the new weeks when the change set moves between slices', async () => {
    const { edits } = service();
    // Runs at the first breath, after a-1 (first slice) was computed from the mirror's week.
    setImmediate(() =>
      edits.apply({
        ...ref,
        intent: { kind: 'dropShift', shiftId: 'shift-1-0' },
        agentIds: ['a-1'],
        source: { type: 'direct' },
      }),
    );
    const moved = await edits.applyInSteps(bulk({ kind: 'moveShifts', byMinutes: 15 }));
    const a1 = moved.changes.find((c) => c.agentId === 'a-1')!;
    // Computed on a-1's pending week (the drop applied), not on the mirror's two shifts.
    expect(a1.before.shifts.map((s) => s.id)).toEqual(['shift-1-1']);
    expect(a1.after.shifts).toHaveLength(1);
    expect(edits.list(ref).edits.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('keeps two stepped edits one after the other, the second on the weeks the first left', async () => {
    const { edits } = service();
    const [first, second] = await Promise.all([
      edits.applyInSteps(bulk({ kind: 'moveShifts', byMinutes: 15 })),
      edits.applyInSteps(bulk({ kind: 'moveShifts', byMinutes: 15 })),
    ]);
    expect(second.changes[0]!.before).toEqual(first.changes[0]!.after);
    expect(second.changes[0]!.after.shifts[0]!.startDate).toBe('2026-11-24T14:30:00.000Z');
    expect(edits.list(ref).count).toBe(2);
  });

  it('refuses bad input as apply does, with an OpsError, and the next edit still runs', async () => {
    const { edits } = service();
    const refused = edits.applyInSteps(bulk({ kind: 'moveShifts', byMinutes: 15 }, ['a-1', 'nobody']));
    await expect(refused).rejects.toBeInstanceOf(OpsError);
    await expect(refused).rejects.toMatchObject({ category: 'badInput', message: /has no agent nobody/ });
    const applied = await edits.applyInSteps(bulk({ kind: 'moveShifts', byMinutes: 15 }, ['a-1']));
    expect(applied.changes).toHaveLength(1);
  });
});
