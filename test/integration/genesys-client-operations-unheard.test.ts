/**
 * How a schedule update or import ends when no notification comes, or an
 * Error comes while the schedule still changed: a small fake notification
 * source in front of the real sandbox (every schedule read goes over HTTP).
 * Also a client that cannot hear the BU topic at all: the write still goes
 * out, and the version is polled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScheduleUpload } from '../../shared/publish/upload-builder';
import { deafOperations } from '../../main/genesys/client/api';
import { contentOf, draftOf, fakeSource, lengthenFirstShift, rig, type Rig } from './operations-rig';

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
