/**
 * `script-lock`: agents in an active scripted conversation cannot have what
 * they see changed. The publish is refused with a 409 naming them; the
 * engine holds exactly those agents, publishes the rest, watches the held
 * agents' sessions, and when the sessions end (ended in the sandbox while the
 * publish is held) `publish.release` publishes them: in the end Genesys has
 * every edit, once, and the week has one published schedule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now, startPublishRig, week, type PublishRig } from './publish-rig';

let rig: PublishRig;
beforeAll(async () => {
  rig = await startPublishRig({ seed: 81, faults: ['script-lock'] });
}, 60_000);
afterAll(async () => rig?.close());

/** The sandbox's agents in a scripted conversation now. */
function busyAgents(): Set<string> {
  const at = now().getTime();
  return new Set(
    rig.org.runtime.org.scriptSessions
      .filter((s) => Date.parse(s.start) <= at && (s.end === null || Date.parse(s.end) > at))
      .map((s) => s.userId),
  );
}

describe('publish under script-lock', () => {
  it('holds the agents Genesys names, publishes the rest, and publishes the held ones once their sessions end', async () => {
    const draft = rig.draft();
    const firstStart = new Map(
      [...draft.agentSchedules.values()].map((a) => [a.userId, Date.parse(a.shifts[0]?.startDate ?? '')]),
    );
    const edited = await rig.editAgents(draft.id, 8);
    const busyEdited = edited.filter((id) => busyAgents().has(id));
    // The seed puts agents of the change set in scripted conversations: the case under test.
    expect(busyEdited.length).toBeGreaterThan(0);

    const jobId = await rig.start({ scheduleId: draft.id });
    const held = await rig.until(jobId, ['held', 'done', 'failed', 'conflict', 'reviewing']);
    expect({ phase: held.phase, outcome: held.outcome }).toEqual({ phase: 'held', outcome: held.outcome });
    const refused = held.steps.find((s) => s.kind === 'sendUpdate' && s.httpStatus === 409)!;
    const named = busyEdited.filter((id) => refused.note.includes(id));
    expect(named.length).toBeGreaterThan(0);
    const heldIds = held.agents.filter((a) => a.status === 'held').map((a) => a.agentId);
    // Exactly the agents Genesys named are held, each said to be a correlation with a session; the rest landed.
    expect(heldIds.sort()).toEqual([...named].sort());
    for (const a of held.agents.filter((x) => x.status === 'held')) expect(a.note).toMatch(/scripted conversation/);
    expect(
      held.agents
        .filter((a) => a.status === 'applied' && a.edited)
        .map((a) => a.agentId)
        .sort(),
    ).toEqual(edited.filter((id) => !named.includes(id)).sort());
    // The draft's unedited agents (tracked: it is published over the week) are in no session here: all applied.
    expect(held.agents.filter((a) => !a.edited).every((a) => a.status === 'applied')).toBe(true);
    // Preflight saw the sessions the sandbox has now (the agents asked about that are busy).
    const preflightCheck = held.steps.find((s) => s.kind === 'checkScriptSessions')!;
    expect(preflightCheck.note).toBe(`${busyEdited.length} agent(s) in a scripted conversation`);
    const published = rig.schedule(draft.id);
    expect(published.published).toBe(true);
    for (const id of named)
      expect(published.agentSchedules.get(id)!.shifts.map((s) => Date.parse(s.startDate))).toContain(
        firstStart.get(id),
      );

    // The held agents' sessions end in Genesys: the watch offers them, and release publishes them.
    expect(held.heldReadyAgentIds).toEqual([]);
    const ended = new Date(now().getTime() - 60_000).toISOString();
    for (const s of rig.org.runtime.org.scriptSessions)
      if (named.includes(s.userId) && (s.end === null || Date.parse(s.end) > now().getTime())) s.end = ended;
    expect(named.filter((id) => busyAgents().has(id))).toEqual([]);
    let ready = held;
    for (let i = 0; i < 400 && ready.heldReadyAgentIds.length < named.length; i++) {
      await new Promise((r) => setTimeout(r, 25));
      ready = await rig.call('publish.state', { jobId });
    }
    expect(ready.heldReadyAgentIds.sort()).toEqual([...named].sort());
    await rig.call('publish.release', { jobId });
    const done = await rig.until(jobId, ['done', 'failed', 'conflict', 'reviewing', 'held']);
    expect({ phase: done.phase, outcome: done.outcome }).toEqual({ phase: 'done', outcome: done.outcome });
    expect(done.counts).toMatchObject({ applied: done.agents.length, held: 0, failed: 0 });
    expect(done.agents.filter((a) => a.edited)).toHaveLength(edited.length);

    const after = rig.schedule(draft.id);
    for (const id of edited) {
      const starts = after.agentSchedules.get(id)!.shifts.map((s) => Date.parse(s.startDate));
      expect(starts.filter((t) => t === firstStart.get(id)! + 3_600_000)).toHaveLength(1);
      expect(starts).not.toContain(firstStart.get(id));
    }
    const unit = rig.org.runtime.org.businessUnits.get(rig.businessUnitId)!;
    expect([...unit.schedules.values()].filter((s) => s.weekDate === week && s.published).map((s) => s.id)).toEqual([
      draft.id,
    ]);
  }, 60_000);
});
