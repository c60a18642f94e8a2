/**
 * Reading and writing a sandbox schedule the way a client does, over HTTP:
 * the agent schedules of a week, an update through the signed upload URL,
 * and waiting for an accepted operation to end (by notification, or by the
 * schedule's version when no notification is listened for).
 */
import type { Models } from 'purecloud-platform-client-v2';
import { expect } from 'vitest';
import { listen, putUpload, roomyUploadBytes, type NotificationListener, type SandboxSession } from './harness';

export const wfm = '/api/v2/workforcemanagement';

export interface WeekRef {
  weekDate: string;
  scheduleId: string;
}

export type UpdateAnswer = Models.BuAsyncScheduleResponse & Models.ErrorBody;

export function scheduleHelpers(s: SandboxSession) {
  const buId = s.sandbox.businessUnitId;
  const bu = () => s.sandbox.runtime.org.businessUnits.get(buId)!;
  const path = (w: WeekRef) => `${wfm}/businessunits/${buId}/weeks/${w.weekDate}/schedules/${w.scheduleId}`;

  async function readAgents(w: WeekRef, userIds?: string[], headers: Record<string, string> = {}) {
    const out: Models.BuAgentScheduleQueryResponse[] = [];
    for (const mu of bu().managementUnits) {
      const res = await s.api<Models.BuAsyncAgentSchedulesQueryResponse>(
        'POST',
        `${path(w)}/agentschedules/query?forceDownloadService=true`,
        { managementUnitId: mu.id, ...(userIds ? { userIds } : {}) },
        headers,
      );
      const body = (await (await fetch(res.body.downloadUrl!)).json()) as Models.BuAgentSchedulesQueryResponse;
      out.push(...body.agentSchedules!);
    }
    return out;
  }

  async function readAgent(w: WeekRef, userId: string) {
    const [agent] = await readAgents(w, [userId]);
    return agent;
  }

  /** An agent without planted problems or time off, with a few shifts: an honest edit of them is valid. */
  async function cleanAgent(w: WeekRef, skip: string[] = []) {
    const planted = new Set([...s.sandbox.runtime.manifest.planted.map((p) => p.userId), ...skip]);
    const agents = await readAgents(w);
    return agents.find(
      (a) => !planted.has(a.user!.id) && (a.shifts?.length ?? 0) >= 3 && (a.fullDayTimeOffMarkers?.length ?? 0) === 0,
    )!;
  }

  async function update(w: WeekRef, payload: unknown, headers: Record<string, string> = {}) {
    const url = await s.api<Models.UpdateScheduleUploadResponse>(
      'POST',
      `${path(w)}/update/uploadurl`,
      { contentLengthBytes: roomyUploadBytes },
      headers,
    );
    expect(url.status).toBe(200);
    expect(await putUpload(url.body.url!, url.body.headers!, payload)).toBe(200);
    return s.api<UpdateAnswer>('POST', `${path(w)}/update`, { uploadKey: url.body.uploadKey }, headers);
  }

  async function metadata(w: WeekRef, headers: Record<string, string> = {}) {
    return (await s.api<Models.BuScheduleMetadata>('GET', path(w), undefined, headers)).body;
  }

  const version = async (w: WeekRef) => (await metadata(w)).metadata!.version;

  return {
    buId,
    bu,
    path,
    readAgents,
    readAgent,
    cleanAgent,
    update,
    metadata,
    version,
    schedulesTopic: `v2.workforcemanagement.businessunits.${buId}.schedules`,
    listenToSchedules: (): Promise<NotificationListener> =>
      listen(s, [`v2.workforcemanagement.businessunits.${buId}.schedules`]),
  };
}

/** A shift as read, ready to send back: the query's `schedule` reference is not part of an upload. */
export function asUpload(shift: Models.BuAgentScheduleShift) {
  const { schedule: _schedule, ...rest } = shift;
  return rest;
}

/** The operation's end on the schedules topic. */
export function operationEnd(listener: NotificationListener, operationId: string | undefined, timeoutMs?: number) {
  return listener.next(
    (e) => e.eventBody.operationId === operationId && e.eventBody.status !== 'Processing',
    timeoutMs,
  );
}
