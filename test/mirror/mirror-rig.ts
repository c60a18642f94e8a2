/** A sandbox org, the app's client against it, and a fresh mirror: what every mirror test starts from. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { SyncPhase } from '../../shared/mirror';
import { openDatabase } from '../../main/mirror/database';
import {
  syncBusinessUnit,
  type SyncBusinessUnitOptions,
  type SyncResult,
} from '../../main/mirror/sync/sync-business-unit';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../main/sandbox/server';
import { genesysClient, supervisorToken, type GenesysClient } from './genesys-client';

export const sandboxNow = new Date('2026-11-23T12:00:00Z');

export interface MirrorRig extends GenesysClient {
  sandbox: RunningSandbox;
  db: Database.Database;
  dataDir: string;
  profileId: string;
  businessUnitId: string;
  progress: Array<{ phase: SyncPhase; done: number; total: number; item?: string }>;
  sync(overrides?: Partial<SyncBusinessUnitOptions>): Promise<SyncResult>;
  close(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'pd-mirror-'));
}

export interface RigOptions {
  /** How the client signs in: client credentials (default), or as the sandbox's supervisor (authorization code). */
  grant?: 'client_credentials' | 'authorization_code';
}

export async function mirrorRig(options: SandboxOptions = {}, rigOptions: RigOptions = {}): Promise<MirrorRig> {
  const sandbox = await startSandbox({
    agents: 120,
    weeks: 4,
    operationDelayMs: 5,
    rateLimitPerMinute: 100_000,
    faultHangMs: 50,
    now: () => sandboxNow,
    ...options,
  });
  const client = genesysClient(
    rigOptions.grant === 'authorization_code'
      ? { ...sandbox, bearer: async () => supervisorToken(sandbox).token }
      : sandbox,
  );
  const dataDir = tempDataDir();
  const { db } = openDatabase(dataDir);
  const progress: MirrorRig['progress'] = [];
  const rig: MirrorRig = {
    ...client,
    sandbox,
    db,
    dataDir,
    profileId: 'sandbox',
    businessUnitId: sandbox.businessUnitId,
    progress,
    sync: (overrides = {}) =>
      syncBusinessUnit({
        db,
        api: client.api,
        profileId: rig.profileId,
        businessUnitId: sandbox.businessUnitId,
        now: () => sandboxNow,
        onProgress: (p) => progress.push(p),
        requestCount: client.tally.total,
        ...overrides,
      }),
    close: async () => {
      client.close();
      db.close();
      await sandbox.close();
    },
  };
  return rig;
}
