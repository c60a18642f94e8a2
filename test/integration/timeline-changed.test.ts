/**
 * "Changed only" on the timeline names exactly the agents whose week the draft revision changes, as the
 * sandbox generated them (manifest.revision.changedUserIds): the timeline's week comparison, fed by
 * timeline.window for both schedules through the contract, against the sandbox's own record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import type { Services } from '../../main/services';
import { changedAgentIds } from '../../renderer/features/timeline/week-diff';
import type { JobSnapshot, OpsArgs, OpsMethodName, OpsResult } from '../../shared/contract';
import { tempServices } from '../support/temp-services';

const now = () => new Date('2026-11-23T12:00:00Z');
let services: Services;
let org: RunningSandbox;

async function call<M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>> {
  const outcome = await services.dispatch(method, args, { transport: 'inProcess' });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result as OpsResult<M>;
}

beforeAll(async () => {
  org = await startSandbox({ seed: 44, agents: 150, now });
  services = await tempServices({ now });
});
afterAll(async () => {
  await services.close();
  await org.close();
});

describe('what this publish changes, per agent', () => {
  it('is exactly the agents the sandbox edited in the revision', async () => {
    const { id: profileId } = await call('connections.save', {
      name: 'Chicago',
      kind: 'custom',
      baseUrl: org.baseUrl,
      grantType: 'client_credentials',
      clientId: org.clientId,
      clientSecret: org.clientSecret,
    });
    const { revision } = org.runtime.manifest;
    const job = (await call('sync.start', {
      profileId,
      businessUnitId: org.businessUnitId,
      weeks: [revision.weekDate],
    })) as JobSnapshot;
    expect((await services.jobs.settled(job.jobId)).state).toBe('succeeded');
    const from = Date.parse(`${revision.weekDate}T00:00:00Z`) - 86_400_000;
    const window = (scheduleId: string) =>
      call('timeline.window', {
        profileId,
        businessUnitId: org.businessUnitId,
        scheduleId,
        from,
        to: from + 9 * 86_400_000,
        offset: 0,
        limit: 500,
      });
    const [draft, published] = await Promise.all([window(revision.scheduleId), window(revision.revisesScheduleId)]);
    expect(draft.total).toBe(150);
    const changed = changedAgentIds(draft.agents, published.agents);
    expect(changed.length).toBeGreaterThan(3);
    expect(changed).toEqual([...revision.changedUserIds].sort());

    // The roster in one answer is the windows' agents, in the same order, and takes the same filters.
    const roster = await call('timeline.roster', { profileId, businessUnitId: org.businessUnitId });
    expect(roster).toEqual(draft.agents.map(({ id, name, managementUnitId }) => ({ id, name, managementUnitId })));
    const some = roster.slice(3, 6).map((a) => a.id);
    expect(
      (await call('timeline.roster', { profileId, businessUnitId: org.businessUnitId, agentIds: some })).map(
        (a) => a.id,
      ),
    ).toEqual(some);
    const mu = roster[0]!.managementUnitId!;
    const inUnit = await call('timeline.roster', {
      profileId,
      businessUnitId: org.businessUnitId,
      managementUnitId: mu,
    });
    expect(inUnit.length).toBeGreaterThan(0);
    expect(inUnit.every((a) => a.managementUnitId === mu)).toBe(true);

    // The roster with the top of the grid: the same agents, and each page exactly what timeline.window
    // answers for it (the renderer caches it under that page's key), for the rows asked for only.
    const units = [...new Set(roster.map((a) => a.managementUnitId!))].sort();
    const firstUnitSize = roster.filter((a) => a.managementUnitId === units[0]).length;
    const top = await call('timeline.rosterTop', {
      profileId,
      businessUnitId: org.businessUnitId,
      scheduleId: revision.scheduleId,
      from,
      to: from + 9 * 86_400_000,
      // Header and agents of the first unit, the second unit's header and its first agent.
      rows: firstUnitSize + 3,
      collapsedUnits: [],
    });
    expect(top.agents).toEqual(roster);
    expect(top.pages.map((p) => [p.managementUnitId, p.page])).toEqual([
      [units[0], 0],
      [units[1], 0],
    ]);
    for (const p of top.pages) {
      const page = await call('timeline.window', {
        profileId,
        businessUnitId: org.businessUnitId,
        scheduleId: revision.scheduleId,
        from,
        to: from + 9 * 86_400_000,
        managementUnitId: p.managementUnitId,
        offset: p.page * 100,
        limit: 100,
      });
      expect(p.window).toEqual(page);
      expect(page.agents.some((a) => a.shifts.length > 0)).toBe(true);
    }
    // A collapsed first unit shows its header only: the next unit's page is the first one sent.
    const collapsed = await call('timeline.rosterTop', {
      profileId,
      businessUnitId: org.businessUnitId,
      scheduleId: revision.scheduleId,
      from,
      to: from + 9 * 86_400_000,
      rows: 3,
      collapsedUnits: [units[0]!],
    });
    expect(collapsed.pages.map((p) => p.managementUnitId)).toEqual([units[1]]);
  });
});
