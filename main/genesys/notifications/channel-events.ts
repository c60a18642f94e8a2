/**
 * What a notification socket message means for the app: a heartbeat, the
 * socket about to close, or the end of a WFM operation (and, when that
 * operation saved a schedule, the saved version).
 */
import type { OperationFinished } from '../client/operation-events';
import { buScheduleNotification, notificationMessage, notifiedSchedule } from '../client/schemas';

export interface ScheduleSaved {
  businessUnitId: string;
  scheduleId: string;
  version: number;
  /** The user who saved, when Genesys says. */
  modifiedBy?: string;
  operationId: string;
}

export type SocketMessage =
  | { kind: 'heartbeat' }
  | { kind: 'closing' }
  | { kind: 'operationFinished'; event: OperationFinished; saved: ScheduleSaved | null }
  /** Progress of an operation, or an event of a topic we do not read. */
  | { kind: 'ignored'; topicName: string }
  | { kind: 'unreadable' };

const schedulesTopicPattern = /^v2\.workforcemanagement\.businessunits\.([^.]+)\.schedules$/;
/** Genesys's operation states; `Processing` events are progress, not the end. */
const finalStatuses = new Set(['Complete', 'Error', 'Canceled', 'Failed']);

export function readSocketMessage(text: string): SocketMessage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unreadable' };
  }
  const message = notificationMessage.safeParse(json);
  if (!message.success) return { kind: 'unreadable' };
  const { topicName, eventBody } = message.data;
  if (topicName === 'channel.metadata') return { kind: 'heartbeat' };
  if (topicName === 'v2.system.socket_closing') return { kind: 'closing' };
  const businessUnitId = schedulesTopicPattern.exec(topicName)?.[1];
  const body = buScheduleNotification.safeParse(eventBody);
  if (!businessUnitId || !body.success) return { kind: 'ignored', topicName };
  const { operationId, status } = body.data;
  if (!operationId || !status || !finalStatuses.has(status)) return { kind: 'ignored', topicName };
  const event: OperationFinished = {
    businessUnitId,
    operationId,
    status,
    eventType: body.data.eventType ?? 'Unknown',
    ...(body.data.result !== undefined ? { result: body.data.result } : {}),
    ...(body.data.downloadUrl ? { downloadUrl: body.data.downloadUrl } : {}),
  };
  const schedule = status === 'Complete' ? notifiedSchedule.safeParse(body.data.result) : null;
  const saved: ScheduleSaved | null = schedule?.success
    ? {
        businessUnitId,
        scheduleId: schedule.data.id,
        version: schedule.data.metadata.version,
        operationId,
        ...(schedule.data.metadata.modifiedBy?.id ? { modifiedBy: schedule.data.metadata.modifiedBy.id } : {}),
      }
    : null;
  return { kind: 'operationFinished', event, saved };
}
