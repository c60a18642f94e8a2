/**
 * Everything a sandbox route can reach: configuration, the org, the clock,
 * and the services other modules provide. Built once by `startSandbox`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FaultEngine } from './faults/engine';
import type { OrgState, SandboxManifest } from './org/model';
import type { Rng } from './random';

export type FaultName = 'calm' | 'publish-morning' | 'flaky' | 'script-lock' | 'slow-async';
export const faultNames: readonly FaultName[] = ['calm', 'publish-morning', 'flaky', 'script-lock', 'slow-async'];

export interface SandboxConfig {
  seed: number;
  agents: number;
  weeks: number;
  faults: FaultName[];
  /** Lifetime of issued access tokens. Genesys default is 86,400 s. */
  tokenLifetimeSeconds: number;
  /** Requests per minute per token before 429. */
  rateLimitPerMinute: number;
  /** `/oauth/authorize` approves without showing the consent page (tests). */
  autoApprove: boolean;
  /** Issue refresh tokens with supervisor (code grant) sign-ins, and accept grant_type=refresh_token. */
  refreshTokens: boolean;
  /** Agent-schedule queries above this many agents answer asynchronously. */
  asyncAgentThreshold: number;
  /** ...and above this many, by download URL. */
  downloadAgentThreshold: number;
  /** How long an async operation takes before its notification. */
  operationDelayMs: number;
  /** WebSocket heartbeat period and channel lifetime. */
  heartbeatMs: number;
  channelLifetimeMs: number;
  /** How long a `flaky` "timeout" holds a connection before dropping it. */
  faultHangMs: number;
  /** Largest request body accepted. */
  maxBodyBytes: number;
  /** How large a gzipped upload may grow when inflated; past it the PUT is refused with 413 (a gzip bomb stops here). */
  maxInflatedUploadBytes: number;
  /** The sandbox's "today" (default: the real clock). */
  now: () => Date;
  /**
   * Test switch: every accepted schedule update's operation ends `Error` with nothing written (what Genesys
   * does to content it refuses, with no reason given). Settable at runtime; off unless set.
   */
  failUpdateOperations?: boolean;
}

export interface TokenGrant {
  token: string;
  clientId: string;
  permissions: string[];
  grantType: 'client_credentials' | 'authorization_code';
  /** The signed-in user for code grants. */
  userId?: string;
  expiresAt: number;
}

export interface TokenStore {
  /** Throws `ApiError` 401 for a missing, unknown or expired bearer token. */
  verify(authorization: string | undefined): TokenGrant;
  issue(clientId: string, grantType: TokenGrant['grantType'], userId?: string): TokenGrant;
}

export interface NotificationHub {
  /** Delivers an event to every channel subscribed to the topic. */
  publish(topicName: string, eventBody: unknown): void;
  /** Takes the WebSocket upgrade if it is for a channel; false otherwise. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): void;
}

/** Short-lived signed URLs for uploads (PUT) and downloads (GET). */
export interface BlobStore {
  /** A signed URL for one upload of at most `declaredBytes` (the request's `contentLengthBytes`). */
  createUpload(
    purpose: string,
    meta: Record<string, string>,
    declaredBytes: number,
  ): { key: string; url: string; headers: Record<string, string> };
  /** The uploaded body, decompressed when gzipped; undefined if nothing was uploaded. */
  takeUpload(key: string): { purpose: string; meta: Record<string, string>; body: Buffer | undefined } | undefined;
  createDownload(body: unknown): string;
}

export interface Scheduler {
  /** setTimeout that `close()` cancels, so a stopped sandbox leaves nothing running. */
  later(ms: number, fn: () => void): void;
  close(): void;
}

export interface SandboxRuntime {
  config: SandboxConfig;
  org: OrgState;
  manifest: SandboxManifest;
  /** The fault stream: separate from the org stream so fault draws never change the data. */
  faultRng: Rng;
  /** Ids of things the sandbox creates while serving (schedules, operations). */
  idRng: Rng;
  baseUrl: string;
  tokens: TokenStore;
  notifications: NotificationHub;
  blobs: BlobStore;
  scheduler: Scheduler;
  faults: FaultEngine;
  now(): Date;
  /** Writes the org to the state file, if there is one: after every write, also one that lands later. */
  persist(): void;
}
