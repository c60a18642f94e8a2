/**
 * Schedule update (which is also how a schedule is published: `published:
 * true` in the upload) and import. Each is uploadurl → PUT the gzipped body
 * to the signed URL → process `{uploadKey}`. The process call is a write and
 * is never retried here: after a timeout it may have been applied, and an
 * import retried blindly creates a second schedule. Instead, wait for the
 * operation's notification, and if it never comes, re-read and compare.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { GenesysHttp } from './http';
import type { OperationEvents } from './operation-events';
import {
  buAsyncScheduleResponse,
  notifiedSchedule,
  scheduleUploadUrlResponse,
  type BuScheduleListItem,
} from './schemas';
import { schedulePath, wfmBase } from './wfm-api';

const gzipAsync = promisify(gzip);
const importPath = `${wfmBase}/businessunits/{businessUnitId}/weeks/{weekId}/schedules/import`;

export interface StartedOperation {
  /** null when Genesys finished at once and answered with the result. */
  operationId: string | null;
  status: string;
}

export interface ScheduleOperationOutcome {
  /** `unknown`: no notification, and the re-read does not show the change. Reconcile before retrying. */
  outcome: 'completed' | 'failed' | 'unknown';
  via: 'notification' | 'reread';
  /** The notification's status (`Complete`, `Error`, `Canceled`). */
  status?: string;
  /** The schedule's version afterwards, when known. */
  version: number | null;
}

export interface ImportOutcome {
  outcome: 'completed' | 'failed' | 'unknown';
  via: 'notification' | 'reread';
  status?: string;
  /** The created schedule, when the notification named it. */
  scheduleId?: string;
  /** Without a notification: the week's schedules with the import's description, to reconcile against. */
  candidates?: BuScheduleListItem[];
}

export function createScheduleWrites(
  http: GenesysHttp,
  events: OperationEvents,
  read: {
    getSchedule(buId: string, weekId: string, scheduleId: string): Promise<{ metadata: { version: number } }>;
    listSchedules(buId: string, weekId: string): Promise<BuScheduleListItem[]>;
  },
) {
  /** Gets a signed URL for the gzipped body and puts it there. Neither step changes the schedule. */
  async function uploadBody(pathTemplate: string, params: Record<string, string>, payload: unknown): Promise<string> {
    const body = await gzipAsync(Buffer.from(JSON.stringify(payload), 'utf8'));
    const target = await http.request({
      method: 'POST',
      pathTemplate,
      params,
      body: { contentLengthBytes: body.length },
      schema: scheduleUploadUrlResponse,
      // Asking for a URL writes nothing, so it may be retried like a read.
      isWrite: false,
    });
    const hasEncoding = Object.keys(target.headers).some((h) => h.toLowerCase() === 'content-encoding');
    await http.signedUpload(
      target.url,
      hasEncoding ? target.headers : { ...target.headers, 'Content-Encoding': 'gzip' },
      body,
    );
    return target.uploadKey;
  }

  async function process(
    pathTemplate: string,
    params: Record<string, string>,
    uploadKey: string,
  ): Promise<StartedOperation> {
    await events.watchBusinessUnit(params.businessUnitId!);
    const answer = await http.request({
      method: 'POST',
      pathTemplate,
      params,
      body: { uploadKey },
      schema: buAsyncScheduleResponse,
      isWrite: true,
    });
    if (answer.operationId) events.claimOperation(answer.operationId);
    return { operationId: answer.operationId ?? null, status: answer.status ?? 'Processing' };
  }

  return {
    async uploadScheduleUpdate(
      businessUnitId: string,
      weekId: string,
      scheduleId: string,
      upload: Models.UpdateScheduleUploadSchema,
    ): Promise<StartedOperation> {
      const params = { businessUnitId, weekId, scheduleId };
      const uploadKey = await uploadBody(`${schedulePath}/update/uploadurl`, params, upload);
      return process(`${schedulePath}/update`, params, uploadKey);
    },

    async importSchedule(
      businessUnitId: string,
      weekId: string,
      upload: Models.ImportScheduleUploadSchema,
    ): Promise<StartedOperation> {
      const params = { businessUnitId, weekId };
      const uploadKey = await uploadBody(`${importPath}/uploadurl`, params, upload);
      return process(importPath, params, uploadKey);
    },

    /**
     * Waits for the update's notification. Without one, the schedule is read
     * again: a version above `expectedVersionAbove` (the version the upload
     * was based on) means the update landed – or someone else saved, which the
     * per-agent versions tell apart.
     */
    async awaitScheduleOperation(
      businessUnitId: string,
      weekId: string,
      scheduleId: string,
      operationId: string,
      options: { expectedVersionAbove: number; timeoutMs: number },
    ): Promise<ScheduleOperationOutcome> {
      const event = await events.waitFor(businessUnitId, operationId, options.timeoutMs);
      if (event) {
        const schedule = notifiedSchedule.safeParse(event.result);
        const version = schedule.success ? schedule.data.metadata.version : null;
        return {
          outcome: event.status === 'Complete' ? 'completed' : 'failed',
          via: 'notification',
          status: event.status,
          version,
        };
      }
      const current = await read.getSchedule(businessUnitId, weekId, scheduleId);
      const version = current.metadata.version;
      return { outcome: version > options.expectedVersionAbove ? 'completed' : 'unknown', via: 'reread', version };
    },

    /** Like `awaitScheduleOperation`; without a notification, lists the week's schedules that carry the import's description. */
    async awaitImportOperation(
      businessUnitId: string,
      weekId: string,
      operationId: string,
      options: { timeoutMs: number; description: string },
    ): Promise<ImportOutcome> {
      const event = await events.waitFor(businessUnitId, operationId, options.timeoutMs);
      if (event) {
        const schedule = notifiedSchedule.safeParse(event.result);
        return {
          outcome: event.status === 'Complete' ? 'completed' : 'failed',
          via: 'notification',
          status: event.status,
          ...(schedule.success ? { scheduleId: schedule.data.id } : {}),
        };
      }
      const candidates = (await read.listSchedules(businessUnitId, weekId)).filter(
        (s) => s.description === options.description,
      );
      return { outcome: 'unknown', via: 'reread', candidates };
    },
  };
}
