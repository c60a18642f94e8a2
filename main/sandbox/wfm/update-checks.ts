/**
 * What a schedule update is refused for when it is accepted, before any of
 * it runs: a missing permission, a stale version (409, or the 400 "does not
 * match the current version" variant), an agent locked by a scripted
 * conversation (`script-lock`, once the patch is resolved).
 */
import { ApiError } from '../http/api-error';
import type { BusinessUnitState, ScheduleState } from '../org/model';
import type { SandboxRuntime, TokenGrant } from '../runtime';
import type { ResolvedAgent } from './agent-patch';
import { refuseScriptLocked } from './script-lock';
import type { UpdateUpload } from './upload-schemas';

/** A permission only some bodies need (publishing), so the route's own permission cannot say it. */
export function requirePermission(grant: TokenGrant | null, permission: string): void {
  if (grant?.permissions.includes(permission)) return;
  throw new ApiError(
    403,
    'missing.permissions',
    `Unable to perform the requested action. You are missing the following permission(s): [${permission}]`,
    { messageParams: { permissions: `[${permission}]` } },
  );
}

export function checkVersions(runtime: SandboxRuntime, schedule: ScheduleState, upload: UpdateUpload): void {
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

/**
 * script-lock: an update that changes what an agent in an active scripted
 * conversation sees now (publishes included) is refused with a 409 naming
 * them. Checked once the patch is resolved, since what an agent will see is
 * the patch's result; the rule itself is in script-lock.ts.
 */
export function checkScriptLock(
  runtime: SandboxRuntime,
  bu: BusinessUnitState,
  schedule: ScheduleState,
  upload: UpdateUpload,
  agents: readonly ResolvedAgent[],
): void {
  refuseScriptLocked(runtime, bu, schedule, upload, agents);
}
