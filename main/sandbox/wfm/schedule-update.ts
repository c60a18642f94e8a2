/**
 * The schedule update flow (also how a schedule is published):
 * `update/uploadurl` → PUT the body to the signed URL → `update {uploadKey}`.
 * Accepted first, applied later. When the update is accepted, what can be
 * told at once is refused at once: permissions, the schedule's and each
 * agent's version, script locks, un-publishing, and a patch that does not
 * fit the schedule (an unknown shift id, a new shift without a start). The
 * answer is then `Processing`; after the operation delay the result is
 * validated as a whole (overlaps, time off, activities) and written, or the
 * operation ends `Error` with nothing written.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { z } from 'zod';
import type { Route } from '../http/route';
import type { BusinessUnitState, ScheduleState } from '../org/model';
import type { SandboxRuntime } from '../runtime';
import { resolveAgentPatch, type ResolvedAgent } from './agent-patch';
import { competingSave } from './competing-editor';
import { scheduleMetadata, wfmBase } from './convert';
import { findSchedule } from './lookup';
import { startOperation } from './operations';
import { parseBody } from './parse-body';
import { publishOver, refuseUnpublish } from './publish-over';
import { checkScriptLock, checkVersions, requirePermission } from './update-checks';
import { contentIsValid, takeUploadedJson, writeAgents } from './upload-apply';
import { UploadProblems } from './upload-items';
import { updateUpload, type UpdateUpload } from './upload-schemas';

const schedulePath = `${wfmBase}/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}`;
export const uploadUrlRequest = z.object({
  contentLengthBytes: z
    .number()
    .int()
    .positive()
    .max(200 * 1024 * 1024),
});
export const processRequest = z.object({ uploadKey: z.string().min(1) });

/** Each agent entry against the schedule as it is now; every problem of the upload in one 400. */
function resolveUpdate(
  runtime: SandboxRuntime,
  bu: BusinessUnitState,
  schedule: ScheduleState,
  upload: UpdateUpload,
): ResolvedAgent[] {
  const problems = new UploadProblems();
  const ctx = { codes: new Map(bu.activityCodes.map((c) => [c.id, c])), newId: () => runtime.idRng.uuid() };
  const seen = new Set<string>();
  const resolved: ResolvedAgent[] = [];
  upload.agentSchedules.forEach((entry, i) => {
    const field = `agentSchedules[${i}]`;
    const user = runtime.org.users.get(entry.userId);
    if (!user?.managementUnitId || user.businessUnitId !== bu.id || seen.has(entry.userId)) {
      const why = seen.has(entry.userId) ? 'is listed twice' : 'is not an agent of this business unit';
      problems.add(`${field}: user ${entry.userId} ${why}`, {
        errorCode: seen.has(entry.userId) ? 'duplicate.user' : 'unknown.user',
        fieldName: `${field}.userId`,
        entityId: entry.userId,
      });
      return;
    }
    seen.add(entry.userId);
    const before = schedule.agentSchedules.get(entry.userId);
    if (before && !entry.metadata) {
      // The SDK: metadata is "required if updating or deleting an existing agent schedule".
      problems.add(`${field} changes an existing agent schedule but has no metadata.version`, {
        errorCode: 'missing.metadata',
        fieldName: `${field}.metadata`,
        entityId: entry.userId,
      });
      return;
    }
    resolved.push(resolveAgentPatch(entry, i, before, user.managementUnitId, ctx, problems));
  });
  problems.throwIfAny('schedule update');
  return resolved;
}

/** The accepted update, applied: null (the operation's `Error`) when someone saved since, or the content fails. */
function applyUpdate(
  runtime: SandboxRuntime,
  bu: BusinessUnitState,
  schedule: ScheduleState,
  accepted: { upload: UpdateUpload; agents: ResolvedAgent[]; version: number; editorId: string },
): Models.BuScheduleMetadata | null {
  if (bu.schedules.get(schedule.id) !== schedule || schedule.version !== accepted.version) return null;
  if (runtime.config.failUpdateOperations) return null;
  if (!contentIsValid(bu, accepted.agents)) return null;
  const now = runtime.now().toISOString();
  writeAgents(schedule, accepted.agents, { id: accepted.editorId, now, history: true });
  if (accepted.upload.published === true) publishOver(runtime, bu, schedule, accepted.editorId, now);
  if (accepted.upload.description !== undefined) schedule.description = accepted.upload.description;
  // A save is a save: the schedule's version moves even when no agent changed (Genesys is silent; the sandbox's choice).
  schedule.version += 1;
  schedule.dateModified = now;
  schedule.modifiedByUserId = accepted.editorId;
  return scheduleMetadata(bu, schedule);
}

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
        if (upload.published === true) requirePermission(ctx.grant, 'wfm:schedule:publish');
        const editorId = ctx.grant?.userId ?? ctx.grant?.clientId ?? 'api';
        if (runtime.faults.competingSave())
          competingSave(
            runtime,
            bu,
            schedule,
            upload.agentSchedules.map((a) => a.userId),
            editorId,
          );
        checkVersions(runtime, schedule, upload);
        refuseUnpublish(schedule, upload.published);
        const agents = resolveUpdate(runtime, bu, schedule, upload);
        // After the patch is resolved: whether a locked agent's week changes is the patch's result.
        checkScriptLock(runtime, bu, schedule, upload, agents);
        const accepted = { upload, agents, version: schedule.version, editorId };
        const operationId = startOperation(runtime, bu.id, 'Update', () =>
          applyUpdate(runtime, bu, schedule, accepted),
        );
        const body: Models.BuAsyncScheduleResponse = { status: 'Processing', operationId };
        return { status: 200, body };
      },
    },
  ];
}
