/**
 * The import flow: `import/uploadurl` → PUT → `import {uploadKey}`, with the
 * permission `wfm:schedule:add` (an import adds a schedule; editing one is
 * `wfm:schedule:edit`). Accepted first, applied later, like an update: every
 * successful import creates a NEW schedule, so a blind retry duplicates it;
 * one whose content fails ends `Error` and creates nothing.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { requireIsoDate } from '../http/api-error';
import type { Route } from '../http/route';
import type { BusinessUnitState, ScheduleState } from '../org/model';
import type { SandboxRuntime } from '../runtime';
import type { ResolvedAgent } from './agent-patch';
import { scheduleMetadata, wfmBase } from './convert';
import { findBusinessUnit } from './lookup';
import { startOperation } from './operations';
import { parseBody } from './parse-body';
import { publishOver } from './publish-over';
import { processRequest, uploadUrlRequest } from './schedule-update';
import { requirePermission } from './update-checks';
import { contentIsValid, takeUploadedJson, writeAgents } from './upload-apply';
import { markerFrom, newShift, UploadProblems } from './upload-items';
import { importUpload, type ImportUpload } from './upload-schemas';

const importPath = `${wfmBase}/businessunits/{businessUnitId}/weeks/{weekId}/schedules/import`;

/** Every agent of the import as a new agent schedule; shifts get the new schedule's own ids. */
function resolveImport(runtime: SandboxRuntime, bu: BusinessUnitState, upload: ImportUpload): ResolvedAgent[] {
  const problems = new UploadProblems();
  const ctx = { codes: new Map(bu.activityCodes.map((c) => [c.id, c])), newId: () => runtime.idRng.uuid() };
  const seen = new Set<string>();
  const resolved: ResolvedAgent[] = [];
  upload.agentSchedules.forEach((entry, i) => {
    const field = `agentSchedules[${i}]`;
    const user = runtime.org.users.get(entry.userId);
    if (!user?.managementUnitId || user.businessUnitId !== bu.id || seen.has(entry.userId)) {
      problems.add(`${field}: user ${entry.userId} is not an agent of this business unit, or listed twice`, {
        errorCode: 'unknown.user',
        fieldName: `${field}.userId`,
        entityId: entry.userId,
      });
      return;
    }
    seen.add(entry.userId);
    const shifts = entry.shifts.flatMap(
      (s, j) => newShift(s, `${field}.shifts[${j}]`, entry.userId, ctx, problems) ?? [],
    );
    const dates = new Set<string>();
    const markers = entry.fullDayTimeOffMarkers.flatMap((m, j) => {
      const at = `${field}.fullDayTimeOffMarkers[${j}]`;
      if (m.businessUnitDate === undefined || dates.has(m.businessUnitDate)) {
        problems.add(`${at} has no businessUnitDate, or repeats one`, {
          errorCode: 'invalid.businessUnitDate',
          fieldName: `${at}.businessUnitDate`,
          entityId: entry.userId,
        });
        return [];
      }
      dates.add(m.businessUnitDate);
      return (
        markerFrom({ ...m, businessUnitDate: m.businessUnitDate }, undefined, at, entry.userId, ctx, problems) ?? []
      );
    });
    const workPlanId = entry.workPlanId?.value;
    resolved.push({
      userId: entry.userId,
      managementUnitId: user.managementUnitId,
      before: undefined,
      after: { shifts, fullDayTimeOffMarkers: markers, ...(workPlanId ? { workPlanId } : {}) },
      changed: true,
      change: {
        shifts,
        fullDayTimeOffMarkers: markers,
        deletedShiftIds: [],
        deletedMarkerDates: [],
        deletedAgentSchedule: false,
      },
    });
  });
  problems.throwIfAny('schedule import');
  return resolved;
}

function applyImport(
  runtime: SandboxRuntime,
  bu: BusinessUnitState,
  weekId: string,
  upload: ImportUpload,
  agents: ResolvedAgent[],
  editorId: string,
): Models.BuScheduleMetadata | null {
  if (!contentIsValid(bu, agents)) return null;
  const now = runtime.now().toISOString();
  const schedule: ScheduleState = {
    id: runtime.idRng.uuid(),
    businessUnitId: bu.id,
    weekDate: weekId,
    weekCount: upload.weekCount,
    description: upload.description,
    published: false,
    version: 1,
    dateCreated: now,
    dateModified: now,
    modifiedByUserId: editorId,
    createdByUserId: editorId,
    agentSchedules: new Map(),
  };
  // The import is the schedule's beginning, not a change to it: no agent history yet.
  writeAgents(schedule, agents, { id: editorId, now, history: false });
  bu.schedules.set(schedule.id, schedule);
  if (upload.published === true) publishOver(runtime, bu, schedule, editorId, now);
  return scheduleMetadata(bu, schedule);
}

export function scheduleImportRoutes(runtime: SandboxRuntime): Route[] {
  return [
    {
      method: 'POST',
      template: `${importPath}/uploadurl`,
      auth: 'bearer',
      permission: 'wfm:schedule:add',
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
      permission: 'wfm:schedule:add',
      write: true,
      async handle(ctx) {
        const bu = findBusinessUnit(runtime, ctx.params.businessUnitId);
        const weekId = requireIsoDate(ctx.params.weekId, 'weekId');
        const { uploadKey } = parseBody(processRequest, await ctx.readJson());
        const upload = parseBody(
          importUpload,
          takeUploadedJson(runtime, uploadKey, 'import', { businessUnitId: bu.id, weekId }),
        );
        if (upload.published === true) requirePermission(ctx.grant, 'wfm:schedule:publish');
        const agents = resolveImport(runtime, bu, upload);
        const editorId = ctx.grant?.userId ?? ctx.grant?.clientId ?? 'api';
        const operationId = startOperation(runtime, bu.id, 'Import', () =>
          applyImport(runtime, bu, weekId, upload, agents, editorId),
        );
        const body: Models.ScheduleUploadProcessingResponse = { status: 'Processing', operationId };
        return { status: 200, body };
      },
    },
  ];
}
