/**
 * What a notification socket message means for the app: a heartbeat, the
 * socket about to close, the end of a WFM schedule operation (and, when that
 * operation saved a schedule, the saved version), or a large agent-schedules
 * query result on the user's own topic.
 */
import type { OperationFinished, QueryResultReady } from '../client/operation-events';
import {
  buScheduleNotification,
  notificationMessage,
  notifiedSchedule,
  scheduleQueryResultNotification,
} from '../client/schemas';

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
  | { kind: 'queryResult'; event: QueryResultReady }
  /** Progress of an operation, or an event of a topic we do not read. */
  | { kind: 'ignored'; topicName: string }
  | { kind: 'unreadable' };

const schedulesTopicPattern = /^v2\.workforcemanagement\.businessunits\.([^.]+)\.schedules$/;
const queriesTopicPattern = /^v2\.workforcemanagement\.users\.([^.]+)\.schedules\.query$/;
/** Genesys's operation states (Processing | Complete | Canceled | Error); `Processing` is progress, not the end. */
const finalStatuses = new Set(['Complete', 'Error', 'Canceled']);

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
  if (queriesTopicPattern.test(topicName)) {
    const result = scheduleQueryResultNotification.safeParse(eventBody);
    if (!result.success) return { kind: 'ignored', topicName };
    const { operationId, businessUnitId, downloadUrl } = result.data;
    return { kind: 'queryResult', event: { operationId, downloadUrl, ...(businessUnitId ? { businessUnitId } : {}) } };
  }
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
