/**
 * Asynchronous WFM operations finish by notification on the business unit's
 * schedules topic. There is no GET for an operation: a client that misses
 * the notification must re-read the schedule and compare its version.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { SandboxRuntime } from '../runtime';

export const schedulesTopic = (buId: string) => `v2.workforcemanagement.businessunits.${buId}.schedules`;

export function newOperationId(runtime: SandboxRuntime): string {
  return runtime.idRng.uuid();
}

/** Sends the operation's result after the profile's delay, unless `slow-async` loses it. */
export function finishOperation(
  runtime: SandboxRuntime,
  buId: string,
  event: Models.WfmBuScheduleTopicBuScheduleNotification & { downloadUrl?: string },
): void {
  const dropped = runtime.faults.dropNotification();
  const delay = runtime.faults.operationDelayMs(runtime.config.operationDelayMs);
  if (dropped) return;
  runtime.scheduler.later(delay, () => runtime.notifications.publish(schedulesTopic(buId), event));
}
