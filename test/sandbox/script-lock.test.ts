/**
 * script-lock on publishes: publishing the current week's draft revision is
 * refused with a 409 naming every agent in an active scripted conversation
 * whose week it would change, listed in the upload or not; holding those
 * agents back (listing them exactly as they are published now) lets the rest
 * publish, and the held agents go out once their sessions end.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, describe, expect, it } from 'vitest';
import { openSandbox, type SandboxSession } from './harness';
import { asUpload, operationEnd, scheduleHelpers, type WeekRef } from './schedule-helpers';
import type { SandboxOptions } from '../../main/sandbox/server';

const open: SandboxSession[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function setup(options: SandboxOptions = {}) {
  const s = await openSandbox({ seed: 21, agents: 120, operationDelayMs: 10, faults: ['script-lock'], ...options });
  open.push(s);
  const h = scheduleHelpers(s);
  const m = s.sandbox.runtime.manifest;
  const draft: WeekRef = { weekDate: m.revision.weekDate, scheduleId: m.revision.scheduleId };
  const published: WeekRef = { weekDate: m.revision.weekDate, scheduleId: m.revision.revisesScheduleId };
  const org = s.sandbox.runtime.org;
  /** Puts agents in a scripted conversation that started ten minutes ago; returns a function that ends them. */
  const startSessions = (userIds: string[]) => {
    const sessions = userIds.map((userId, i) => ({
      conversationId: `test-conversation-${i}`,
      userId,
      scriptId: 'test-script',
      queueId: 'test-queue',
      start: '2026-11-23T11:50:00.000Z',
      end: null as string | null,
    }));
    org.scriptSessions.push(...sessions);
    return () => sessions.forEach((x) => (x.end = '2026-11-23T11:59:00.000Z'));
  };
  /** Ends every session of the seed's own, so a test names exactly the agents it locks. */
  const endSeedSessions = () =>
    org.scriptSessions.forEach((x) => {
      if (x.end === null) x.end = '2026-11-23T11:55:00.000Z';
    });
  return { s, h, m, draft, published, startSessions, endSeedSessions };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** Publishes the draft with these agent entries; the answer, and (when accepted) its operation's end. */
async function publishDraft(t: Setup, agentSchedules: unknown[] = []) {
  const version = await t.h.version(t.draft);
  const listener = await t.h.listenToSchedules();
  const res = await t.h.update(t.draft, { published: true, metadata: { version }, agentSchedules });
  const end = res.status === 200 ? await operationEnd(listener, res.body.operationId) : null;
  listener.close();
  return { res, end, version };
}

/** The entry that leaves an agent of the draft exactly as they are published now: their draft shifts out, the published ones in. */
async function heldBackEntry(t: Setup, userId: string) {
  const now = (await t.h.readAgent(t.published, userId))!;
  const draft = (await t.h.readAgent(t.draft, userId))!;
  return {
    userId,
    metadata: draft.metadata,
    shifts: [
      ...(now.shifts ?? []).map(({ id: _id, ...s }) => asUpload(s)),
      ...(draft.shifts ?? []).map((s) => ({ id: s.id, delete: true })),
    ],
    fullDayTimeOffMarkers: [
      ...(now.fullDayTimeOffMarkers ?? []),
      ...(draft.fullDayTimeOffMarkers ?? [])
        .filter((d) => !(now.fullDayTimeOffMarkers ?? []).some((n) => n.businessUnitDate === d.businessUnitDate))
        .map((d) => ({ ...d, delete: true })),
    ],
  };
}

/** What an agent sees, ids aside. */
const seen = (a: Models.BuAgentScheduleQueryResponse | undefined) =>
  JSON.stringify(
    (a?.shifts ?? []).map((s) => [s.startDate, s.lengthMinutes, (s.activities ?? []).map((x) => x.activityCodeId)]),
  );

