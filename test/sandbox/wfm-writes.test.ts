/** The update (publish) and import flows, and what Genesys refuses in them. */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listen, openSandbox, putUpload, type SandboxSession, roomyUploadBytes } from './harness';

const wfm = '/api/v2/workforcemanagement';
let s: SandboxSession;
let buId: string;

beforeEach(async () => {
  s = await openSandbox({ seed: 11, operationDelayMs: 10 });
  buId = s.sandbox.businessUnitId;
});
afterEach(() => s.close());

function draftWeek() {
  return s.sandbox.runtime.manifest.weeks.find((w) => !w.published)!;
}
const schedulePath = (w: { weekDate: string; scheduleId: string }) =>
  `${wfm}/businessunits/${buId}/weeks/${w.weekDate}/schedules/${w.scheduleId}`;

async function readAgents(w: { weekDate: string; scheduleId: string }, userIds?: string[]) {
  const bu = s.sandbox.runtime.org.businessUnits.get(buId)!;
  const out: Models.BuAgentScheduleQueryResponse[] = [];
  for (const mu of bu.managementUnits) {
    const res = await s.api<Models.BuAsyncAgentSchedulesQueryResponse>(
      'POST',
      `${schedulePath(w)}/agentschedules/query?forceDownloadService=true`,
      {
        managementUnitId: mu.id,
        ...(userIds ? { userIds } : {}),
      },
    );
    const body = (await (await fetch(res.body.downloadUrl!)).json()) as Models.BuAgentSchedulesQueryResponse;
    out.push(...body.agentSchedules!);
  }
  return out;
}

/** One agent without planted problems, so an honest edit of them is valid. */
async function cleanAgent(w: { weekDate: string; scheduleId: string }) {
  const planted = new Set(s.sandbox.runtime.manifest.planted.map((p) => p.userId));
  const agents = await readAgents(w);
  return agents.find(
    (a) => !planted.has(a.user!.id) && (a.shifts?.length ?? 0) >= 2 && (a.fullDayTimeOffMarkers?.length ?? 0) === 0,
  )!;
}

async function upload(w: { weekDate: string; scheduleId: string }, payload: unknown, gzip = true) {
  const url = await s.api<Models.UpdateScheduleUploadResponse>('POST', `${schedulePath(w)}/update/uploadurl`, {
    contentLengthBytes: roomyUploadBytes,
  });
  expect(url.status).toBe(200);
  expect(await putUpload(url.body.url!, url.body.headers!, payload, gzip)).toBe(200);
  return s.api<Models.BuAsyncScheduleResponse & Models.ErrorBody>('POST', `${schedulePath(w)}/update`, {
    uploadKey: url.body.uploadKey,
  });
}

async function currentVersion(w: { weekDate: string; scheduleId: string }) {
  return (await s.api<Models.BuScheduleMetadata>('GET', schedulePath(w))).body.metadata!.version;
}

