/**
 * How a schedule update (publish) or import ends: exactly one of `applied`,
 * `failed` or `unknown`. Over real HTTP against the sandbox where it shows
 * the case (Complete, and a bare Error for content it cannot apply; saves
 * by someone else; `slow-async`); with a small fake notification source for
 * the combinations it cannot be made to show on cue (an Error while the
 * version moved, no notification at all). The upload itself comes from the
 * one upload builder, and the content check reads the sent agents back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agentWeekMatches,
  buildScheduleUpload,
  type AgentWeek,
  type AgentWeekPlan,
} from '../../shared/publish/upload-builder';
import { createGenesysApi, deafOperations, type GenesysApi } from '../../main/genesys/client/api';
import { createGenesysHttp } from '../../main/genesys/client/http';
import type { OperationEvents, OperationFinished } from '../../main/genesys/client/operation-events';
import { createNotificationsClient, type NotificationsClient } from '../../main/genesys/notifications/channel-client';
import type { AgentSchedule } from '../../main/genesys/client/schemas';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../main/sandbox/server';
import { clientCredentialsToken } from '../sandbox/harness';

const now = new Date('2026-11-23T12:00:00Z');

interface Rig {
  sandbox: RunningSandbox;
  api: GenesysApi;
  notifications: NotificationsClient;
  /** The same org through a client with its own (fake) notification source. */
  apiHearing(events: OperationEvents): GenesysApi;
  close(): Promise<void>;
}

async function rig(options: SandboxOptions): Promise<Rig> {
  const sandbox = await startSandbox({
    agents: 60,
    weeks: 2,
    operationDelayMs: 10,
    rateLimitPerMinute: 10_000,
    now: () => now,
    ...options,
  });
  let token: string | null = null;
  const http = createGenesysHttp({
    env: { apiBase: sandbox.baseUrl, loginBase: sandbox.baseUrl },
    tokens: {
      getAccessToken: async () => (token ??= await clientCredentialsToken(sandbox)),
      invalidate: () => (token = null),
    },
    audit: { record: () => {} },
    profileId: 'sandbox',
    sleep: async () => {},
  });
  const notifications = createNotificationsClient({ http, heartbeatTimeoutMs: 60_000, reconnectDelayMs: 50 });
  const fast = { sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 20))) };
  return {
    sandbox,
    api: createGenesysApi(http, { operations: notifications, queryTimeoutMs: 5_000 }),
    notifications,
    apiHearing: (events) => createGenesysApi(http, { operations: events, queryTimeoutMs: 5_000, writes: fast }),
    close: async () => {
      notifications.close();
      await sandbox.close();
    },
  };
}

/** A notification source that hears the BU topic and ends every wait with `ending` (null: nothing comes). */
function fakeSource(ending: (operationId: string) => Omit<OperationFinished, 'operationId'> | null): OperationEvents {
  return {
    ...deafOperations,
    watchBusinessUnit: async () => {},
    waitFor: async (_bu, operationId) => {
      const event = ending(operationId);
      return event ? { ...event, operationId } : null;
    },
  };
}

const draftOf = (r: Rig) => r.sandbox.runtime.manifest.weeks.find((w) => !w.published)!;
const asWeek = (a: AgentSchedule): AgentWeek => ({ shifts: a.shifts, fullDayTimeOffMarkers: a.fullDayTimeOffMarkers });

/** One agent of the draft with shifts, and a plan that lengthens its first shift by 30 minutes. */
async function lengthenFirstShift(r: Rig): Promise<{ plan: AgentWeekPlan; managementUnitId: string; version: number }> {
  const w = draftOf(r);
  const bu = r.sandbox.businessUnitId;
  const header = await r.api.getSchedule(bu, w.weekDate, w.scheduleId, { expandAgents: true });
  const mu = header.managementUnits[0]!;
  const read = await r.api.queryAgentSchedules(bu, w.weekDate, w.scheduleId, {
    managementUnitId: mu.managementUnit.id,
    userIds: mu.agents!.map((a) => a.id),
  });
  const agent = read.agentSchedules.find((a) => a.shifts.length > 0)!;
  const intended = structuredClone(asWeek(agent));
  const first = intended.shifts[0]!;
  intended.shifts = [
    { ...first, lengthMinutes: first.lengthMinutes + 30, manuallyEdited: true },
    ...intended.shifts.slice(1),
  ];
  return {
    plan: { userId: agent.user.id, current: { ...asWeek(agent), version: agent.metadata.version }, intended },
    managementUnitId: mu.managementUnit.id,
    version: header.metadata.version,
  };
}