describe('script-lock on a publish of a draft over the published week', () => {
  it('refuses with a 409 naming the locked agents the draft changes, listed or not, and writes nothing', async () => {
    const t = await setup();
    t.endSeedSessions();
    const changed = t.m.revision.changedUserIds;
    const unchanged = [...t.s.sandbox.runtime.org.users.values()].find(
      (u) => u.managementUnitId && !changed.includes(u.id),
    )!.id;
    t.startSessions([changed[0]!, changed[1]!, unchanged]);
    const { res, version } = await publishDraft(t);
    expect(res.status).toBe(409);
    const body = res.body as Models.ErrorBody;
    expect(body).toMatchObject({ status: 409, code: 'conflict', messageParams: { count: '2' } });
    expect(body.contextId).toEqual(expect.any(String));
    expect(body.messageParams!.userIds!.split(', ').sort()).toEqual([changed[0], changed[1]].sort());
    expect(body.details!.map((d) => [d.errorCode, d.entityId]).sort()).toEqual(
      [changed[0]!, changed[1]!].sort().map((id) => ['agent.schedule.locked', id]),
    );
    expect(body.message).toContain(changed[0]!);
    expect(await t.h.metadata(t.draft)).toMatchObject({ published: false, metadata: { version } });
  });

  it('publishes the rest when the locked agents are held back, and the held agents once their sessions end', async () => {
    const t = await setup();
    t.endSeedSessions();
    const [held, other] = t.m.revision.changedUserIds;
    const endSession = t.startSessions([held!]);
    const seenBefore = seen(await t.h.readAgent(t.published, held!));
    const heldDraft = (await t.h.readAgent(t.draft, held!))!;
    const otherDraft = seen(await t.h.readAgent(t.draft, other!));

    const first = await publishDraft(t, [await heldBackEntry(t, held!)]);
    expect(first.res.status).toBe(200);
    expect(first.end!.eventBody).toMatchObject({ status: 'Complete', result: { published: true } });
    expect(seen(await t.h.readAgent(t.draft, held!))).toBe(seenBefore);
    expect(seen(await t.h.readAgent(t.draft, other!))).toBe(otherDraft);

    // The held agent's draft week, sent on the now published schedule: refused while the session lasts.
    const release = async () => {
      const current = (await t.h.readAgent(t.draft, held!))!;
      const version = await t.h.version(t.draft);
      return t.h.update(t.draft, {
        metadata: { version },
        agentSchedules: [
          {
            userId: held,
            metadata: current.metadata,
            shifts: [
              ...(current.shifts ?? []).map((x) => ({ id: x.id, delete: true })),
              ...(heldDraft.shifts ?? []).map(({ id: _id, ...x }) => asUpload(x)),
            ],
          },
        ],
      });
    };
    const refused = await release();
    expect(refused.status).toBe(409);
    expect((refused.body as Models.ErrorBody).messageParams).toMatchObject({ userIds: held });
    expect(seen(await t.h.readAgent(t.draft, held!))).toBe(seenBefore);
    endSession();
    expect((await release()).status).toBe(200);
    await expect.poll(async () => seen(await t.h.readAgent(t.draft, held!))).toBe(seen(heldDraft));
  });

  it('lets a publish through that leaves every locked agent as they are published now', async () => {
    const t = await setup();
    const changed = new Set(t.m.revision.changedUserIds);
    const untouched = [...t.s.sandbox.runtime.org.users.values()].filter(
      (u) => u.managementUnitId && !changed.has(u.id),
    );
    t.endSeedSessions();
    t.startSessions([untouched[0]!.id, untouched[1]!.id]);
    const { res, end } = await publishDraft(t);
    expect(res.status).toBe(200);
    expect(end!.eventBody).toMatchObject({ status: 'Complete', result: { published: true } });
  });

  it('refuses a week’s first publish only for the locked agents whose entries change them', async () => {
    const t = await setup();
    t.endSeedSessions();
    const m = t.m;
    const next = m.weeks.find((w) => !w.published && w.scheduleId !== m.revision.scheduleId)!;
    const firstPublish = async (agentSchedules: unknown[]) => {
      const version = await t.h.version(next);
      return t.h.update(next, { published: true, metadata: { version }, agentSchedules });
    };
    const [busy, free] = (await t.h.readAgents(next)).filter((a) => (a.shifts?.length ?? 0) > 1);
    t.startSessions([busy!.user!.id!]);
    const dropFirstShift = (a: Models.BuAgentScheduleQueryResponse) => ({
      userId: a.user!.id,
      metadata: a.metadata,
      shifts: [{ id: a.shifts![0]!.id, delete: true }],
    });
    const refused = await firstPublish([dropFirstShift(busy!), dropFirstShift(free!)]);
    expect(refused.status).toBe(409);
    expect((refused.body as Models.ErrorBody).messageParams).toMatchObject({ userIds: busy!.user!.id });
    // Held back: the busy agent's edit is not sent; the agent's week still goes out with the rest.
    expect((await firstPublish([dropFirstShift(free!)])).status).toBe(200);
  });

  it('does nothing of the kind without the script-lock profile', async () => {
    const t = await setup({ faults: [] });
    t.startSessions(t.m.revision.changedUserIds.slice(0, 3));
    const { res, end } = await publishDraft(t);
    expect(res.status).toBe(200);
    expect(end!.eventBody).toMatchObject({ status: 'Complete' });
  });
});
