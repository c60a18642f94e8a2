/** A re-read keeps the agents it finds as they were: the same objects, so nothing is built again for them. */
import { describe, expect, it } from 'vitest';
import { anaBase, anaMine, benBase, confirming, ok, read, sent, step } from '../../test/publish/machine-kit';

describe('a re-read after a stale version', () => {
  const refused = () =>
    step(sent(confirming()).state, { type: 'updateAnswered', outcome: { status: 409, contextId: 'c' } }).state;

  it('keeps the agents record when nobody moved', () => {
    const before = refused();
    const t = step(before, {
      type: 'reread',
      outcome: ok,
      schedule: { version: 11, published: false },
      // Read afresh: equal weeks, new objects.
      agents: [read('ana', structuredClone(anaBase), 3), read('ben', structuredClone(benBase), 5)],
    });
    expect(t.state.agents).toBe(before.agents);
    expect(t.state.schedule.version).toBe(11);
  });

  it('keeps an agent whose read differs only by the schedule references Genesys fills in', () => {
    const before = refused();
    const ref = { id: 'sched-1', weekDate: '2026-11-30' };
    const withRefs = <W extends typeof anaBase>(w: W): W => ({
      ...w,
      shifts: w.shifts.map((s) => ({ ...s, schedule: ref })),
    });
    const t = step(before, {
      type: 'reread',
      outcome: ok,
      schedule: { version: 11, published: false },
      agents: [read('ana', withRefs(structuredClone(anaBase)), 3), read('ben', withRefs(structuredClone(benBase)), 5)],
    });
    expect(t.state.agents).toBe(before.agents);
    // A reference our side has is compared: another one is a change.
    const referenced = {
      ...before,
      agents: { ...before.agents, ben: { ...before.agents.ben!, base: { version: 5, week: withRefs(benBase) } } },
    };
    const other = step(referenced, {
      type: 'reread',
      outcome: ok,
      schedule: { version: 11, published: false },
      agents: [
        read('ana', structuredClone(anaBase), 3),
        read(
          'ben',
          { ...benBase, shifts: benBase.shifts.map((s) => ({ ...s, schedule: { ...ref, id: 'sched-2' } })) },
          5,
        ),
      ],
    });
    expect(other.state.agents.ana).toBe(before.agents.ana);
    expect(other.state.agents.ben).not.toBe(referenced.agents.ben);
  });

  it('replaces only the agent that moved', () => {
    const before = refused();
    const theirs = structuredClone(anaBase);
    theirs.shifts[1]!.lengthMinutes = 420;
    const t = step(before, {
      type: 'reread',
      outcome: ok,
      schedule: { version: 11, published: false },
      agents: [read('ana', theirs, 4), read('ben', structuredClone(benBase), 5)],
    });
    expect(t.state.agents).not.toBe(before.agents);
    expect(t.state.agents.ben).toBe(before.agents.ben);
    expect(t.state.agents.ana).not.toBe(before.agents.ana);
    expect(t.state.agents.ana!.base).toEqual({ week: theirs, version: 4 });
    // Ours still on their shift 2: the merge keeps their length and our first shift.
    expect(t.state.agents.ana!.intended.shifts[0]).toEqual(anaMine.shifts[0]);
  });

  it('says in the timeline when it resumed a re-read cut off before the wait', () => {
    const agents = [read('ana', structuredClone(anaBase), 3), read('ben', structuredClone(benBase), 5)];
    const schedule = { version: 11, published: false };
    const resumed = step(refused(), { type: 'reread', outcome: ok, schedule, agents, unitsKept: 2 });
    expect(resumed.state.log.at(-1)!.note).toContain('resumed: 2 management unit(s) read before the wait kept');
    const whole = step(refused(), { type: 'reread', outcome: ok, schedule, agents });
    expect(whole.state.log.at(-1)!.note).not.toContain('resumed');
  });
});
