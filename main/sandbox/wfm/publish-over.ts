/**
 * One published schedule per week, and no un-publishing. Publishing a
 * schedule unpublishes every other schedule of the BU that covers any of its
 * weeks, each with its own version bump and `Update` notification; a
 * published schedule cannot be set back to a draft ("a schedule cannot be
 * un-published unless another schedule is published over it").
 */
import { badRequest } from '../http/api-error';
import type { BusinessUnitState, ScheduleState } from '../org/model';
import type { SandboxRuntime } from '../runtime';
import { carryDroppedChanges } from './agent-history';
import { scheduleMetadata } from './convert';
import { newOperationId, notifySchedule } from './operations';

const weekMs = 7 * 86_400_000;

function span(s: ScheduleState): { start: number; end: number } {
  const start = Date.parse(`${s.weekDate}T00:00:00Z`);
  return { start, end: start + s.weekCount * weekMs };
}

/** Whether two schedules share a week (weeks are whole BU weeks, so their dates compare as days). */
export function sharesAWeek(a: ScheduleState, b: ScheduleState): boolean {
  const x = span(a);
  const y = span(b);
  return x.start < y.end && y.start < x.end;
}

/** Checked when an update is accepted: `published: false` on a published schedule is refused outright. */
export function refuseUnpublish(schedule: ScheduleState, published: boolean | undefined): void {
  if (published === false && schedule.published) {
    throw badRequest(
      'A schedule cannot be un-published unless another schedule is published over it; publish the schedule that should replace it instead',
      [{ errorCode: 'schedule.unpublish.not.allowed', fieldName: 'published', entityId: schedule.id }],
    );
  }
}

/**
 * Publishes `schedule`: the BU's other published schedules sharing a week
 * become drafts. Each is told as its own `Update` with its own operation id
 * (Genesys is silent on that; the sandbox's choice, so a client waiting for
 * its publish's operation id never takes another schedule's event for it).
 */
export function publishOver(
  runtime: SandboxRuntime,
  bu: BusinessUnitState,
  schedule: ScheduleState,
  editorId: string,
  now: string,
): void {
  for (const other of bu.schedules.values()) {
    if (other === schedule || !other.published || !sharesAWeek(other, schedule)) continue;
    other.published = false;
    other.version += 1;
    other.dateModified = now;
    other.modifiedByUserId = editorId;
    schedule.priorPublishedScheduleIds = [other.id, ...(schedule.priorPublishedScheduleIds ?? [])];
    carryDroppedChanges(other, schedule);
    notifySchedule(runtime, bu.id, {
      status: 'Complete',
      operationId: newOperationId(runtime),
      eventType: 'Update',
      result: scheduleMetadata(bu, other),
    });
  }
  schedule.published = true;
}
