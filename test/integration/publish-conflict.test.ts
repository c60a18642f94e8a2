/**
 * A true conflict: another supervisor changed the very shift we moved, after
 * our edit was made (the agent's own version moved). Preflight finds it,
 * the publish stops for a decision naming the other editor, and the one
 * decision (mine) resolves it: our shift is published, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPublishRig, type PublishRig } from './publish-rig';

let rig: PublishRig;
beforeAll(async () => {
  rig = await startPublishRig({ seed: 87 });
}, 60_000);
afterAll(async () => rig?.close());

describe('a true conflict', () => {
  it('stops for a decision and the decision resolves it', async () => {
    const draft = rig.draft();
    const [agentId] = await rig.editAgents(draft.id, 1);
    const agent = draft.agentSchedules.get(agentId!)!;
    const shift = agent.shifts[0]!;
    const start = Date.parse(shift.startDate);
    // Another supervisor lengthens the same shift in Genesys after our edit (its agent version moves).
    const before = structuredClone(agent);
    shift.lengthMinutes += 30;
    agent.version += 1;
    draft.version += 1;
    draft.agentHistory ??= new Map();
    draft.agentHistory.set(agentId!, {
      base: {
        dateModified: '2026-11-23T06:00:00Z',
        modifiedByUserId: 'x',
        shifts: before.shifts,
        fullDayTimeOffMarkers: [],
      },
      changes: [
        {
          dateModified: '2026-11-23T11:58:00Z',
          modifiedByUserId: 'other-supervisor',
          shifts: [structuredClone(shift)],
          fullDayTimeOffMarkers: [],
          deletedShiftIds: [],
          deletedMarkerDates: [],
          deletedAgentSchedule: false,
        },
      ],
      dropped: [],
    });
    const jobId = await rig.start({ scheduleId: draft.id });
    const stopped = await rig.until(jobId, ['conflict', 'confirming', 'done', 'failed']);
    expect(stopped.decision?.conflictAgentIds).toEqual([agentId]);
    const conflicted = stopped.agents.find((a) => a.agentId === agentId)!;
    expect(conflicted.status).toBe('conflict');
    expect(conflicted.conflict!.changedBy.map((c) => c.modifiedBy)).toContain('other-supervisor');
    expect(rig.schedule(draft.id).published).toBe(false);

    await rig.call('publish.decide', { jobId, agentId: agentId!, choice: 'mine' });
    // Decided in preflight: the publish goes on to "what changes for whom"; confirm it.
    const next = await rig.until(jobId, ['confirming', 'done', 'failed']);
    if (next.phase === 'confirming') await rig.call('publish.confirm', { jobId });
    const done = await rig.until(jobId, ['done', 'failed']);
    expect({ phase: done.phase, outcome: done.outcome }).toEqual({ phase: 'done', outcome: done.outcome });
    const final = rig.schedule(draft.id).agentSchedules.get(agentId!)!.shifts;
    expect(final.filter((s) => Date.parse(s.startDate) === start + 3_600_000)).toHaveLength(1);
    expect(done.agents.find((a) => a.agentId === agentId)!.resolution).toBe('mine');
  }, 60_000);
});
