/**
 * Schedule update (which is also how a schedule is published: `published:
 * true` in the upload) and import. Each is uploadurl → PUT the gzipped body
 * to the signed URL → process `{uploadKey}`. The process call is a write and
 * is never retried here: after a timeout it may have been applied, and an
 * import retried blindly creates a second schedule.
 *
 * Genesys answers the process call with `Processing` and applies the write
 * later; its end comes only as a notification on the BU's schedules topic
 * (`Complete`, `Error` without a reason, or `Canceled`), and there is no GET
 * for an operation. So waiting ends in exactly one of three outcomes, and
 * nothing downstream has to guess:
 * - `applied`: a `Complete` notification; or, without one, the schedule's
 *   version moved and (when the caller gives a content check) the content is
 *   what was sent;
 * - `failed`: an `Error` (or `Canceled`) notification, and the version did not
 *   move;
 * - `unknown`: anything else (no notification and no version move, the
 *   version moved to other content, or moved despite an `Error`), with the
 *   reason: reconcile by re-reading before anything is sent again.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { GenesysHttp } from './http';
import type { OperationEvents, OperationFinished } from './operation-events';
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
  /** null when Genesys finished at once (then `status` says how). */
  operationId: string | null;
  status: string;
  /** Whether its end can be heard: the BU's schedules topic was subscribed before the write went out. */
  heard: boolean;
}

export interface StartedImport extends StartedOperation {
  /** The week's schedules just before the import: a schedule not among them may be the import's. */
  scheduleIdsBefore: string[];
}

export type UnknownReason =
  /** No notification within the wait, and the version (or week) shows no change. */
  | 'noNotification'
  /** The version moved (or a new schedule appeared), but the content is not what was sent: someone else saved. */
  | 'otherContent'
  /** An `Error` (or `Canceled`) came, yet the version moved (or a new schedule appeared). */
  | 'changedDespiteError'
  /** Without a notification, more than one new schedule could be the import's. */
  | 'severalCandidates';

export type ScheduleOperationOutcome =
  | { outcome: 'applied'; via: 'notification' | 'reread'; version: number | null }
  | { outcome: 'failed'; via: 'notification'; status: string; version: number }
  | { outcome: 'unknown'; reason: UnknownReason; status?: string; version: number };

export type ImportOutcome =
  | { outcome: 'applied'; via: 'notification' | 'reread'; scheduleId: string | null }
  | { outcome: 'failed'; via: 'notification'; status: string }
  /** `candidates`: the week's new schedules that could be the import's, to reconcile against. */
  | { outcome: 'unknown'; reason: UnknownReason; status?: string; candidates: BuScheduleListItem[] };

export interface WaitOptions {
  timeoutMs: number;
  /** Without a notification to wait for, how often the schedule is read again meanwhile. Default 5 s. */
  pollMs?: number;
}

export interface ScheduleReads {
  getSchedule(buId: string, weekId: string, scheduleId: string): Promise<{ metadata: { version: number } }>;
  listSchedules(buId: string, weekId: string): Promise<BuScheduleListItem[]>;
}

