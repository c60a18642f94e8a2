/**
 * The schedule update flow (also how a schedule is published):
 * `update/uploadurl` → PUT the body to the signed URL → `update {uploadKey}`.
 * Checked as Genesys checks it – the schedule's `metadata.version`, each
 * agent's version, overlaps, time off, activities – then applied at once.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { z } from 'zod';
import { ApiError, badRequest } from '../http/api-error';
import type { Route } from '../http/route';
import type { BusinessUnitState, ScheduleState } from '../org/model';
import type { SandboxRuntime } from '../runtime';
import { competingSave } from './competing-editor';
import { scheduleMetadata, wfmBase } from './convert';
import { findSchedule } from './lookup';
import { finishOperation, newOperationId } from './operations';
import { parseBody } from './parse-body';
import { applyAgentUpload, takeUploadedJson } from './upload-apply';
import { updateUpload, type UpdateUpload } from './upload-schemas';
import { validateAgentSchedule } from './validate-agent';

const schedulePath = `${wfmBase}/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}`;
export const uploadUrlRequest = z.object({
  contentLengthBytes: z
    .number()
    .int()
    .positive()
    .max(200 * 1024 * 1024),
});
const processRequest = z.object({ uploadKey: z.string().min(1) });

export function scheduleUpdateRoutes(runtime: SandboxRuntime): Route[] {
  return [
    {
      method: 'POST',
      template: `${schedulePath}/update/uploadurl`,
      auth: 'bearer',
      permission: 'wfm:schedule:edit',
      async handle(ctx) {
        const { schedule } = findSchedule(runtime, ctx.params);
        const { contentLengthBytes } = parseBody(uploadUrlRequest, await ctx.readJson());
        const upload = runtime.blobs.createUpload('update', { scheduleId: schedule.id }, contentLengthBytes);
        const body: Models.UpdateScheduleUploadResponse = {
          uploadKey: upload.key,
          url: upload.url,
          headers: upload.headers,
        };
        return { status: 200, body };
      },
    },
    {
      method: 'POST',
      template: `${schedulePath}/update`,
      auth: 'bearer',
      permission: 'wfm:schedule:edit',
      write: true,
      async handle(ctx) {
        const { bu, schedule } = findSchedule(runtime, ctx.params);
        const { uploadKey } = parseBody(processRequest, await ctx.readJson());
        const upload = parseBody(
          updateUpload,
          takeUploadedJson(runtime, uploadKey, 'update', { scheduleId: schedule.id }),
        );
        if (upload.published === true && !ctx.grant?.permissions.includes('wfm:schedule:publish')) {
          throw new ApiError(
            403,
            'missing.permissions',
            'Unable to perform the requested action. You are missing the following permission(s): [wfm:schedule:publish]',
            {
              messageParams: { permissions: '[wfm:schedule:publish]' },
            },
          );
        }
        if (runtime.faults.competingSave())
          competingSave(
            runtime,
            bu,
            schedule,
            upload.agentSchedules.map((a) => a.userId),
          );
        checkVersions(runtime, schedule, upload);
        checkScriptLock(runtime, upload);
        checkContent(bu, schedule, upload, runtime);
        applyUpdate(runtime, schedule, upload, ctx.grant?.userId ?? ctx.grant?.clientId ?? 'api');
        const operationId = newOperationId(runtime);
        finishOperation(runtime, bu.id, {
          status: 'Complete',
          operationId,
          eventType: 'Update',
          result: scheduleMetadata(bu, schedule),
        });
        const body: Models.BuAsyncScheduleResponse = { status: 'Processing', operationId };
        return { status: 200, body };
      },
    },
  ];
}

function checkVersions(runtime: SandboxRuntime, schedule: ScheduleState, upload: UpdateUpload): void {
  if (upload.metadata.version !== schedule.version) {
    // The real API sometimes says this with a 400 instead of a 409; clients must treat both alike.
    const as400 = runtime.faultRng.chance(0.25);
    const message = `The schedule version in the request (${upload.metadata.version}) does not match the current version (${schedule.version})`;
    throw as400
      ? new ApiError(400, 'bad.request', message, {
          details: [{ errorCode: 'version.mismatch', fieldName: 'metadata.version', entityId: schedule.id }],
        })
      : new ApiError(409, 'conflict', message, { entityId: schedule.id });
  }
  const stale = upload.agentSchedules.filter((a) => {
    const current = schedule.agentSchedules.get(a.userId);
    return current && a.metadata && a.metadata.version !== current.version;
  });
  if (stale.length > 0) {
    throw new ApiError(
      409,
      'conflict',
      `The schedules of ${stale.length} agent(s) were modified by someone else; their versions do not match`,
      {
        details: stale.map((a) => ({
          errorCode: 'agent.schedule.version.mismatch',
          fieldName: 'agentSchedules.metadata.version',
          entityId: a.userId,
        })),
      },
    );
  }
}

/** script-lock: what users report – agents in an active scripted conversation cannot be updated. */
function checkScriptLock(runtime: SandboxRuntime, upload: UpdateUpload): void {
  if (!runtime.faults.scriptLock) return;
  const now = runtime.now().getTime();
  const busy = new Set(
    runtime.org.scriptSessions.filter((s) => s.end === null && Date.parse(s.start) <= now).map((s) => s.userId),
  );
  const locked = upload.agentSchedules.filter((a) => busy.has(a.userId));
  if (locked.length > 0) {
    throw new ApiError(
      409,
      'conflict',
      `The schedules of ${locked.length} agent(s) are locked and cannot be updated right now`,
      {
        details: locked.map((a) => ({ errorCode: 'agent.schedule.locked', entityId: a.userId })),
      },
    );
  }
}

function checkContent(
  bu: BusinessUnitState,
  schedule: ScheduleState,
  upload: UpdateUpload,
  runtime: SandboxRuntime,
): void {
  const details: Models.Detail[] = [];
  for (const agent of upload.agentSchedules) {
    const user = runtime.org.users.get(agent.userId);
    if (!user || user.businessUnitId !== bu.id) {
      details.push({ errorCode: 'unknown.user', fieldName: 'agentSchedules.userId', entityId: agent.userId });
      continue;
    }
    if (agent.delete) continue;
    const current = schedule.agentSchedules.get(agent.userId);
    const shifts = (agent.shifts ?? current?.shifts ?? []).filter((s) => !('delete' in s && s.delete));
    const markers = (agent.fullDayTimeOffMarkers ?? current?.fullDayTimeOffMarkers ?? []).filter(
      (m) => !('delete' in m && m.delete),
    );
    details.push(...validateAgentSchedule(agent.userId, shifts, markers, bu.activityCodes, bu.timeZone));
  }
  if (details.length > 0) throw badRequest(`The schedule update has ${details.length} problem(s)`, details);
}

function applyUpdate(runtime: SandboxRuntime, schedule: ScheduleState, upload: UpdateUpload, modifiedBy: string): void {
  const now = runtime.now().toISOString();
  for (const agent of upload.agentSchedules) {
    if (agent.delete) {
      schedule.agentSchedules.delete(agent.userId);
      continue;
    }
    applyAgentUpload(runtime, schedule, agent, now);
  }
  if (upload.published !== undefined) schedule.published = upload.published;
  if (upload.description !== undefined) schedule.description = upload.description;
  schedule.version += 1;
  schedule.dateModified = now;
  schedule.modifiedByUserId = modifiedBy;
}
