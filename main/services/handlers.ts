/**
 * Composition root of the services: the ONLY implementation of the contract,
 * joined from one handler table per domain. Electron-free, so it runs under
 * Vitest, the CLI, the browser host and the desktop app's services process alike.
 */
import type Database from 'better-sqlite3';
import type { OpsApi } from '../../shared/contract';
import type { ActivityLog } from './activity/activity-log';
import { activityHandlers } from './activity/handlers';
import type { AnalysisService } from './analysis/analysis-service';
import { analysisHandlers } from './analysis/handlers';
import { appHandlers, type AppDeps } from './app/handlers';
import type { ConnectionService } from './connections/connection-service';
import { connectionsHandlers } from './connections/handlers';
import type { EditsService } from './edits/edits-service';
import { editsHandlers } from './edits/handlers';
import { jobsHandlers } from './jobs/handlers';
import type { JobRegistry } from './jobs/job-registry';
import type { PublishService } from './publish/handlers';
import { publishHandlers } from './publish/handlers';
import type { SchedulesService } from './schedules/schedules-service';
import { schedulesHandlers } from './schedules/handlers';
import type { ScriptSessionService } from './script-sessions/script-session-service';
import { scriptSessionsHandlers } from './script-sessions/handlers';
import { timelineHandlers } from './timeline/handlers';

export interface ServiceDeps extends AppDeps {
  connections: ConnectionService;
  activity: ActivityLog;
  schedules: SchedulesService;
  analysis: AnalysisService;
  jobs: JobRegistry;
  edits: EditsService;
  scriptSessions: ScriptSessionService;
  publish: PublishService;
  /** The services' own connection: timeline windows read it while the worker writes. */
  db: Database.Database;
}

export function createHandlers(deps: ServiceDeps): OpsApi {
  return {
    ...appHandlers(deps),
    ...connectionsHandlers(deps.connections),
    ...activityHandlers(deps.activity),
    ...schedulesHandlers(deps.schedules),
    ...analysisHandlers(deps.analysis),
    ...jobsHandlers(deps.jobs),
    ...timelineHandlers(deps.db),
    ...scriptSessionsHandlers(deps.scriptSessions),
    ...editsHandlers(deps.edits),
    ...publishHandlers(deps.publish),
  } satisfies OpsApi;
}
