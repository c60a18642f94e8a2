/** The shapes of the notifications client: its options, its events and what it offers. */
import type WebSocket from 'ws';
import type { GenesysHttp } from '../client/http';
import type { OperationEvents, OperationFinished, QueryResultReady } from '../client/operation-events';
import type { ScheduleSaved } from './channel-events';

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface NotificationEventMap {
  operationFinished: OperationFinished;
  /** A large agent-schedules query result, on the signed-in user's own topic. */
  queryResult: QueryResultReady;
  /** Someone else (another supervisor, a shift trade) saved a schedule: ours is stale. */
  scheduleSaved: ScheduleSaved;
  connection: { state: ConnectionState; channelId: string | null };
}

export interface NotificationsClientOptions {
  http: GenesysHttp;
  WebSocketImpl?: typeof WebSocket;
  /** Silence after which the socket counts as dead. Genesys sends a heartbeat every 30 s. */
  heartbeatTimeoutMs?: number;
  /** First wait before reconnecting; doubles per failure up to `maxReconnectDelayMs`. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  /** How long an unclaimed event waits for its operation to be claimed before it counts as someone else's save. */
  ownershipGraceMs?: number;
  log?: (entry: { level: 'info' | 'warn'; message: string }) => void;
}

export interface NotificationsClient extends OperationEvents {
  on<K extends keyof NotificationEventMap>(name: K, listener: (event: NotificationEventMap[K]) => void): () => void;
  waitForOperation(businessUnitId: string, operationId: string, timeoutMs: number): Promise<OperationFinished | null>;
  readonly state: ConnectionState;
  readonly channelId: string | null;
  close(): void;
}