/** The content check: read the planned agents back and compare with what they should be. */
const contentOf = (r: Rig, managementUnitId: string, plans: AgentWeekPlan[]) => async () => {
  const w = draftOf(r);
  const read = await r.api.queryAgentSchedules(r.sandbox.businessUnitId, w.weekDate, w.scheduleId, {
    managementUnitId,
    userIds: plans.map((p) => p.userId),
  });
  return plans.every((p) => {
    const there = read.agentSchedules.find((a) => a.user.id === p.userId);
    return there !== undefined && agentWeekMatches(asWeek(there), p.intended);
  });
};

describe('calm: the notification decides', () => {
  let calm: Rig;
  beforeAll(async () => {
    calm = await rig({ seed: 61 });
  });
  afterAll(() => calm?.close());

  it('an update built by the upload builder, with publish: applied (Complete), and the content is as planned', async () => {
    const w = draftOf(calm);
    const bu = calm.sandbox.businessUnitId;
    const { plan, managementUnitId, version } = await lengthenFirstShift(calm);
    const upload = buildScheduleUpload({ scheduleVersion: version, published: true, agents: [plan] });
    expect(upload.agentSchedules).toHaveLength(1);
    const started = await calm.api.uploadScheduleUpdate(bu, w.weekDate, w.scheduleId, upload);
    expect(started).toMatchObject({ status: 'Processing', heard: true });
    const outcome = await calm.api.waitForOperation(bu, w.weekDate, w.scheduleId, started, {
      baseVersion: version,
      timeoutMs: 5_000,
    });
    expect(outcome).toEqual({ outcome: 'applied', via: 'notification', version: version + 1 });
    expect((await calm.api.getSchedule(bu, w.weekDate, w.scheduleId)).published).toBe(true);
    expect(await contentOf(calm, managementUnitId, [plan])()).toBe(true);
  });

  it('an update Genesys cannot apply (an overlapping shift): failed, by its bare Error, and nothing moved', async () => {
    const w = draftOf(calm);
    const bu = calm.sandbox.businessUnitId;
    const { plan, version } = await lengthenFirstShift(calm);
    const first = plan.current!.shifts[0]!;
    const overlapping = {
      startDate: new Date(Date.parse(first.startDate) + 60 * 60_000).toISOString(),
      lengthMinutes: 120,
      activities: [],
    };
    const upload = buildScheduleUpload({
      scheduleVersion: version,
      agents: [{ ...plan, intended: { ...plan.current!, shifts: [...plan.current!.shifts, overlapping] } }],
    });
    const started = await calm.api.uploadScheduleUpdate(bu, w.weekDate, w.scheduleId, upload);
    expect(started.status).toBe('Processing');
    const outcome = await calm.api.waitForOperation(bu, w.weekDate, w.scheduleId, started, {
      baseVersion: version,
      timeoutMs: 5_000,
    });
    expect(outcome).toEqual({ outcome: 'failed', via: 'notification', status: 'Error', version });
  });

  it('an unedited draft sends no agents, and is still applied', async () => {
    const w = draftOf(calm);
    const bu = calm.sandbox.businessUnitId;
    const { plan, version } = await lengthenFirstShift(calm);
    const unedited = {
      ...plan,
      intended: { shifts: plan.current!.shifts, fullDayTimeOffMarkers: plan.current!.fullDayTimeOffMarkers },
    };
    const upload = buildScheduleUpload({ scheduleVersion: version, agents: [unedited] });
    expect(upload.agentSchedules).toEqual([]);
    const started = await calm.api.uploadScheduleUpdate(bu, w.weekDate, w.scheduleId, upload);
    const outcome = await calm.api.waitForOperation(bu, w.weekDate, w.scheduleId, started, {
      baseVersion: version,
      timeoutMs: 5_000,
    });
    expect(outcome.outcome).toBe('applied');
  });

  it('an import: applied, named by its notification', async () => {
    const w = calm.sandbox.runtime.manifest.weeks[0]!;
    const bu = calm.sandbox.businessUnitId;
    const description = 'Imported by the operations test';
    const started = await calm.api.importSchedule(bu, w.weekDate, { description, weekCount: 1, agentSchedules: [] });
    expect(started.scheduleIdsBefore.length).toBeGreaterThan(0);
    const outcome = await calm.api.waitForImport(bu, w.weekDate, started, { timeoutMs: 5_000, description });
    expect(outcome).toMatchObject({ outcome: 'applied', via: 'notification' });
    const listed = await calm.api.listSchedules(bu, w.weekDate);
    expect(listed.find((s) => s.id === (outcome as { scheduleId: string }).scheduleId)?.description).toBe(description);
  });
});

