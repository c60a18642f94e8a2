/**
 * The Schedules screen's service: what is mirrored, finding business units,
 * and syncing weeks with progress. Reads come from the mirror only, so they
 * work offline; a connection that cannot be reached is marked offline with
 * the reason, and the UI says so with the "as of" time.
 */
import type Database from 'better-sqlite3';
import type { JobSnapshot } from '../../../shared/contract';
import type { SchedulesOverview, SyncRunSummary } from '../../../shared/mirror';
import type { AuditSink } from '../../genesys/types';
import { createBusinessUnitStore } from '../../mirror/business-unit-store';
import { lastSyncRun, listBusinessUnits, listWeeks } from '../../mirror/mirror-reads';
import type { AnalysisService } from '../analysis/analysis-service';
import type { ConnectionService } from '../connections/connection-service';
import type { EventHub } from '../event-hub';
import { failureCategory } from '../failure-category';
import type { HeavyWork } from '../heavy/heavy-work';
import type { JobContext, JobRegistry } from '../jobs/job-registry';
import { openGenesysSession } from '../../genesys/session';
import { OpsError } from '../../../shared/ops-error';

export interface SchedulesServiceDeps {
  db: Database.Database;
  connections: ConnectionService;
  audit: AuditSink;
  events: EventHub;
  analysis: AnalysisService;
  jobs: JobRegistry;
  heavy: HeavyWork;
  now?: () => Date;
}

export type SchedulesService = ReturnType<typeof createSchedulesService>;

export function createSchedulesService(deps: SchedulesServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const units = createBusinessUnitStore(deps.db);
  const offline = new Map<string, { since: string; reason: string }>();

  /** Network trouble marks the connection offline; anything else is just an error. */
  function noteOutcome(profileId: string, err: unknown): void {
    if (err === null) offline.delete(profileId);
    else if (failureCategory(err) === 'unavailable') {
      offline.set(profileId, {
        since: now().toISOString(),
        reason: `Genesys Cloud could not be reached: ${(err as Error).message}`,
      });
    }
  }

  async function session(profileId: string) {
    const { env, tokens } = await deps.connections.connectionOf(profileId);
    return openGenesysSession({ profileId, env, tokens, audit: deps.audit });
  }

  function overview(profileId: string): SchedulesOverview {
    return { businessUnits: listBusinessUnits(deps.db, profileId), offline: offline.get(profileId) ?? null };
  }

  return {
    overview,

    async discover(profileId: string): Promise<SchedulesOverview> {
      const s = await session(profileId);
      try {
        const listed = await s.api.getBusinessUnits();
        units.saveListed(
          profileId,
          listed.map((u) => ({ id: u.id, name: u.name ?? u.id })),
          now().toISOString(),
        );
        noteOutcome(profileId, null);
        return overview(profileId);
      } catch (err) {
        noteOutcome(profileId, err);
        throw err;
      } finally {
        s.close();
      }
    },

    weeks(profileId: string, businessUnitId: string) {
      return { weeks: listWeeks(deps.db, businessUnitId), lastSync: lastSyncRun(deps.db, profileId, businessUnitId) };
    },

    /** Starts a sync as a job and answers at once; progress and the outcome come as the job's events. */
    async start(
      profileId: string,
      businessUnitId: string,
      choice: { weeks?: string[]; weekCount?: number } = {},
    ): Promise<JobSnapshot<'sync'>> {
      const subject = { profileId, businessUnitId };
      if (deps.jobs.running('sync', subject))
        throw new OpsError('conflict', 'A sync of this business unit is already running. Wait for it, or cancel it.');
      // An unknown profile is refused now, not as a failed job.
      await deps.connections.connectionOf(profileId);
      return deps.jobs.start('sync', subject, (job) => runSync(profileId, businessUnitId, choice, job));
    },
  };

  /** The sync itself runs on the heavy worker; this side lends it tokens and tells the console what changed. */
  async function runSync(
    profileId: string,
    businessUnitId: string,
    choice: { weeks?: string[]; weekCount?: number },
    job: JobContext,
  ): Promise<SyncRunSummary> {
    const { env, tokens } = await deps.connections.connectionOf(profileId);
    try {
      const task = {
        profileId,
        businessUnitId,
        ...choice,
        env,
        fixedNow: deps.now ? now().toISOString() : null,
        viewerTimeZone: deps.analysis.viewerTimeZone,
      };
      const { summary, changed, analysed } = await deps.heavy.sync(task, {
        tokens,
        progress: (p) => job.progress(p),
        signal: job.signal,
      });
      // A failed sync throws (below); a returned one reached Genesys Cloud.
      noteOutcome(profileId, null);
      if (changed.length > 0) deps.events.emit('mirror.changed', { profileId, businessUnitId, tables: changed });
      deps.analysis.announce(analysed.map((a) => ({ profileId, businessUnitId, ...a })));
      return summary;
    } catch (err) {
      noteOutcome(profileId, err);
      throw err;
    }
  }
}
