/**
 * `publish-morning`: other supervisors and shift trades save the same
 * schedule while we publish (409s, true conflicts), with an occasional 429.
 * The publish ends with every edit of ours applied once and every edit of
 * the other editors on what we did not change kept; a true conflict stops
 * for a decision, and deciding it (merge when offered, else mine) resolves it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPublishRig, type PublishRig } from './publish-rig';

let rig: PublishRig;
beforeAll(async () => {
  rig = await startPublishRig({ seed: 88, faults: ['publish-morning'] });
}, 90_000);
afterAll(async () => rig?.close());

describe('publish under publish-morning', () => {
  it('applies every edit and keeps every edit of the other editors', async () => {
    const draft = rig.draft();
    const firstShift = new Map(
      [...draft.agentSchedules.values()].map((a) => [a.userId, { id: a.shifts[0]?.id, start: a.shifts[0]?.startDate }]),
    );
    const edited = await rig.editAgents(draft.id, 8);
    const auditBefore = (await rig.call('activity.list', { limit: 1, offset: 0 })).rows[0]?.id ?? 0;
    const jobId = await rig.start({ scheduleId: draft.id });
    const decided = new Set<string>();
    // The other supervisor saves under their user id (a UserReference, no name): the card names them.
    const supervisorNames = new Set(
      [...rig.org.runtime.org.users.values()].filter((u) => !u.managementUnitId).map((u) => u.name),
    );
    const userIds = new Set(rig.org.runtime.org.users.keys());
    let view = await rig.until(jobId, ['done', 'failed', 'conflict', 'reviewing']);
    for (let round = 0; view.phase === 'conflict' && round < 20; round++) {
      const agent = view.agents.find((a) => a.status === 'conflict')!;
      expect(agent.conflict!.changedBy.length).toBeGreaterThan(0);
      for (const stamp of agent.conflict!.changedBy) {
        expect(userIds.has(stamp.modifiedBy)).toBe(false);
        expect(supervisorNames.has(stamp.modifiedBy)).toBe(true);
      }
      decided.add(agent.agentId);
      const choice = agent.conflict!.mergeOffered ? 'merge' : 'mine';
      view = await rig.call('publish.decide', { jobId, agentId: agent.agentId, choice });
      view = await rig.until(jobId, ['done', 'failed', 'conflict', 'reviewing']);
    }
    expect({ phase: view.phase, outcome: view.outcome }).toEqual({ phase: 'done', outcome: view.outcome });
    // This seed's morning has a true conflict, so the naming above was checked.
    expect(decided.size).toBeGreaterThan(0);
    // The names' lookup: one request per new editor, made inside a re-read's step (so counted with it).
    const rows = (await rig.call('activity.list', { limit: 500, offset: 0 })).rows.filter((r) => r.id > auditBefore);
    const lookups = rows.filter((r) => r.pathTemplate === '/api/v2/users');
    expect(lookups).toHaveLength(1);
    const rereads = view.steps.filter((s) => s.kind === 'reread');
    const within = (at: string) =>
      rereads.some((s) => Date.parse(s.at) <= Date.parse(at) && Date.parse(at) <= Date.parse(s.answeredAt ?? s.at));
    expect(lookups.every((r) => within(r.at))).toBe(true);
    const after = rig.schedule(draft.id);
    expect(after.published).toBe(true);
    for (const agentId of edited) {
      const moved = firstShift.get(agentId)!;
      const shifts = after.agentSchedules.get(agentId)!.shifts;
      // Ours, applied once: the moved shift is where we put it, once, and nowhere else.
      expect(shifts.filter((s) => Date.parse(s.startDate) === Date.parse(moved.start!) + 3_600_000)).toHaveLength(1);
    }
    // Theirs kept: every shift another editor changed that we did not also change still carries their trade.
    const theirs = rig.theirShiftIds(draft.id);
    let kept = 0;
    for (const [agentId, ids] of theirs)
      for (const id of ids) {
        if (edited.includes(agentId) && firstShift.get(agentId)!.id === id) continue;
        const shift = after.agentSchedules.get(agentId)!.shifts.find((s) => s.id === id);
        expect(shift?.activities.at(-1)?.description ?? '').toContain('(traded)');
        kept += 1;
      }
    const sends = view.steps.filter((s) => s.kind === 'sendUpdate');
    expect(new Set(sends.map((s) => s.attempt)).size).toBe(sends.length);
    // This seed's morning: another editor saves first (the update is refused as stale), and a 429 is waited out.
    expect(sends.some((s) => s.httpStatus === 409 || s.httpStatus === 400)).toBe(true);
    expect(kept).toBeGreaterThan(0);
    const waited = view.steps.filter((s) => s.kind === 'wait' && s.waitReason === 'retryAfter');
    expect(waited.length).toBeGreaterThan(0);
  }, 120_000);
});
