/**
 * `GET .../history/agents/{agentId}`: who changed an agent, and when, kept
 * from every write – two supervisors' updates, another editor's save under
 * `publish-morning` – and what a publish over the schedule dropped.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxOptions } from '../../main/sandbox/server';
import { openSandbox, supervisorToken, type SandboxSession } from './harness';
import { asUpload, operationEnd, scheduleHelpers, type WeekRef } from './schedule-helpers';

const open: SandboxSession[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function session(options: SandboxOptions = {}) {
  const s = await openSandbox({ seed: 15, agents: 120, operationDelayMs: 10, autoApprove: true, ...options });
  open.push(s);
  return { s, h: scheduleHelpers(s) };
}

const history = (s: SandboxSession, h: ReturnType<typeof scheduleHelpers>, w: WeekRef, agentId: string) =>
  s.api<Models.BuAgentScheduleHistoryResponse & Models.ErrorBody>('GET', `${h.path(w)}/history/agents/${agentId}`);

/** A second supervisor with their own sign-in client, so two people edit. */
function secondSupervisor(s: SandboxSession) {
  const supervisors = [...s.sandbox.runtime.org.users.values()].filter((u) => !u.managementUnitId);
  const own = [...s.sandbox.runtime.org.clients.values()].find((c) => c.grantTypes.includes('authorization_code'))!;
  const other = supervisors.find((u) => u.id !== own.userId)!;
  s.sandbox.runtime.org.clients.set('test-second-supervisor', {
    ...own,
    clientId: 'test-second-supervisor',
    userId: other.id,
  });
  return { first: own.userId!, second: other.id };
}

describe('agent schedule history', () => {
  it('lists the base and each change with who made it and when, after two writes by different supervisors', async () => {
    const { s, h } = await session();
    const week = s.sandbox.runtime.manifest.weeks.find((w) => !w.published)!;
    const people = secondSupervisor(s);
    const tokens = [await supervisorToken(s.sandbox), await supervisorToken(s.sandbox, 'test-second-supervisor')];
    const agent = await h.cleanAgent(week);
    const listener = await h.listenToSchedules();
    const [first, second] = agent.shifts!;
    const later = new Date(Date.parse(second!.startDate!) + 30 * 60_000).toISOString();
    const edits = [
      { shifts: [{ id: first!.id, delete: true }] },
      { shifts: [{ ...asUpload(second!), startDate: later, activities: [] }] },
    ];
    for (const [i, edit] of edits.entries()) {
      const auth = { authorization: `Bearer ${tokens[i]}` };
      const current = (await h.readAgent(week, agent.user!.id!))!;
      const res = await h.update(
        week,
        {
          metadata: (await h.metadata(week, auth)).metadata,
          agentSchedules: [{ userId: agent.user!.id, metadata: current.metadata, ...edit }],
        },
        auth,
      );
      expect((await operationEnd(listener, res.body.operationId)).eventBody.status).toBe('Complete');
    }
    listener.close();
    const res = await history(s, h, week, agent.user!.id!);
    expect(res.status).toBe(200);
    expect(res.body.basePublishedSchedule!.shifts!.map((x) => x.id)).toEqual(agent.shifts!.map((x) => x.id));
    expect(res.body.basePublishedSchedule!.metadata!.dateModified).toBe(agent.metadata!.dateModified);
    const [deleted, moved] = res.body.changes!;
    expect(res.body.changes).toHaveLength(2);
    expect(deleted!.metadata!.modifiedBy!.id).toBe(people.first);
    expect(deleted!.deletes).toEqual({ shiftIds: [first!.id], fullDayTimeOffMarkerDates: [], agentSchedule: false });
    expect(deleted!.shifts).toEqual([]);
    expect(moved!.metadata!.modifiedBy!.id).toBe(people.second);
    expect(moved!.shifts).toEqual([expect.objectContaining({ id: second!.id, startDate: later, activities: [] })]);
    expect(Date.parse(moved!.metadata!.dateModified!)).toBeGreaterThanOrEqual(
      Date.parse(deleted!.metadata!.dateModified!),
    );
    expect(res.body.droppedChanges).toEqual([]);
  });

  it('records the save of publish-morning’s other editor under that supervisor’s name', async () => {
    const { s, h } = await session();
    const week = s.sandbox.runtime.manifest.weeks.find((w) => !w.published)!;
    const schedule = h.bu().schedules.get(week.scheduleId)!;
    const before = new Map([...schedule.agentSchedules].map(([id, a]) => [id, a.version]));
    // The profile draws when the other editor saves; here it saves on this very update.
    s.sandbox.faults.competingSave = () => true;
    const res = await h.update(week, { metadata: { version: await h.version(week) }, agentSchedules: [] });
    expect(res.status === 409 || res.status === 400).toBe(true);
    const traded = [...schedule.agentSchedules.values()].filter((a) => a.version !== before.get(a.userId));
    expect(traded.length).toBeGreaterThan(0);
    for (const agent of traded) {
      const { body } = await history(s, h, week, agent.userId);
      expect(body.changes).toHaveLength(1);
      const editor = s.sandbox.runtime.org.users.get(body.changes![0]!.metadata!.modifiedBy!.id!)!;
      expect(editor.managementUnitId).toBeUndefined();
      expect(body.changes![0]!.shifts![0]!.activities!.at(-1)!.description).toMatch(/\(traded\)$/);
      expect(
        body.basePublishedSchedule!.shifts!.every((x) => !x.activities!.at(-1)!.description!.endsWith('(traded)')),
      ).toBe(true);
    }
  });

  it('lists as dropped what was changed in the old published schedule after the revision was made', async () => {
    const { s, h } = await session();
    const { revision, weeks } = s.sandbox.runtime.manifest;
    const old = weeks.find((w) => w.scheduleId === revision.revisesScheduleId)!;
    const rev = { weekDate: revision.weekDate, scheduleId: revision.scheduleId };
    const agent = await h.cleanAgent(old, revision.changedUserIds);
    const listener = await h.listenToSchedules();
    const edit = await h.update(old, {
      metadata: { version: await h.version(old) },
      agentSchedules: [
        { userId: agent.user!.id, metadata: agent.metadata, shifts: [{ id: agent.shifts![0]!.id, delete: true }] },
      ],
    });
    await operationEnd(listener, edit.body.operationId);
    const publish = await h.update(rev, { published: true, metadata: { version: await h.version(rev) } });
    expect((await operationEnd(listener, publish.body.operationId)).eventBody.status).toBe('Complete');
    listener.close();
    const res = await history(s, h, rev, agent.user!.id!);
    expect(res.body.droppedChanges).toEqual([
      expect.objectContaining({ deletes: expect.objectContaining({ shiftIds: [agent.shifts![0]!.id] }) }),
    ]);
    expect(res.body.changes).toEqual([]);
  });

  it('answers an agent outside the business unit with 404', async () => {
    const { s, h } = await session();
    const week = s.sandbox.runtime.manifest.weeks[0]!;
    expect((await history(s, h, week, 'no-such-agent')).status).toBe(404);
  });
});
