/**
 * Builds the services from their parts: the SQLite file, the vault, the
 * connections, the event hub, and the one dispatcher both transports call.
 */
import type { ShellMode, AppInfo } from '../../shared/contract';
import { createMemoryVault } from '../genesys/vault/memory-vault';
import type { SecretVault } from '../genesys/vault/vault';
import { createProfileRepository } from '../mirror/connection-profiles';
import { openDatabase } from '../mirror/database';
import { createAuditRepository } from '../mirror/request-audit';
import type { SandboxOptions } from '../sandbox/server';
import { createConnectionService } from './connections/connection-service';
import { genesysOrgReader } from './connections/genesys-org-reader';
import { createSandboxLauncher } from './connections/sandbox-launcher';
import { prepareDataFolder } from './data-folder';
import { createDispatch, type Dispatch } from './dispatch';
import { createEventHub, type EventHub } from './event-hub';
import { createAnalysisService } from './analysis/analysis-service';
import { createEditsService } from './edits/edits-service';
import { createHandlers } from './handlers';
import { startHeavyWork, type WorkerLocation } from './heavy/heavy-work';
import { createJobRegistry, type JobRegistry } from './jobs/job-registry';
import { createPublishService } from './publish/publish-service';
import type { PublishClock } from './publish/publish-runs';
import { createSchedulesService } from './schedules/schedules-service';
import { createScriptSessionService } from './script-sessions/script-session-service';
import { warmTimelineAfterSyncs } from './timeline/warm-up';
import type { WatchTimers } from './script-sessions/watcher';

export interface ServicesOptions {
  appName: string;
  appVersion: string;
  dataDir: string;
  mode: ShellMode;
  /** Where secrets go; memory only unless the shell supplies a safer one. */
  vault?: SecretVault;
  /** Opens the system browser for supervisor sign-in. */
  openBrowser?: (url: string) => Promise<void>;
  /** Electron's build of better-sqlite3. */
  nativeBinding?: string;
  sandbox?: SandboxOptions;
  runtime?: { platform: string; versions: AppInfo['versions'] };
  now?: () => Date;
  /** The live script-session re-reads' timers (tests run their cadence without waiting). */
  timers?: WatchTimers;
  signInTimeoutMs?: number;
  log?: (line: string) => void;
  /** Where the heavy-work worker's code is (default: beside the bundle, or the TypeScript source). */
  heavyWorker?: WorkerLocation;
  /** The publish engine's clock and timers, its session watch cadence and operation wait (tests). */
  publish?: { clock?: PublishClock; watchEveryMs?: number; operationTimeoutMs?: number };
}

export interface Services {
  dispatch: Dispatch;
  events: EventHub;
  jobs: JobRegistry;
  /** Set when a corrupt database was moved aside at start: where it went. */
  movedAside: string | null;
  close(): Promise<void>;
}

export async function createServices(opts: ServicesOptions): Promise<Services> {
  const log = opts.log ?? (() => {});
  const events = createEventHub();
  prepareDataFolder(opts.dataDir);
  const { db, file, movedAside } = openDatabase(
    opts.dataDir,
    opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {},
  );
  if (movedAside) log(movedAsideNotice(movedAside));
  const audit = createAuditRepository(db);
  const connections = await createConnectionService({
    profiles: createProfileRepository(db),
    vault: opts.vault ?? createMemoryVault(),
    events,
    sandbox: createSandboxLauncher(opts.sandbox),
    orgReader: genesysOrgReader(audit.sink),
    audit: audit.sink,
    openBrowser: opts.openBrowser ?? (async (url) => log(`Open this link to sign in: ${url}`)),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.signInTimeoutMs ? { signInTimeoutMs: opts.signInTimeoutMs } : {}),
    log,
  });
  // Syncs and full-week analyses run on a worker thread with its own connection to the same file.
  const heavy = startHeavyWork({
    dbFile: file,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.heavyWorker ? { location: opts.heavyWorker } : {}),
  });
  const analysis = createAnalysisService({ db, events, heavy, ...(opts.now ? { now: opts.now } : {}) });
  const jobs = createJobRegistry({ events });
  const schedules = createSchedulesService({
    db,
    connections,
    audit: audit.sink,
    events,
    analysis,
    jobs,
    heavy,
    ...(opts.now ? { now: opts.now } : {}),
  });
  const scriptSessions = createScriptSessionService({
    db,
    connections,
    events,
    jobs,
    audit: audit.sink,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.timers ? { timers: opts.timers } : {}),
  });
  const publish = createPublishService({
    db,
    connections,
    jobs,
    events,
    audit: audit.sink,
    now: opts.now ?? (() => new Date()),
    viewerTimeZone: analysis.viewerTimeZone,
    log,
    ...opts.publish,
  });
  const handlers = createHandlers({
    ...opts,
    db,
    connections,
    schedules,
    analysis,
    jobs,
    scriptSessions,
    edits: createEditsService({ db, events, ...(opts.now ? { now: opts.now } : {}) }),
    publish,
    activity: { list: (q) => audit.query(q) },
    databaseMovedAside: movedAside,
  });
  // A publish the last run left unfinished is reconciled with Genesys and finished (or reported) now.
  publish.resumeUnfinished();
  const stopWarming = warmTimelineAfterSyncs(events, db, opts.now ?? (() => new Date()), log);
  return {
    dispatch: createDispatch(handlers, log),
    events,
    jobs,
    movedAside,
    async close() {
      stopWarming();
      // A sync still writing must end (its transaction whole or rolled back) before the database closes.
      await jobs.close();
      // A re-read in flight writes the mirror: it ends before the database closes.
      await scriptSessions.close();
      await heavy.close();
      await connections.close();
      db.close();
    },
  };
}

/** What every surface says when the database was damaged: where the old file is, and how to get the data back. */
export function movedAsideNotice(movedAside: string): string {
  return (
    `Publish Desk's database could not be read, so it was moved to ${movedAside} (kept, never deleted) and a fresh one was started. ` +
    'Connections and the mirror were in the old file: add your connections again, then sync to rebuild the mirror.'
  );
}

export type { Dispatch, EventHub };