export interface ScheduleWritesOptions {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export function createScheduleWrites(
  http: GenesysHttp,
  events: OperationEvents,
  read: ScheduleReads,
  options: ScheduleWritesOptions = {},
) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;

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
    // Subscribed first, so the end cannot slip past; without the topic the outcome is found by re-reading.
    const heard = await events.watchBusinessUnit(params.businessUnitId!).then(
      () => true,
      () => false,
    );
    const answer = await http.request({
      method: 'POST',
      pathTemplate,
      params,
      body: { uploadKey },
      schema: buAsyncScheduleResponse,
      isWrite: true,
    });
    if (answer.operationId) events.claimOperation(answer.operationId);
    return { operationId: answer.operationId ?? null, status: answer.status ?? 'Processing', heard };
  }

  /** The final notification, or null after the wait (re-reading every `pollMs` meanwhile when nothing can be heard). */
  async function finalEvent(
    businessUnitId: string,
    started: StartedOperation,
    wait: WaitOptions,
    changed: () => Promise<boolean>,
  ): Promise<OperationFinished | null> {
    if (started.heard && started.operationId)
      return events.waitFor(businessUnitId, started.operationId, wait.timeoutMs);
    const pollMs = Math.max(1, wait.pollMs ?? 5_000);
    for (const deadline = now() + wait.timeoutMs; now() + pollMs <= deadline;) {
      await sleep(pollMs);
      if (await changed()) break;
    }
    return null;
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
    ): Promise<StartedImport> {
      const params = { businessUnitId, weekId };
      const scheduleIdsBefore = (await read.listSchedules(businessUnitId, weekId)).map((s) => s.id);
      const uploadKey = await uploadBody(`${importPath}/uploadurl`, params, upload);
      return { ...(await process(importPath, params, uploadKey)), scheduleIdsBefore };
    },

    /**
     * How an update (or publish) ended. `baseVersion` is the schedule version
     * the upload was built on (its `metadata.version`); `contentMatches`, when
     * given, reads the sent agents back and says whether they are as sent.
     */
    async waitForOperation(
      businessUnitId: string,
      weekId: string,
      scheduleId: string,
      started: StartedOperation,
      options: WaitOptions & { baseVersion: number; contentMatches?: () => Promise<boolean> },
    ): Promise<ScheduleOperationOutcome> {
      const version = async () => (await read.getSchedule(businessUnitId, weekId, scheduleId)).metadata.version;
      if (!started.operationId && started.status === 'Complete')
        return { outcome: 'applied', via: 'reread', version: await version() };
      const event = await finalEvent(
        businessUnitId,
        started,
        options,
        async () => (await version()) !== options.baseVersion,
      );
      if (event?.status === 'Complete') {
        const schedule = notifiedSchedule.safeParse(event.result);
        return {
          outcome: 'applied',
          via: 'notification',
          version: schedule.success ? schedule.data.metadata.version : null,
        };
      }
      const current = await version();
      const moved = current !== options.baseVersion;
      if (event) {
        return moved
          ? { outcome: 'unknown', reason: 'changedDespiteError', status: event.status, version: current }
          : { outcome: 'failed', via: 'notification', status: event.status, version: current };
      }
      if (!moved) return { outcome: 'unknown', reason: 'noNotification', version: current };
      if (options.contentMatches && !(await options.contentMatches()))
        return { outcome: 'unknown', reason: 'otherContent', version: current };
      return { outcome: 'applied', via: 'reread', version: current };
    },

    /**
     * How an import ended. Without a notification, a new schedule of the week
     * carrying the import's description is the import's when it is the only
     * one (and `contentMatches` agrees, when given).
     */
    async waitForImport(
      businessUnitId: string,
      weekId: string,
      started: StartedImport,
      options: WaitOptions & {
        description?: string;
        contentMatches?: (candidate: BuScheduleListItem) => Promise<boolean>;
      },
    ): Promise<ImportOutcome> {
      const before = new Set(started.scheduleIdsBefore);
      const candidates = async () =>
        (await read.listSchedules(businessUnitId, weekId)).filter(
          (s) => !before.has(s.id) && (options.description === undefined || s.description === options.description),
        );
      const event = await finalEvent(businessUnitId, started, options, async () => (await candidates()).length > 0);
      if (event?.status === 'Complete') {
        const schedule = notifiedSchedule.safeParse(event.result);
        return { outcome: 'applied', via: 'notification', scheduleId: schedule.success ? schedule.data.id : null };
      }
      const found = await candidates();
      if (event) {
        return found.length > 0
          ? { outcome: 'unknown', reason: 'changedDespiteError', status: event.status, candidates: found }
          : { outcome: 'failed', via: 'notification', status: event.status };
      }
      if (found.length === 0) return { outcome: 'unknown', reason: 'noNotification', candidates: found };
      if (found.length > 1) return { outcome: 'unknown', reason: 'severalCandidates', candidates: found };
      if (options.contentMatches && !(await options.contentMatches(found[0]!)))
        return { outcome: 'unknown', reason: 'otherContent', candidates: found };
      return { outcome: 'applied', via: 'reread', scheduleId: found[0]!.id };
    },
  };
}
