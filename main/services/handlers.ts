/**
 * Composition root of the services: the ONLY implementation of the contract.
 * Electron-free, so it runs under Vitest, the CLI and the browser host alike.
 */
import type { AppInfo, OpsApi, ShellMode } from '../../shared/contract';
import type { ActivityLog } from './activity-log';
import type { AnalysisService } from './analysis/analysis-service';
import type { ConnectionService } from './connections/connection-service';
import type { EventHub } from './event-hub';
import type { SchedulesService } from './schedules/schedules-service';

export interface ServiceDeps {
  appName: string;
  appVersion: string;
  dataDir: string;
  mode: ShellMode;
  events: EventHub;
  connections: ConnectionService;
  activity: ActivityLog;
  schedules: SchedulesService;
  analysis: AnalysisService;
  /** Injected so tests and both shells report the same runtime facts. */
  runtime?: { platform: string; versions: AppInfo['versions'] };
  now?: () => Date;
  /** Where a corrupt database was moved at start, if it was. */
  databaseMovedAside?: string | null;
}

export function createHandlers(deps: ServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const runtime = deps.runtime ?? currentRuntime();
  const { connections, schedules } = deps;

  return {
    'app.info': async (_args, ctx) => ({
      name: deps.appName,
      version: deps.appVersion,
      dataDir: deps.dataDir,
      transport: ctx.transport,
      mode: deps.mode,
      platform: runtime.platform,
      versions: runtime.versions,
      startedAt,
      databaseMovedAside: deps.databaseMovedAside ?? null,
    }),
    'connection.regions': async () => connections.regions(),
    'connection.list': async () => connections.list(),
    'connection.save': async (draft) => connections.save(draft),
    'connection.remove': async ({ id }) => ({ removed: await connections.remove(id) }),
    'connection.test': async ({ id }) => connections.test(id),
    'connection.signIn': async ({ id }) => connections.signIn(id),
    'connection.cancelSignIn': async ({ id }) => ({ cancelled: connections.cancelSignIn(id) }),
    'connection.signOut': async ({ id }) => connections.signOut(id),
    'vault.status': async () => connections.vaultStatus(),
    'activity.list': async (query) => deps.activity.list(query),
    'schedules.overview': async ({ profileId }) => schedules.overview(profileId),
    'schedules.discover': async ({ profileId }) => schedules.discover(profileId),
    'schedules.weeks': async ({ profileId, businessUnitId }) => schedules.weeks(profileId, businessUnitId),
    'sync.start': async ({ profileId, businessUnitId, weeks, weekCount }) => schedules.start(profileId, businessUnitId, { weeks, weekCount }),
    'sync.cancel': async ({ profileId, businessUnitId }) => ({ cancelled: schedules.cancel(profileId, businessUnitId) }),
    'analysis.run': async ({ businessUnitId, week, rerun }) => (rerun ? deps.analysis.run(businessUnitId, week) : deps.analysis.latest(businessUnitId, week)),
  } satisfies OpsApi;
}

function currentRuntime(): { platform: string; versions: AppInfo['versions'] } {
  const v = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  return {
    platform: `${process.platform}-${process.arch}`,
    versions: { node: v.node, electron: v.electron ?? null, chrome: v.chrome ?? null },
  };
}
