/**
 * How a schedule update (publish) or import ends: exactly one of `applied`,
 * `failed` or `unknown`, over real HTTP against the sandbox: a Complete
 * notification, a bare Error for content Genesys cannot apply, and
 * `slow-async`, where the notification is late or lost. The combinations the
 * sandbox cannot show on cue are in genesys-client-operations-unheard.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScheduleUpload } from '../../shared/publish/upload-builder';
import { contentOf, draftOf, lengthenFirstShift, rig, type Rig } from './operations-rig';

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
