/**
 * Asynchronous WFM operations. An update or import is accepted with
 * `{status: 'Processing', operationId}`; its work runs after the operation
 * delay, and its end is told only on the business unit's schedules topic:
 * `Complete` with the schedule, or `Error` with no reason at all (what
 * Genesys sends: `{"status":"Error","operationId":"…","eventType":"Import"}`).
 * There is no GET for an operation: a client that misses the notification
 * must re-read the schedule and compare its version.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { SandboxRuntime } from '../runtime';

export const schedulesTopic = (buId: string) => `v2.workforcemanagement.businessunits.${buId}.schedules`;

/** The only event types of the schedules topic. */
export type ScheduleEventType = 'Update' | 'Import' | 'Copy' | 'Delete';

export interface ScheduleEvent extends Models.WfmBuScheduleTopicBuScheduleNotification {
  status: 'Processing' | 'Complete' | 'Canceled' | 'Error';
  operationId: string;
  eventType: ScheduleEventType;
}

export function newOperationId(runtime: SandboxRuntime): string {
  return runtime.idRng.uuid();
}

/** Tells the schedules topic at once (another editor's save, a schedule unpublished by a publish). */
export function notifySchedule(runtime: SandboxRuntime, buId: string, event: ScheduleEvent): void {
  runtime.notifications.publish(schedulesTopic(buId), event);
}

/**
 * Runs `work` after the profile's delay and tells how it ended. `work`
 * returns the schedule it wrote, or null when the content failed and
 * nothing was written. Under `slow-async` the work still lands, long after
 * the answer, but its notification may never come.
 */
export function startOperation(
  runtime: SandboxRuntime,
  buId: string,
  eventType: ScheduleEventType,
  work: () => Models.BuScheduleMetadata | null,
): string {
  const operationId = newOperationId(runtime);
  const dropped = runtime.faults.dropNotification();
  const delay = runtime.faults.operationDelayMs(runtime.config.operationDelayMs);
  runtime.scheduler.later(delay, () => {
    let result: Models.BuScheduleMetadata | null = null;
    try {
      result = work();
    } catch (err) {
      console.error('sandbox: an accepted operation failed', err);
    }
    if (result) runtime.persist();
    if (dropped) return;
    notifySchedule(
      runtime,
      buId,
      result ? { status: 'Complete', operationId, eventType, result } : { status: 'Error', operationId, eventType },
    );
  });
  return operationId;
}
