/**
 * The heavy-work worker: a sync (fetching, parsing, validating and writing
 * every agent schedule) and full-week analyses run here, on their own thread
 * and their own SQLite connection, so the services' event loop keeps
 * answering calls while a 5,000-agent week is written. WAL lets the services'
 * connection keep reading the last committed state meanwhile, and each
 * schedule is still written in one transaction.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { summarize } from '../../../shared/analysis/week-analysis';
import { OpsError } from '../../../shared/ops-error';
import { openGenesysSession } from '../../genesys/session';
import type { TokenProvider } from '../../genesys/types';
import { openWorkerConnection } from '../../mirror/database';
import { createAuditRepository } from '../../mirror/request-audit';
import { defaultWeeks } from '../../mirror/sync/business-unit-weeks';
import { syncBusinessUnit } from '../../mirror/sync/sync-business-unit';
import { createKeptWeeks } from '../analysis/kept-weeks';
import { userMessage } from '../dispatch';
import { failureCategory } from '../failure-category';
import { serveFollows } from './follow-server';
import type { FollowPortData, FromWorker, SyncOutcome, SyncTask, ToWorker, WorkerFailure } from './messages';

const port = parentPort!;
const { dbFile, nativeBinding, follows } = workerData as {
  dbFile: string;
  nativeBinding?: string;
  follows: FollowPortData;
};
const db = openWorkerConnection(dbFile, nativeBinding);
// The analysed weeks that follow edits live here, beside the syncs that invalidate them.
const kept = createKeptWeeks(db);
serveFollows(kept, follows);
const audit = createAuditRepository(db).sink;
const running = new Map<number, AbortController>();
const tokenAsks = new Map<number, { resolve: (t: string) => void; reject: (e: Error) => void }>();
let nextAsk = 1;

const post = (message: FromWorker) => port.postMessage(message);

function failure(err: unknown): WorkerFailure {
  const category = failureCategory(err);
  return { message: userMessage(err, category), category };
}

/** Tokens stay with the services thread (the vault, renewal, sign-in); the worker asks for one per request. */
function tokensFor(id: number): TokenProvider {
  return {
    getAccessToken: () =>
      new Promise<string>((resolve, reject) => {
        const ask = nextAsk++;
        tokenAsks.set(ask, { resolve, reject });
        post({ type: 'needToken', id, ask });
      }),
    invalidate: () => post({ type: 'invalidateToken', id }),
  };
}

async function sync(id: number, task: SyncTask): Promise<SyncOutcome> {
  const abort = new AbortController();
  running.set(id, abort);
  const fixed = task.fixedNow;
  const now = () => (fixed ? new Date(fixed) : new Date());
  const session = openGenesysSession({ profileId: task.profileId, env: task.env, tokens: tokensFor(id), audit });
  kept.syncStarted(task.businessUnitId);
  let mirrorChanged = true;
  try {
    let weeks = task.weeks;
    if (!weeks && task.weekCount) {
      // Which weeks "the next N" are depends on the unit's zone and start day.
      const unit = await session.api.getBusinessUnit(task.businessUnitId, { expandSettings: true });
      weeks = defaultWeeks(
        now(),
        unit.settings?.timeZone ?? 'UTC',
        unit.settings?.startDayOfWeek ?? 'Monday',
        task.weekCount,
      );
    }
    const result = await syncBusinessUnit({
      db,
      api: session.api,
      profileId: task.profileId,
      businessUnitId: task.businessUnitId,
      ...(weeks ? { weeks } : {}),
      now,
      signal: abort.signal,
      requestCount: session.requestCount,
      onProgress: (progress) => post({ type: 'progress', id, progress }),
    });
    const { changed, ...summary } = result;
    const analysed: SyncOutcome['analysed'] = [];
    // Findings change only when mirrored data did; weeks with no schedule have none to find.
    mirrorChanged = changed.some((t) => t !== 'sync_runs');
    if (summary.status === 'ok' && mirrorChanged) {
      for (const week of summary.weeks) {
        try {
          const analysis = kept.analyse(task.businessUnitId, week, {
            now: now().toISOString(),
            viewerTimeZone: task.viewerTimeZone,
          });
          analysed.push({ week, ...summarize(analysis.findings) });
        } catch {
          // A week without a mirrored schedule: nothing to analyse.
        }
      }
    }
    return { summary, changed, analysed };
  } finally {
    kept.syncEnded(task.businessUnitId, mirrorChanged);
    running.delete(id);
    session.close();
  }
}

port.on('message', (msg: ToWorker) => {
  switch (msg.type) {
    case 'sync':
      sync(msg.id, msg.task).then(
        (outcome) => post({ type: 'synced', id: msg.id, outcome }),
        (err: unknown) => post({ type: 'failed', id: msg.id, error: failure(err) }),
      );
      return;
    case 'analyse':
      try {
        const analysis = kept.analyse(msg.businessUnitId, msg.week, {
          now: msg.now,
          viewerTimeZone: msg.viewerTimeZone,
        });
        post({ type: 'analysed', id: msg.id, analysis });
      } catch (err) {
        post({ type: 'failed', id: msg.id, error: failure(err) });
      }
      return;
    case 'cancel':
      running.get(msg.id)?.abort();
      return;
    case 'token': {
      const waiting = tokenAsks.get(msg.ask);
      tokenAsks.delete(msg.ask);
      if (msg.token !== undefined) waiting?.resolve(msg.token);
      else
        waiting?.reject(
          new OpsError(msg.error?.category ?? 'auth', msg.error?.message ?? 'Sign in again to continue.'),
        );
      return;
    }
  }
});
post({ type: 'ready' });
