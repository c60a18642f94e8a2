/**
 * The import flow: `import/uploadurl` → PUT → `import {uploadKey}`. Every
 * successful import creates a NEW schedule, so a blind retry duplicates it.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { z } from 'zod';
import { badRequest, requireIsoDate } from '../http/api-error';
import type { Route } from '../http/route';
import type { ScheduleState } from '../org/model';
import type { SandboxRuntime } from '../runtime';
import { scheduleMetadata, wfmBase } from './convert';
import { findBusinessUnit } from './lookup';
import { finishOperation, newOperationId } from './operations';
import { parseBody } from './parse-body';
import { uploadUrlRequest } from './schedule-update';
import { applyAgentUpload, takeUploadedJson } from './upload-apply';
import { importUpload } from './upload-schemas';
import { validateAgentSchedule } from './validate-agent';

const importPath = `${wfmBase}/businessunits/{businessUnitId}/weeks/{weekId}/schedules/import`;
const processRequest = z.object({ uploadKey: z.string().min(1) });

export function scheduleImportRoutes(runtime: SandboxRuntime): Route[] {
  return [
    {
      method: 'POST',
      template: `${importPath}/uploadurl`,
      auth: 'bearer',
      permission: 'wfm:schedule:edit',
      async handle(ctx) {
        const bu = findBusinessUnit(runtime, ctx.params.businessUnitId);
        const weekId = requireIsoDate(ctx.params.weekId, 'weekId');
        const { contentLengthBytes } = parseBody(uploadUrlRequest, await ctx.readJson());
        const upload = runtime.blobs.createUpload('import', { businessUnitId: bu.id, weekId }, contentLengthBytes);
        const body: Models.ImportScheduleUploadResponse = {
          uploadKey: upload.key,
          url: upload.url,
          headers: upload.headers,
        };
        return { status: 200, body };
      },
    },
    {
      method: 'POST',
      template: importPath,
      auth: 'bearer',
      permission: 'wfm:schedule:edit',
      write: true,
      async handle(ctx) {
        const bu = findBusinessUnit(runtime, ctx.params.businessUnitId);
        const weekId = requireIsoDate(ctx.params.weekId, 'weekId');
        const { uploadKey } = parseBody(processRequest, await ctx.readJson());
        const upload = parseBody(
          importUpload,
          takeUploadedJson(runtime, uploadKey, 'import', { businessUnitId: bu.id, weekId }),
        );
        const details: Models.Detail[] = [];
        for (const agent of upload.agentSchedules) {
          const user = runtime.org.users.get(agent.userId);
          if (!user || user.businessUnitId !== bu.id)
            details.push({ errorCode: 'unknown.user', fieldName: 'agentSchedules.userId', entityId: agent.userId });
          else
            details.push(
              ...validateAgentSchedule(
                agent.userId,
                agent.shifts,
                agent.fullDayTimeOffMarkers,
                bu.activityCodes,
                bu.timeZone,
              ),
            );
        }
        if (details.length > 0) throw badRequest(`The schedule import has ${details.length} problem(s)`, details);

        const now = runtime.now().toISOString();
        const schedule: ScheduleState = {
          id: runtime.idRng.uuid(),
          businessUnitId: bu.id,
          weekDate: weekId,
          weekCount: upload.weekCount,
          description: upload.description,
          published: upload.published ?? false,
          version: 1,
          dateCreated: now,
          dateModified: now,
          modifiedByUserId: ctx.grant?.userId ?? ctx.grant?.clientId ?? 'api',
          agentSchedules: new Map(),
        };
        for (const agent of upload.agentSchedules) applyAgentUpload(runtime, schedule, agent, now);
        bu.schedules.set(schedule.id, schedule);
        const operationId = newOperationId(runtime);
        finishOperation(runtime, bu.id, {
          status: 'Complete',
          operationId,
          eventType: 'Import',
          result: scheduleMetadata(bu, schedule),
        });
        const body: Models.ScheduleUploadProcessingResponse = { status: 'Processing', operationId };
        return { status: 200, body };
      },
    },
  ];
}
