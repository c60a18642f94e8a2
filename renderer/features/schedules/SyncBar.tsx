import type { JobProgress } from '../../../shared/contract';
import type { SyncRunSummary } from '../../../shared/mirror';

const phaseLabel: Record<string, string> = {
  businessUnit: 'Business unit, management units and agents',
  schedules: 'Schedules',
  agentSchedules: 'Agent schedules',
  timeOff: 'Time-off requests',
  scriptSessions: 'Active script sessions',
  done: 'Done',
};

export interface UnitSync {
  syncing: boolean;
  progress: JobProgress | null;
  start(): void;
  cancel(): void;
}

/** Sync button, live progress and the last result. */
export function SyncBar({
  sync,
  lastSync,
  disabledReason,
}: {
  sync: UnitSync;
  lastSync: SyncRunSummary | null;
  disabledReason: string | null;
}) {
  const { syncing, progress } = sync;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="panel sync-bar">
      <div className="actions">
        {syncing ? (
          <button type="button" onClick={sync.cancel}>
            Cancel sync
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={sync.start}
            disabled={!!disabledReason}
            title={disabledReason ?? undefined}
          >
            Sync now
          </button>
        )}
        {disabledReason && <span className="muted">{disabledReason}</span>}
      </div>
      {syncing && (
        <div className="progress" aria-live="polite">
          <progress max={100} value={percent} aria-label="Sync progress" data-testid="sync-progress" />
          <span>
            {progress
              ? `${phaseLabel[progress.phase] ?? progress.phase}: ${progress.done} of ${progress.total}${progress.item ? ` — ${progress.item}` : ''}`
              : 'Starting…'}
          </span>
        </div>
      )}
      {!syncing && lastSync && (
        <p data-testid="last-sync" className={lastSync.status === 'ok' ? 'muted' : 'error-text'}>
          Last sync {new Date(lastSync.finishedAt ?? lastSync.startedAt).toLocaleString()}:{' '}
          {lastSync.status === 'ok' ? 'finished' : lastSync.status} — {lastSync.schedulesFetched} schedule(s) fetched,{' '}
          {lastSync.schedulesUnchanged} unchanged, {lastSync.agentSchedulesWritten} agent schedules written,{' '}
          {lastSync.requests} requests.
          {lastSync.error ? ` ${lastSync.error}` : ''}
        </p>
      )}
    </div>
  );
}