describe('no notification, or an Error one (fake notification source, real schedule reads)', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig({ seed: 62 });
  });
  afterAll(() => r?.close());
  const silent = fakeSource(() => null);
  const error = fakeSource(() => ({ businessUnitId: '', status: 'Error', eventType: 'Update' }));
  const started = { operationId: 'op-fake', status: 'Processing', heard: true };

  it('failed: an Error notification, and the version did not move', async () => {
    const w = draftOf(r);
    const bu = r.sandbox.businessUnitId;
    const version = (await r.api.getSchedule(bu, w.weekDate, w.scheduleId)).metadata.version;
    const outcome = await r.apiHearing(error).waitForOperation(bu, w.weekDate, w.scheduleId, started, {
      baseVersion: version,
      timeoutMs: 50,
    });
    expect(outcome).toEqual({ outcome: 'failed', via: 'notification', status: 'Error', version });
  });

  it('unknown: no notification within the wait, and the version did not move', async () => {
    const w = draftOf(r);
    const bu = r.sandbox.businessUnitId;
    const version = (await r.api.getSchedule(bu, w.weekDate, w.scheduleId)).metadata.version;
    const outcome = await r.apiHearing(silent).waitForOperation(bu, w.weekDate, w.scheduleId, started, {
      baseVersion: version,
      timeoutMs: 50,
    });
    expect(outcome).toEqual({ outcome: 'unknown', reason: 'noNotification', version });
  });

  it('applied without a notification when the version moved and the content is as sent; unknown when it is not', async () => {
    const w = draftOf(r);
    const bu = r.sandbox.businessUnitId;
    const { plan, managementUnitId, version } = await lengthenFirstShift(r);
    const upload = buildScheduleUpload({ scheduleVersion: version, agents: [plan] });
    // Sent through the real client (so it lands), awaited through one that hears nothing.
    const sent = await r.api.uploadScheduleUpdate(bu, w.weekDate, w.scheduleId, upload);
    await r.notifications.waitForOperation(bu, sent.operationId!, 5_000);
    const deafApi = r.apiHearing(silent);
    const applied = await deafApi.waitForOperation(bu, w.weekDate, w.scheduleId, sent, {
      baseVersion: version,
      timeoutMs: 50,
      contentMatches: contentOf(r, managementUnitId, [plan]),
    });
    expect(applied).toEqual({ outcome: 'applied', via: 'reread', version: version + 1 });
    // Had we sent something else, the moved version would be someone else's: unknown, not applied.
    const otherPlan = { ...plan, intended: { ...plan.intended, shifts: plan.intended.shifts.slice(1) } };
    const other = await deafApi.waitForOperation(bu, w.weekDate, w.scheduleId, sent, {
      baseVersion: version,
      timeoutMs: 50,
      contentMatches: contentOf(r, managementUnitId, [otherPlan]),
    });
    expect(other).toEqual({ outcome: 'unknown', reason: 'otherContent', version: version + 1 });
    // And an Error notification despite the moved version is no failure either.
    const despite = await r.apiHearing(error).waitForOperation(bu, w.weekDate, w.scheduleId, sent, {
      baseVersion: version,
      timeoutMs: 50,
    });
    expect(despite).toEqual({
      outcome: 'unknown',
      reason: 'changedDespiteError',
      status: 'Error',
      version: version + 1,
    });
  });

  it('when the BU topic cannot be heard at all: the write still goes out, and the version is polled', async () => {
    const w = draftOf(r);
    const bu = r.sandbox.businessUnitId;
    const deafApi = r.apiHearing(deafOperations);
    const version = (await deafApi.getSchedule(bu, w.weekDate, w.scheduleId)).metadata.version;
    const sent = await deafApi.uploadScheduleUpdate(bu, w.weekDate, w.scheduleId, {
      metadata: { version },
      agentSchedules: [],
    });
    expect(sent.heard).toBe(false);
    const outcome = await deafApi.waitForOperation(bu, w.weekDate, w.scheduleId, sent, {
      baseVersion: version,
      timeoutMs: 3_000,
      pollMs: 20,
    });
    expect(outcome).toEqual({ outcome: 'applied', via: 'reread', version: version + 1 });
  });

  it('an import without a notification: applied when exactly one new schedule carries its description', async () => {
    const w = r.sandbox.runtime.manifest.weeks[0]!;
    const bu = r.sandbox.businessUnitId;
    const description = 'Import heard by nobody';
    const sent = await r.api.importSchedule(bu, w.weekDate, { description, weekCount: 1, agentSchedules: [] });
    await r.notifications.waitForOperation(bu, sent.operationId!, 5_000);
    const outcome = await r.apiHearing(silent).waitForImport(bu, w.weekDate, sent, { timeoutMs: 50, description });
    expect(outcome).toMatchObject({ outcome: 'applied', via: 'reread' });
    // Another import with nothing new to show, and an Error: failed.
    const nothing = { ...sent, scheduleIdsBefore: (await r.api.listSchedules(bu, w.weekDate)).map((s) => s.id) };
    const failed = await r
      .apiHearing(fakeSource(() => ({ businessUnitId: bu, status: 'Error', eventType: 'Import' })))
      .waitForImport(bu, w.weekDate, nothing, { timeoutMs: 50, description });
    expect(failed).toEqual({ outcome: 'failed', via: 'notification', status: 'Error' });
    const unheard = await r.apiHearing(silent).waitForImport(bu, w.weekDate, nothing, { timeoutMs: 50, description });
    expect(unheard).toEqual({ outcome: 'unknown', reason: 'noNotification', candidates: [] });
  });
});

describe('slow-async: the notification is late or lost', () => {
  let slow: Rig;
  beforeAll(async () => {
    slow = await rig({ seed: 63, faults: ['slow-async'], operationDelayMs: 50 });
  });
  afterAll(() => slow?.close());

  it('ends applied, by the notification or by the moved version, never failed', async () => {
    const w = draftOf(slow);
    const bu = slow.sandbox.businessUnitId;
    const before = await slow.api.getSchedule(bu, w.weekDate, w.scheduleId);
    const started = await slow.api.uploadScheduleUpdate(bu, w.weekDate, w.scheduleId, {
      metadata: { version: before.metadata.version },
      agentSchedules: [],
    });
    // slow-async takes 1–1.5 s or never notifies; a wait longer than that sees the end one way or the other.
    const outcome = await slow.api.waitForOperation(bu, w.weekDate, w.scheduleId, started, {
      baseVersion: before.metadata.version,
      timeoutMs: 2_500,
    });
    expect(outcome.outcome).toBe('applied');
    expect(outcome).toMatchObject({ version: before.metadata.version + 1 });
  });
});
