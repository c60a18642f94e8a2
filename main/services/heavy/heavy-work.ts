/**
 * The services' side of the heavy-work worker: starts it on first use, sends
 * it syncs and analyses, answers its token requests from the connection's
 * token manager, and turns its answers back into results or OpsErrors. If the
 * worker dies, what it was doing fails with words, and the next task starts a
 * fresh one. The worker is unref'd while idle so a CLI run can exit.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { JobProgress } from '../../../shared/contract';
import type { WeekAnalysis } from '../../../shared/analysis/week-analysis';
import { OpsError } from '../../../shared/ops-error';
import type { TokenProvider } from '../../genesys/types';
import { userMessage } from '../dispatch';
import { failureCategory } from '../failure-category';
import { createFollowChannel, type FollowChannel, type FollowQuestion } from './follow-channel';
import type { FromFollower, FromWorker, SyncOutcome, SyncTask, ToWorker } from './messages';

/** Where the worker's code is: the bundle beside a built entry, or the TypeScript source through tsx. */
export interface WorkerLocation {
  file: string;
  /** For the TypeScript boot file: the source module it imports. */
  entry?: string;
}

export function locateHeavyWorker(): WorkerLocation {
  // Bundled entries (out/host, out/cli, out/main) are CommonJS, where __dirname is the bundle's folder.
  const bundled = typeof __dirname === 'string' ? path.join(__dirname, '..', 'workers', 'heavy-worker.cjs') : null;
  if (bundled && existsSync(bundled)) return { file: bundled };
  const source = path.resolve('main', 'services', 'heavy');
  return { file: path.join(source, 'ts-worker-boot.mjs'), entry: path.join(source, 'heavy-worker.ts') };
}

export interface HeavyWork {
  sync(
    task: SyncTask,
    hooks: { tokens: TokenProvider; progress(p: JobProgress): void; signal: AbortSignal },
  ): Promise<SyncOutcome>;
  analyse(businessUnitId: string, week: string, ctx: { now: string; viewerTimeZone: string }): Promise<WeekAnalysis>;
  /**
   * A question for the worker's edit follower; the answer reaches `onAnswer`, in the order asked.
   * `wait(ms)` blocks this thread up to ms for it (true when it came and was handled).
   */
  askFollower(question: FollowQuestion, onAnswer: (answer: FromFollower) => void): { wait(ms: number): boolean };
  /** Every follower question asked so far answered. */
  followerIdle(): Promise<void>;
  close(): Promise<void>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
  tokens?: TokenProvider;
  progress?: (p: JobProgress) => void;
}

export function startHeavyWork(opts: { dbFile: string; nativeBinding?: string; location?: WorkerLocation }): HeavyWork {
  const location = opts.location ?? locateHeavyWorker();
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let follows: FollowChannel | null = null;
  let nextId = 1;

  function fail(reason: string): void {
    for (const p of pending.values())
      p.reject(new OpsError('internal', `The background worker stopped (${reason}). Try again.`));
    pending.clear();
    follows?.fail(reason);
    follows = null;
    worker = null;
  }

  function ensureWorker(): Worker {
    if (worker) return worker;
    // Each worker gets a fresh follow channel: what it kept in memory dies with it.
    const channel = createFollowChannel();
    const w = new Worker(location.file, {
      workerData: {
        entry: location.entry,
        dbFile: opts.dbFile,
        nativeBinding: opts.nativeBinding,
        follows: channel.workerEnd,
      },
      transferList: [channel.workerEnd.port],
    });
    follows = channel;
    w.on('message', (msg: FromWorker) => onMessage(w, msg));
    w.on('error', (err) => fail(err.message));
    w.on('exit', (code) => {
      if (worker === w) fail(`exit code ${code}`);
    });
    worker = w;
    return w;
  }

  function onMessage(w: Worker, msg: FromWorker): void {
    if (msg.type === 'ready') return;
    const task = pending.get(msg.id);
    if (!task) return;
    switch (msg.type) {
      case 'progress':
        return task.progress?.(msg.progress);
      case 'needToken':
        task.tokens!.getAccessToken().then(
          (token) => w.postMessage({ type: 'token', id: msg.id, ask: msg.ask, token } satisfies ToWorker),
          (err: unknown) => {
            const category = failureCategory(err);
            w.postMessage({
              type: 'token',
              id: msg.id,
              ask: msg.ask,
              error: { message: userMessage(err, category), category },
            } satisfies ToWorker);
          },
        );
        return;
      case 'invalidateToken':
        return task.tokens?.invalidate();
      case 'failed':
        settle(msg.id);
        return task.reject(new OpsError(msg.error.category, msg.error.message));
      case 'synced':
        settle(msg.id);
        return task.resolve(msg.outcome);
      case 'analysed':
        settle(msg.id);
        return task.resolve(msg.analysis);
    }
  }

  function settle(id: number): void {
    pending.delete(id);
    if (pending.size === 0) worker?.unref();
  }

  function send<T>(build: (id: number) => ToWorker, extra: Omit<Pending, 'resolve' | 'reject'> = {}): Promise<T> {
    const w = ensureWorker();
    w.ref();
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, ...extra });
      w.postMessage(build(id));
    });
  }

  return {
    sync(task, hooks) {
      let sent = 0;
      const promise = send<SyncOutcome>((id) => ((sent = id), { type: 'sync', id, task }), {
        tokens: hooks.tokens,
        progress: hooks.progress,
      });
      hooks.signal.addEventListener(
        'abort',
        () => worker?.postMessage({ type: 'cancel', id: sent } satisfies ToWorker),
        { once: true },
      );
      return promise;
    },
    analyse(businessUnitId, week, ctx) {
      return send<WeekAnalysis>((id) => ({ type: 'analyse', id, businessUnitId, week, ...ctx }));
    },
    askFollower(question, onAnswer) {
      ensureWorker();
      const channel = follows!;
      const seq = channel.ask(question, onAnswer);
      return { wait: (ms) => channel.wait(seq, ms) };
    },
    followerIdle() {
      return follows?.idle() ?? Promise.resolve();
    },
    async close() {
      const w = worker;
      worker = null;
      follows?.fail('closed');
      follows = null;
      if (w) await w.terminate();
      pending.clear();
    },
  };
}
