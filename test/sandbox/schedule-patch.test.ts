/**
 * A schedule update is a patch: each agent entry changes only what it lists
 * (shifts by id, full-day time off by date), and the agent's version moves
 * only when something changed.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSandbox, type NotificationListener, type SandboxSession } from './harness';
import { asUpload, operationEnd, scheduleHelpers, type WeekRef } from './schedule-helpers';

let s: SandboxSession;
let h: ReturnType<typeof scheduleHelpers>;
let listener: NotificationListener;
let week: WeekRef;

beforeAll(async () => {
  s = await openSandbox({ seed: 12, agents: 120, operationDelayMs: 10 });
  h = scheduleHelpers(s);
  listener = await h.listenToSchedules();
  week = s.sandbox.runtime.manifest.weeks.find((w) => !w.published)!;
});
afterAll(async () => {
  listener.close();
  await s.close();
});

const used: string[] = [];
/** A fresh clean agent per test, so one test's edit never meets another's. */
async function freshAgent() {
  const agent = await h.cleanAgent(week, used);
  used.push(agent.user!.id!);
  return agent;
}

/** Sends one agent entry and waits for the update to end; the agent as it is afterwards. */
async function patch(agent: Models.BuAgentScheduleQueryResponse, entry: Record<string, unknown>) {
  const res = await h.update(week, {
    metadata: { version: await h.version(week) },
    agentSchedules: [{ userId: agent.user!.id, metadata: agent.metadata, ...entry }],
  });
  expect(res.status).toBe(200);
  const end = await operationEnd(listener, res.body.operationId);
  expect(end.eventBody.status).toBe('Complete');
  return h.readAgent(week, agent.user!.id!);
}