describe('update and publish', () => {
  it('applies an edit, bumps the schedule and agent versions, publishes, and notifies', async () => {
    const week = draftWeek();
    const agent = await cleanAgent(week);
    const version = await currentVersion(week);
    const listener = await listen(s, [`v2.workforcemanagement.businessunits.${buId}.schedules`]);
    const shifts = agent.shifts!.slice(1).map(({ schedule: _s, ...shift }) => shift);
    const res = await upload(week, {
      published: true,
      metadata: { version },
      agentSchedules: [{ userId: agent.user!.id, metadata: agent.metadata, shifts }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'Processing', operationId: expect.any(String) });
    const done = await listener.next((e) => e.eventBody.operationId === res.body.operationId);
    listener.close();
    expect(done.eventBody).toMatchObject({
      status: 'Complete',
      eventType: 'Update',
      result: { id: week.scheduleId, published: true },
    });
    const meta = await s.api<Models.BuScheduleMetadata>('GET', schedulePath(week));
    expect(meta.body.published).toBe(true);
    expect(meta.body.metadata!.version).toBe(version + 1);
    const [after] = await readAgents(week, [agent.user!.id!]);
    expect(after!.shifts).toHaveLength(agent.shifts!.length - 1);
    expect(after!.metadata!.version).toBe(agent.metadata!.version + 1);
  });

  it('accepts a plain (not gzipped) JSON upload', async () => {
    const week = draftWeek();
    const res = await upload(week, { metadata: { version: await currentVersion(week) }, agentSchedules: [] }, false);
    expect(res.status).toBe(200);
  });

  it('refuses a stale schedule version with 409 (or the 400 "does not match" variant), writing nothing', async () => {
    const week = draftWeek();
    const version = await currentVersion(week);
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const res = await upload(week, { published: true, metadata: { version: version - 1 }, agentSchedules: [] });
      statuses.add(res.status);
      expect(res.body.message).toMatch(/does not match the current version/);
      expect(res.body.contextId).toEqual(expect.any(String));
    }
    expect([...statuses].sort()).toEqual([400, 409]);
    expect(await currentVersion(week)).toBe(version);
  });

  it('refuses an agent whose own version moved (a true edit conflict), naming the agent', async () => {
    const week = draftWeek();
    const agent = await cleanAgent(week);
    const res = await upload(week, {
      metadata: { version: await currentVersion(week) },
      agentSchedules: [{ userId: agent.user!.id, metadata: { version: agent.metadata!.version - 1 }, shifts: [] }],
    });
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual([
      expect.objectContaining({ errorCode: 'agent.schedule.version.mismatch', entityId: agent.user!.id }),
    ]);
  });

  it('refuses overlapping shifts, shifts over full-day time off and malformed activities with 400 details', async () => {
    const week = draftWeek();
    const agent = await cleanAgent(week);
    const [first] = agent.shifts!;
    const start = Date.parse(first!.startDate!);
    const overlapping = { startDate: new Date(start + 60 * 60_000).toISOString(), lengthMinutes: 120, activities: [] };
    const badActivity = {
      startDate: new Date(start + 3 * 86_400_000).toISOString(),
      lengthMinutes: 60,
      activities: [
        {
          startDate: new Date(start + 3 * 86_400_000 - 30 * 60_000).toISOString(),
          lengthMinutes: 30,
          description: 'x',
          activityCodeId: 'no-such-code',
        },
      ],
    };
    const shiftDate = new Date(start).toISOString().slice(0, 10);
    const vacation = s.sandbox.runtime.org.businessUnits
      .get(buId)!
      .activityCodes.find((c) => c.category === 'TimeOff')!;
    const res = await upload(week, {
      metadata: { version: await currentVersion(week) },
      agentSchedules: [
        {
          userId: agent.user!.id,
          metadata: agent.metadata,
          shifts: [first, overlapping, badActivity].map((sh) => ({ ...sh, schedule: undefined })),
          fullDayTimeOffMarkers: [
            { businessUnitDate: shiftDate, startOffsetMinutes: 0, lengthMinutes: 1440, activityCodeId: vacation.id },
          ],
        },
      ],
    });
    expect(res.status).toBe(400);
    const codes = res.body.details!.map((d) => d.errorCode);
    expect(codes).toEqual(
      expect.arrayContaining([
        'shifts.overlap',
        'shift.overlaps.time.off',
        'invalid.activity.code',
        'activity.outside.shift',
      ]),
    );
  });

  it('makes upload keys single-use and refuses an update with nothing uploaded', async () => {
    const week = draftWeek();
    const url = await s.api<Models.UpdateScheduleUploadResponse>('POST', `${schedulePath(week)}/update/uploadurl`, {
      contentLengthBytes: roomyUploadBytes,
    });
    const empty = await s.api<Models.ErrorBody>('POST', `${schedulePath(week)}/update`, {
      uploadKey: url.body.uploadKey,
    });
    expect(empty.status).toBe(400);
    const again = await s.api<Models.ErrorBody>('POST', `${schedulePath(week)}/update`, {
      uploadKey: url.body.uploadKey,
    });
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/upload key is unknown, already used/);
  });
});

describe('import', () => {
  it('creates a new schedule on every successful import: a blind retry duplicates it', async () => {
    const week = draftWeek();
    const agent = await cleanAgent(week);
    const payload = {
      description: 'Imported from the forecasting tool',
      weekCount: 1,
      agentSchedules: [
        {
          userId: agent.user!.id,
          shifts: agent.shifts!.map(({ schedule: _s, ...sh }) => sh),
          fullDayTimeOffMarkers: [],
        },
      ],
    };
    const before = await s.api<Models.BuScheduleListing>(
      'GET',
      `${wfm}/businessunits/${buId}/weeks/${week.weekDate}/schedules`,
    );
    for (let i = 0; i < 2; i++) {
      const url = await s.api<Models.ImportScheduleUploadResponse>(
        'POST',
        `${wfm}/businessunits/${buId}/weeks/${week.weekDate}/schedules/import/uploadurl`,
        { contentLengthBytes: roomyUploadBytes },
      );
      expect(await putUpload(url.body.url!, url.body.headers!, payload)).toBe(200);
      const res = await s.api<Models.ScheduleUploadProcessingResponse>(
        'POST',
        `${wfm}/businessunits/${buId}/weeks/${week.weekDate}/schedules/import`,
        { uploadKey: url.body.uploadKey },
      );
      expect(res.body.status).toBe('Processing');
    }
    const after = await s.api<Models.BuScheduleListing>(
      'GET',
      `${wfm}/businessunits/${buId}/weeks/${week.weekDate}/schedules`,
    );
    const imported = after.body.entities!.filter((e) => e.description === 'Imported from the forecasting tool');
    expect(after.body.entities!.length).toBe(before.body.entities!.length + 2);
    expect(new Set(imported.map((e) => e.id)).size).toBe(2);
  });
});

describe('permissions', () => {
  it('refuses a write from a read-only client with 403 naming the permission', async () => {
    const { clientCredentialsToken } = await import('./harness');
    const readOnly = [...s.sandbox.runtime.org.clients.values()].find((c) => c.name === 'Read-only analyst')!;
    const token = await clientCredentialsToken(s.sandbox, readOnly.clientId, readOnly.clientSecret);
    const week = draftWeek();
    const res = await fetch(`${s.sandbox.baseUrl}${schedulePath(week)}/update/uploadurl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ contentLengthBytes: roomyUploadBytes }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as Models.ErrorBody).message).toContain('wfm:schedule:edit');
  });
});
