/**
 * `POST .../agentschedules/query`: the three ways Genesys answers – inline
 * for small requests, a download URL for very large ones (or
 * `forceDownloadService`), and in between (or `forceAsync`) `Processing`
 * with the result coming later on the token user's own topic,
 * `v2.workforcemanagement.users.{userId}.schedules.query`, as
 * `{operationId, businessUnitId, downloadUrl}` – never on the BU's
 * schedules topic.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { z } from 'zod';
import { badRequest } from '../http/api-error';
import type { Route } from '../http/route';
import type { SandboxRuntime } from '../runtime';
import { agentSchedule, wfmBase } from './convert';
import { findManagementUnit, findSchedule } from './lookup';
import { newOperationId } from './operations';
import { parseBody } from './parse-body';

const queryRequest = z.object({
  managementUnitId: z.string().min(1),
  userIds: z.array(z.string()).optional(),
  teamIds: z.array(z.string()).optional(),
});

export const scheduleQueryTopic = (userId: string) => `v2.workforcemanagement.users.${userId}.schedules.query`;

/** The result arrives on the user's topic after the operation delay; `slow-async` may lose it. */
function answerOnUserTopic(runtime: SandboxRuntime, userId: string, businessUnitId: string, downloadUrl: string) {
  const operationId = newOperationId(runtime);
  const dropped = runtime.faults.dropNotification();
  const delay = runtime.faults.operationDelayMs(runtime.config.operationDelayMs);
  const event: Models.WfmBuScheduleQueryResultTopicBuScheduleSearchResultNotification = {
    operationId,
    businessUnitId,
    downloadUrl,
  };
  if (!dropped) runtime.scheduler.later(delay, () => runtime.notifications.publish(scheduleQueryTopic(userId), event));
  return operationId;
}

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
      const userId = ctx.grant?.userId;
      let body: Models.BuAsyncAgentSchedulesQueryResponse;
      if (forceDownload || agents.length > runtime.config.downloadAgentThreshold) {
        body = { status: 'Complete', downloadUrl: runtime.blobs.createDownload(result) };
      } else if (forceAsync || agents.length > runtime.config.asyncAgentThreshold) {
        // A client-credentials token has no user, hence no topic to tell the result on. Genesys is silent
        // on what it does then; the sandbox's choice: answer at once with a download URL.
        const downloadUrl = runtime.blobs.createDownload(result);
        body = userId
          ? { status: 'Processing', operationId: answerOnUserTopic(runtime, userId, bu.id, downloadUrl) }
          : { status: 'Complete', downloadUrl };
      } else {
        body = { status: 'Complete', result };
      }
      return { status: 200, body };
    },
  };
}