describe('schedule update as a patch', () => {
  it('deletes only the shift named with delete: true; the others stay as they were; the version moves', async () => {
    const agent = await freshAgent();
    const [first, ...rest] = agent.shifts!;
    const after = await patch(agent, { shifts: [{ id: first!.id, delete: true }] });
    expect(after!.shifts).toEqual(rest);
    expect(after!.metadata!.version).toBe(agent.metadata!.version + 1);
  });

  it('refuses a shift id that is not the agent’s with a 400 naming it, accepting nothing', async () => {
    const agent = await freshAgent();
    const version = await h.version(week);
    const res = await h.update(week, {
      metadata: { version },
      agentSchedules: [
        { userId: agent.user!.id, metadata: agent.metadata, shifts: [{ id: 'no-such-shift', lengthMinutes: 60 }] },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('shift no-such-shift');
    expect(res.body.details).toEqual([
      expect.objectContaining({ errorCode: 'unknown.shift.id', entityId: 'no-such-shift' }),
    ]);
    await new Promise((r) => setTimeout(r, 50));
    expect(await h.version(week)).toBe(version);
  });

  it('leaves the shifts alone for an entry without shifts, and patches time off by date', async () => {
    const agent = await freshAgent();
    const vacation = h.bu().activityCodes.find((c) => c.name === 'Vacation')!;
    // A day none of the agent's shifts touches (Chicago is UTC-6 in this week).
    const touches = (d: string) =>
      agent.shifts!.some(
        (x) =>
          Date.parse(x.startDate!) < Date.parse(`${d}T06:00:00Z`) + 86_400_000 &&
          Date.parse(x.startDate!) + x.lengthMinutes! * 60_000 > Date.parse(`${d}T06:00:00Z`),
      );
    const days = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'];
    const day = days.find((d) => !touches(d))!;
    const added = await patch(agent, {
      fullDayTimeOffMarkers: [{ businessUnitDate: day, lengthMinutes: 480, activityCodeId: vacation.id }],
    });
    expect(added!.shifts).toEqual(agent.shifts);
    expect(added!.fullDayTimeOffMarkers).toEqual([
      expect.objectContaining({ businessUnitDate: day, lengthMinutes: 480, description: 'Vacation', paid: true }),
    ]);
    const removed = await patch(added!, { fullDayTimeOffMarkers: [{ businessUnitDate: day, delete: true }] });
    expect(removed!.fullDayTimeOffMarkers).toEqual([]);
    expect(removed!.metadata!.version).toBe(agent.metadata!.version + 2);
  });

  it('does not move the version of an agent whose entry changes nothing, while the schedule’s moves', async () => {
    const agent = await freshAgent();
    const version = await h.version(week);
    const after = await patch(agent, { shifts: agent.shifts!.map(asUpload) });
    expect(after).toEqual(agent);
    expect(await h.version(week)).toBe(version + 1);
  });

  it('adds a shift without an id (from its activities alone) and replaces one by id, field by field', async () => {
    const agent = await freshAgent();
    const second = agent.shifts![1]!;
    const last = agent.shifts!.at(-1)!;
    const onQueue = h.bu().activityCodes.find((c) => c.name === 'On Queue')!;
    // Three hours after the week's last shift ends: a time the agent is free.
    const start = Date.parse(last.startDate!) + (last.lengthMinutes! + 180) * 60_000;
    const later = new Date(Date.parse(second.startDate!) + 30 * 60_000).toISOString();
    const moved = second.activities!.map((a) => ({
      ...a,
      startDate: new Date(Date.parse(a.startDate) + 30 * 60_000).toISOString(),
    }));
    const newActivity = { startDate: new Date(start).toISOString(), lengthMinutes: 60, activityCodeId: onQueue.id };
    const after = await patch(agent, {
      shifts: [{ activities: [newActivity] }, { id: second.id, startDate: later, activities: moved }],
    });
    const extra = after!.shifts!.find((x) => !agent.shifts!.some((y) => y.id === x.id))!;
    expect(extra).toMatchObject({ startDate: newActivity.startDate, lengthMinutes: 60, manuallyEdited: true });
    expect(extra.activities).toEqual([{ ...newActivity, description: 'On Queue', paid: true }]);
    const replaced = after!.shifts!.find((x) => x.id === second.id)!;
    expect(replaced).toMatchObject({ startDate: later, lengthMinutes: second.lengthMinutes, manuallyEdited: true });
    expect(after!.shifts).toHaveLength(agent.shifts!.length + 1);
  });

  it('refuses a new shift without a start or a length, naming what is missing', async () => {
    const agent = await freshAgent();
    const res = await h.update(week, {
      metadata: { version: await h.version(week) },
      agentSchedules: [{ userId: agent.user!.id, metadata: agent.metadata, shifts: [{ lengthMinutes: 480 }] }],
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('agentSchedules[0].shifts[0] is a new shift (no id) without startDate');
    expect(res.body.details![0]).toMatchObject({ fieldName: 'agentSchedules[0].shifts[0].startDate' });
  });

  it('sets and clears the work plan (a ValueWrapperString), and leaves it alone when absent', async () => {
    const agent = await freshAgent();
    const set = await patch(agent, { workPlanId: { value: 'wp-early' } });
    expect(set!.workPlan).toEqual({ id: 'wp-early' });
    const untouched = await patch(set!, { shifts: [] });
    expect(untouched!.workPlan).toEqual({ id: 'wp-early' });
    expect(untouched!.metadata!.version).toBe(set!.metadata!.version);
    const cleared = await patch(untouched!, { workPlanId: {} });
    expect(cleared!.workPlan).toBeUndefined();
  });

  it('removes the agent’s schedule for an entry with delete: true', async () => {
    const agent = await freshAgent();
    const res = await h.update(week, {
      metadata: { version: await h.version(week) },
      agentSchedules: [{ userId: agent.user!.id, metadata: agent.metadata, delete: true }],
    });
    expect((await operationEnd(listener, res.body.operationId)).eventBody.status).toBe('Complete');
    expect(await h.readAgent(week, agent.user!.id!)).toBeUndefined();
  });
});
