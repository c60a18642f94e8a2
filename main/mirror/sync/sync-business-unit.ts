/**
 * Sync of one business unit into the mirror, the only writer of Genesys data
 * there. Order: the unit and its reference data, schedules (incremental by
 * `metadata.version`), the staffing requirements of forecasts they newly
 * name, time off, script sessions. Each schedule is written in
 * one transaction; cancelling (between steps) or a crash leaves every
 * schedule either as it was or wholly new. Each run is recorded.
 */
import type Database from 'better-sqlite3';
import type { SyncRunSummary } from '../../../shared/mirror';
import { createSyncRunStore } from '../sync-run-store';
import { defaultWeeks } from './business-unit-weeks';
import {
  checkpointFor,
  createStores,
  SyncCancelled,
  type MirrorSyncApi,
  type SyncContext,
  type SyncProgressEvent,
} from './sync-context';
import { syncForecasts } from './sync-forecasts';
import { syncReferenceData } from './sync-reference-data';
import { syncSchedules } from './sync-schedules';
import { syncScriptSessions } from './sync-script-sessions';
import { syncTimeOff } from './sync-time-off';
import { weekProblem } from '../../../shared/time/business-week';
import { badInput } from '../../../shared/ops-error';

export type { MirrorSyncApi, SyncProgressEvent } from './sync-context';

export interface SyncBusinessUnitOptions {
  db: Database.Database;
  api: MirrorSyncApi;
  profileId: string;
  businessUnitId: string;
  /** First days of BU weeks (yyyy-MM-dd). Default: the current week and the next two, in the BU's zone and from its start day. */
  weeks?: string[];
  now: () => Date;
  onProgress: (p: SyncProgressEvent) => void;
  signal?: AbortSignal;
  /** Requests made so far by the client this sync uses (see createRequestTally); recorded per run. */
  requestCount?: () => number;
}

export interface SyncResult extends SyncRunSummary {
  /** Mirror tables this run wrote: views showing them re-read (`mirror.changed`). */
  changed: string[];
}

export async function syncBusinessUnit(options: SyncBusinessUnitOptions): Promise<SyncResult> {
  const { db, profileId, businessUnitId, now } = options;
  const runs = createSyncRunStore(db);
  const requestsAtStart = options.requestCount?.() ?? 0;
  const ctx: SyncContext = {
    api: options.api,
    profileId,
    businessUnitId,
    now,
    stores: createStores(db),
    progress: options.onProgress,
    checkpoint: checkpointFor(options.signal),
    changed: new Set(['sync_runs']),
    unitNames: new Map(),
    tally: { schedulesFetched: 0, schedulesUnchanged: 0, agentSchedulesWritten: 0 },
  };
  // The run row is written first, so even a killed sync is on record; default weeks need the unit's settings.
  let run = runs.start(profileId, businessUnitId, options.weeks ?? [], now().toISOString());
  const finish = (status: SyncRunSummary['status'], error: string | null): SyncResult => {
    const requests = (options.requestCount?.() ?? 0) - requestsAtStart;
    run = runs.finish(run.id, { status, error, finishedAt: now().toISOString(), requests, ...ctx.tally });
    return { ...run, changed: [...ctx.changed].sort() };
  };
  try {
    ctx.checkpoint();
    const settings = await syncReferenceData(ctx);
    // A week that is not this unit's would be fetched as "no schedule" and mirrored as empty.
    const misaligned = (options.weeks ?? [])
      .map((w) => weekProblem(w, settings.startDayOfWeek))
      .find((p) => p !== null);
    if (misaligned) throw badInput(misaligned);
    const weeks = options.weeks ?? defaultWeeks(now(), settings.timeZone, settings.startDayOfWeek);
    runs.setWeeks(run.id, weeks);
    ctx.checkpoint();
    const headers = await syncSchedules(ctx, weeks);
    ctx.checkpoint();
    await syncForecasts(ctx, headers, settings.timeZone);
    ctx.checkpoint();
    if (weeks.length > 0) await syncTimeOff(ctx, weeks);
    ctx.checkpoint();
    await syncScriptSessions(ctx);
    const result = finish('ok', null);
    ctx.progress({ phase: 'done', done: 1, total: 1 });
    return result;
  } catch (err) {
    if (err instanceof SyncCancelled) return finish('cancelled', null);
    finish('failed', err instanceof Error ? err.message : String(err));
    // The caller needs the original (a GenesysError says auth, rate limit or unavailable); the run is on record.
    throw err;
  }
}
