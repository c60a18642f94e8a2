/**
 * One published schedule per week, and no un-publishing: publishing the
 * current week's revision unpublishes the week's published schedule (its own
 * version bump and Update notification), and `published: false` on a
 * published schedule is refused.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSandbox, putUpload, roomyUploadBytes, type SandboxSession } from './harness';
import { operationEnd, scheduleHelpers, wfm } from './schedule-helpers';

let s: SandboxSession;
let h: ReturnType<typeof scheduleHelpers>;
beforeEach(async () => {
  s = await openSandbox({ seed: 14, agents: 120, operationDelayMs: 10 });
  h = scheduleHelpers(s);
});
afterEach(() => s.close());

const manifest = () => s.sandbox.runtime.manifest;
const revision = () => ({ weekDate: manifest().revision.weekDate, scheduleId: manifest().revision.scheduleId });
const publishedWeek = () => manifest().weeks.find((w) => w.scheduleId === manifest().revision.revisesScheduleId)!;

async function weekListing(weekDate: string) {
  const res = await s.api<Models.BuScheduleListing>(
    'GET',
    `${wfm}/businessunits/${h.buId}/weeks/${weekDate}/schedules`,
  );
  return res.body.entities!;
}

describe('publishing over a published week', () => {
  it('unpublishes the week’s published schedule, bumping its version, with an Update notification for each', async () => {
    const old = publishedWeek();
    const oldVersion = await h.version(old);
    const version = await h.version(revision());
    expect((await weekListing(old.weekDate)).map((e) => [e.id, e.published])).toEqual([
      [old.scheduleId, true],
      [revision().scheduleId, false],
    ]);
    const listener = await h.listenToSchedules();
    const res = await h.update(revision(), { published: true, metadata: { version }, agentSchedules: [] });
    const end = await operationEnd(listener, res.body.operationId);
    const unpublished = await listener.next((e) => (e.eventBody.result as { id?: string })?.id === old.scheduleId);
    listener.close();
    expect(end.eventBody).toMatchObject({
      status: 'Complete',
      eventType: 'Update',
      result: { id: revision().scheduleId, published: true },
    });
    expect(unpublished.eventBody).toMatchObject({
      status: 'Complete',
      eventType: 'Update',
      result: { id: old.scheduleId, published: false, metadata: { version: oldVersion + 1 } },
    });
    // Its own operation: a client waiting for its publish never takes this event for it.
    expect(unpublished.eventBody.operationId).not.toBe(res.body.operationId);
    expect(await h.metadata(old)).toMatchObject({ published: false, metadata: { version: oldVersion + 1 } });
    expect((await weekListing(old.weekDate)).map((e) => [e.id, e.published])).toEqual([
      [old.scheduleId, false],
      [revision().scheduleId, true],
    ]);
    // The revision's agents now are the week's published schedules.
    const changed = manifest().revision.changedUserIds[0]!;
    const history = await s.api<Models.BuAgentScheduleHistoryResponse>(
      'GET',
      `${h.path(revision())}/history/agents/${changed}`,
    );
    expect(history.body.priorPublishedSchedules).toEqual([expect.objectContaining({ id: old.scheduleId })]);
  });

  it('unpublishes every published schedule sharing a week with a published import of two weeks', async () => {
    const [first, second] = manifest().weeks.filter((w) => w.published && w.weekDate < '2026-11-23');
    const versions = [await h.version(first!), await h.version(second!)];
    const url = await s.api<Models.ImportScheduleUploadResponse>(
      'POST',
      `${wfm}/businessunits/${h.buId}/weeks/${first!.weekDate}/schedules/import/uploadurl`,
      { contentLengthBytes: roomyUploadBytes },
    );
    await putUpload(url.body.url!, url.body.headers!, { description: 'Two weeks', weekCount: 2, published: true });
    const listener = await h.listenToSchedules();
    const res = await s.api<Models.ScheduleUploadProcessingResponse>(
      'POST',
      `${wfm}/businessunits/${h.buId}/weeks/${first!.weekDate}/schedules/import`,
      { uploadKey: url.body.uploadKey },
    );
    const end = await operationEnd(listener, res.body.operationId);
    listener.close();
    expect(end.eventBody).toMatchObject({ status: 'Complete', eventType: 'Import', result: { published: true } });
    expect(await h.metadata(first!)).toMatchObject({ published: false, metadata: { version: versions[0]! + 1 } });
    expect(await h.metadata(second!)).toMatchObject({ published: false, metadata: { version: versions[1]! + 1 } });
    const third = manifest().weeks.find((w) => w.weekDate > second!.weekDate)!;
    expect((await h.metadata(third)).published).toBe(true);
  });
});

describe('no un-publishing', () => {
  it('refuses published: false on a published schedule with a 400, changing nothing', async () => {
    const week = publishedWeek();
    const version = await h.version(week);
    const res = await h.update(week, { published: false, metadata: { version }, agentSchedules: [] });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('cannot be un-published unless another schedule is published over it');
    await new Promise((r) => setTimeout(r, 50));
    expect(await h.metadata(week)).toMatchObject({ published: true, metadata: { version } });
  });

  it('takes published: false on a draft as leaving it a draft', async () => {
    const listener = await h.listenToSchedules();
    const version = await h.version(revision());
    const res = await h.update(revision(), { published: false, metadata: { version }, agentSchedules: [] });
    expect((await operationEnd(listener, res.body.operationId)).eventBody.status).toBe('Complete');
    listener.close();
    expect((await h.metadata(publishedWeek())).published).toBe(true);
    expect((await h.metadata(revision())).published).toBe(false);
  });
});
