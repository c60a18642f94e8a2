/** `POST /managementunits/{muId}/timeoffrequests/query`. */
import type { Models } from 'purecloud-platform-client-v2';
import { z } from 'zod';
import { badRequest } from '../http/api-error';
import type { Route } from '../http/route';
import type { TimeOffRequestState } from '../org/model';
import type { SandboxRuntime } from '../runtime';
import { userRef, wfmBase } from './convert';
import { findManagementUnit } from './lookup';
import { parseBody } from './parse-body';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}/);
const queryBody = z.object({
  ids: z.array(z.string()).optional(),
  userIds: z.array(z.string()).optional(),
  statuses: z.array(z.enum(['PENDING', 'APPROVED', 'DENIED', 'CANCELED'])).optional(),
  dateRange: z.object({ startDate: date, endDate: date }).optional(),
});

export function timeOffRoutes(runtime: SandboxRuntime): Route[] {
  return [
    {
      method: 'POST',
      template: `${wfmBase}/managementunits/{managementUnitId}/timeoffrequests/query`,
      auth: 'bearer',
      permission: 'wfm:timeOffRequest:view',
      async handle(ctx) {
        const { bu, mu } = findManagementUnit(runtime, ctx.params.managementUnitId);
        const q = parseBody(queryBody, await ctx.readJson());
        if (q.dateRange && q.dateRange.startDate > q.dateRange.endDate)
          throw badRequest('dateRange.startDate must not be after dateRange.endDate');
        const within = (r: TimeOffRequestState) => {
          if (!q.dateRange) return true;
          const days = [...r.fullDayManagementUnitDates, ...r.partialDayStartDateTimes.map((d) => d.slice(0, 10))];
          return days.some((d) => d >= q.dateRange!.startDate.slice(0, 10) && d <= q.dateRange!.endDate.slice(0, 10));
        };
        const entities = bu.timeOffRequests
          .filter((r) => r.managementUnitId === mu.id)
          .filter((r) => (!q.ids || q.ids.includes(r.id)) && (!q.userIds || q.userIds.includes(r.userId)))
          .filter((r) => (!q.statuses || q.statuses.includes(r.status)) && within(r))
          .map((r) => listItem(r, mu.id));
        const body: Models.TimeOffRequestListing = { entities };
        return { status: 200, body };
      },
    },
  ];
}

function listItem(r: TimeOffRequestState, muId: string): Models.TimeOffRequestListItem {
  const days = Math.max(r.fullDayManagementUnitDates.length, r.partialDayStartDateTimes.length);
  return {
    id: r.id,
    user: userRef(r.userId),
    isFullDayRequest: r.isFullDayRequest,
    activityCodeId: r.activityCodeId,
    paid: true,
    status: r.status,
    partialDayStartDateTimes: r.partialDayStartDateTimes,
    fullDayManagementUnitDates: r.fullDayManagementUnitDates,
    dailyDurationMinutes: r.dailyDurationMinutes,
    durationMinutes: Array.from({ length: days }, () => r.dailyDurationMinutes),
    payableMinutes: Array.from({ length: days }, () => r.dailyDurationMinutes),
    fullDayEarliestStartOffsetMinutes: [],
    fullDayLatestEndOffsetMinutes: [],
    notes: r.notes,
    submittedBy: userRef(r.userId),
    submittedDate: r.submittedDate,
    syncVersion: r.version,
    metadata: { version: r.version },
    selfUri: `${wfmBase}/managementunits/${muId}/timeoffrequests/${r.id}`,
  };
}
