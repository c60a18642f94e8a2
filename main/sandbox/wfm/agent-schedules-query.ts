/**
 * `POST .../agentschedules/query`: the three ways Genesys answers – inline
 * for small requests, `Processing` + a notification for large ones (or
 * `forceAsync`), and a download URL for very large ones (or
 * `forceDownloadService`).
 */
import type { Models } from 'purecloud-platform-client-v2';
import { z } from 'zod';
import { badRequest } from '../http/api-error';
import type { Route } from '../http/route';
import type { SandboxRuntime } from '../runtime';
import { agentSchedule, wfmBase } from './convert';
import { findManagementUnit, findSchedule } from './lookup';
import { finishOperation, newOperationId } from './operations';
import { parseBody } from './parse-body';

const queryRequest = z.object({
  managementUnitId: z.string().min(1),
  userIds: z.array(z.string()).optional(),
  teamIds: z.array(z.string()).optional(),
});

export function agentSchedulesQueryRoute(runtime: SandboxRuntime): Route {
  return {
    method: 'POST',
    template: `${wfmBase}/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}/agentschedules/query`,
    auth: 'bearer',
    permission: 'wfm:schedule:view',
    async handle(ctx) {
      const { bu, schedule } = findSchedule(runtime, ctx.params);
      const request = parseBody(queryRequest, await ctx.readJson());
      const { mu, bu: muBu } = findManagementUnit(runtime, request.managementUnitId);
      if (muBu.id !== bu.id)
        throw badRequest('The management unit does not belong to this business unit', [
          { errorCode: 'invalid.managementUnitId', fieldName: 'managementUnitId' },
        ]);
      const wanted = request.userIds ? new Set(request.userIds) : null;
      const agents = [...schedule.agentSchedules.values()].filter(
        (a) => a.managementUnitId === mu.id && (!wanted || wanted.has(a.userId)),
      );
      const result: Models.BuAgentSchedulesQueryResponse = {
        agentSchedules: agents.map((a) => agentSchedule(schedule, a)),
        businessUnitTimeZone: bu.timeZone,
      };
      const forceDownload = ctx.query.get('forceDownloadService') === 'true';
      const forceAsync = ctx.query.get('forceAsync') === 'true';
      let body: Models.BuAsyncAgentSchedulesQueryResponse;
      if (forceDownload || agents.length > runtime.config.downloadAgentThreshold) {
        body = { status: 'Complete', downloadUrl: runtime.blobs.createDownload(result) };
      } else if (forceAsync || agents.length > runtime.config.asyncAgentThreshold) {
        const operationId = newOperationId(runtime);
        // The result itself is too big for a notification: it carries a download URL.
        const downloadUrl = runtime.blobs.createDownload(result);
        finishOperation(runtime, bu.id, {
          status: 'Complete',
          operationId,
          eventType: 'AgentSchedulesQuery',
          downloadUrl,
        });
        body = { status: 'Processing', operationId };
      } else {
        body = { status: 'Complete', result };
      }
      return { status: 200, body };
    },
  };
}
