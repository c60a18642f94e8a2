/**
 * edits.* through the contract's dispatcher on services synced from the
 * sandbox: arguments checked by the contract's schemas, ids checked against
 * the mirror, events to every attached window, and the change set through a
 * resync (someone else saved the schedule) and a restart of the services.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import type { Services } from '../../main/services';
import type { JobSnapshot, OpsArgs, OpsEvents, OpsMethodName, OpsOutcome, OpsResult } from '../../shared/contract';
import { tempDataDir, tempServices } from '../support/temp-services';

const now = () => new Date('2026-11-23T12:00:00Z');
const week = '2026-11-23';
let org: RunningSandbox;
const dataDir = tempDataDir();
let services: Services;
let profileId: string;

const raw = (method: string, args: unknown): Promise<OpsOutcome<OpsMethodName>> =>
  services.dispatch(method, args, { transport: 'inProcess' });

async function call<M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>> {
  const outcome = await raw(method, args);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result as OpsResult<M>;
}

async function sync(): Promise<void> {
  const job = (await call('sync.start', {
    profileId,
    businessUnitId: org.businessUnitId,
    weeks: [week],
  })) as JobSnapshot;
  expect((await services.jobs.settled(job.jobId)).state).toBe('succeeded');
}

/** The week's first draft in the sandbox and two agents of it with shifts. */
function draftOfWeek() {
  const unit = org.runtime.org.businessUnits.get(org.businessUnitId)!;
  const schedule = [...unit.schedules.values()]
    .filter((s) => s.weekDate === week && !s.published)
    .sort((a, b) => a.id.localeCompare(b.id))[0]!;
  const agents = [...schedule.agentSchedules.values()].filter((a) => a.shifts.length >= 2).slice(0, 2);
  return { schedule, agents };
}

beforeAll(async () => {
  org = await startSandbox({ seed: 71, agents: 40, now });
  services = await tempServices({ now, dataDir });
  ({ id: profileId } = await call('connections.save', {
    name: 'Chicago',
    kind: 'custom',
    baseUrl: org.baseUrl,
    grantType: 'client_credentials',
    clientId: org.clientId,
    clientSecret: org.clientSecret,
  }));
  await sync();
}, 60_000);
afterAll(async () => {
  await services?.close();
  await org?.close();
});

describe('edits.* through the contract', () => {
  it('refuses malformed arguments and unknown ids as bad input, changing nothing', async () => {
    const { schedule, agents } = draftOfWeek();
    const ref = { profileId, businessUnitId: org.businessUnitId, scheduleId: schedule.id };
    const drop = { kind: 'dropShift', shiftId: agents[0]!.shifts[0]!.id };
    for (const args of [
      { ...ref, intent: { kind: 'explode' }, agentIds: [agents[0]!.userId], source: { type: 'direct' } },
      { ...ref, intent: drop, agentIds: [], source: { type: 'direct' } },
      { ...ref, intent: drop, agentIds: ['a', 'a'], source: { type: 'direct' } },
      { ...ref, intent: drop, agentIds: [agents[0]!.userId], source: { type: 'direct' }, weeks: [] },
      { ...ref, intent: drop, agentIds: [agents[0]!.userId], source: { type: 'fix' } },
    ]) {
      expect(await raw('edits.apply', args)).toMatchObject({
        ok: false,
        error: { code: 'badArguments', category: 'badInput' },
      });
    }
    for (const [method, args] of [
      ['edits.list', { ...ref, scheduleId: 'no-such-schedule' }],
      ['edits.undo', { ...ref, businessUnitId: 'no-such-unit' }],
      ['edits.discard', { ...ref, editId: 'no-such-edit' }],
      ['edits.apply', { ...ref, intent: drop, agentIds: ['no-such-agent'], source: { type: 'direct' } }],
    ] as const) {
      expect(await raw(method, args)).toMatchObject({ ok: false, error: { code: 'failed', category: 'badInput' } });
    }
    expect((await call('edits.list', ref)).edits).toEqual([]);
  });

  it('keeps two windows in step, keeps the bases through a resync, and survives a restart', async () => {
    const { schedule, agents } = draftOfWeek();
    const ref = { profileId, businessUnitId: org.businessUnitId, scheduleId: schedule.id };
    const windows: Array<Array<OpsEvents['edits.changed']>> = [[], []];
    const detach = windows.map((seen) =>
      services.events.attach((name, payload) => {
        if (name === 'edits.changed') seen.push(payload as OpsEvents['edits.changed']);
      }),
    );
    const [first, second] = agents;
    const applied = await call('edits.apply', {
      ...ref,
      intent: { kind: 'dropShift', shiftId: first!.shifts[0]!.id },
      agentIds: [first!.userId],
      source: { type: 'direct' },
    });
    expect(applied).toMatchObject({ count: 1, canUndo: true, edit: { baseScheduleVersion: schedule.version } });
    await call('edits.apply', {
      ...ref,
      intent: { kind: 'holdBack' },
      agentIds: [first!.userId, second!.userId],
      source: { type: 'bulk', agentCount: 2 },
    });
    await call('edits.undo', ref);
    expect(windows[0]).toEqual(windows[1]);
    expect(windows[0]!.map((e) => [e.scheduleId, e.count, e.canRedo])).toEqual([
      [schedule.id, 1, false],
      [schedule.id, 2, false],
      [schedule.id, 1, true],
    ]);
    detach.forEach((d) => d());

    // Someone else saves the schedule in Genesys: the first agent's own version moves too.
    const baseAgentVersion = first!.version;
    schedule.version += 1;
    first!.version += 1;
    first!.shifts.pop();
    await sync();
    const list = await call('edits.list', ref);
    expect(list).toMatchObject({ count: 1, canRedo: true, mirrorScheduleVersion: schedule.version });
    expect(list.agents).toEqual([expect.objectContaining({ agentId: first!.userId, baseAgentVersion })]);
    const [diff] = await call('edits.diff', { ...ref, agentId: first!.userId });
    expect(diff).toMatchObject({ baseAgentVersion, mirrorAgentVersion: first!.version });
    expect(diff!.lines).toEqual([expect.stringMatching(/ shift dropped$/)]);

    await services.close();
    services = await tempServices({ now, dataDir });
    expect(await call('edits.redo', ref)).toMatchObject({
      count: 2,
      canRedo: false,
      edit: { label: expect.stringMatching(/^Hold back .* for 2 agents$/) },
    });
    const after = await call('edits.list', ref);
    expect(after.agents.map((a) => [a.agentId, a.heldBack])).toEqual(
      [first!.userId, second!.userId].sort().map((id) => [id, true]),
    );
    expect(await call('edits.discardAll', ref)).toMatchObject({
      count: 0,
      discarded: [expect.any(String), expect.any(String)],
    });
  });
});
