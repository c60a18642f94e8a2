/** app.*: what is running where. */
import type { OpsApi, ShellMode, AppInfo } from '../../../shared/contract';
import type { appMethods } from '../../../shared/contract/app';

export interface AppDeps {
  appName: string;
  appVersion: string;
  dataDir: string;
  mode: ShellMode;
  /** Injected so tests and both shells report the same runtime facts. */
  runtime?: { platform: string; versions: AppInfo['versions'] };
  now?: () => Date;
  /** Where a corrupt database was moved at start, if it was. */
  databaseMovedAside?: string | null;
}

export function appHandlers(deps: AppDeps) {
  const startedAt = (deps.now ?? (() => new Date()))().toISOString();
  const runtime = deps.runtime ?? currentRuntime();
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
  } satisfies Pick<OpsApi, keyof typeof appMethods>;
}

function currentRuntime(): { platform: string; versions: AppInfo['versions'] } {
  const v = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  return {
    platform: `${process.platform}-${process.arch}`,
    versions: { node: v.node, electron: v.electron ?? null, chrome: v.chrome ?? null },
  };
}
