import type { PublishView } from '../../../shared/contract/publish';
import { AgentStateList } from './AgentStateList';
import { countdownWords, waitReasonWords } from './countdown';
import type { PublishAction } from './mutations';
import { StepTimeline } from './StepTimeline';
import { useNow } from './use-now';

interface Props {
  view: PublishView;
  zone: string;
  act(action: PublishAction): void;
  busy: boolean;
}

const phaseWords: Record<PublishView['phase'], string> = {
  choosing: 'Not started',
  preflight: 'Preflight',
  confirming: 'Waiting for your confirmation',
  uploading: 'Uploading',
  awaitingOperation: 'Waiting for Genesys to apply it',
  verifying: 'Verifying what was published',
  rateLimited: 'Rate limited: waiting',
  reconciling: 'Reconciling an unknown outcome',
  rebasing: 'Rebasing on a newer version',
  conflict: 'Conflicts to decide',
  reviewing: 'New findings to decide',
  failed: 'Stopped',
  held: 'Published, agents held',
  done: 'Published',
};

/** Step 4: live retry status — the phase, a live countdown, the step timeline of every attempt, and every agent's state. */
export function StatusPanel({ view, zone, act, busy }: Props) {
  const now = useNow(view.waiting !== null);
  const needsRetry = view.phase === 'failed' || view.counts.failed > 0 || view.counts.conflict > 0;
  return (
    <section className="panel pub-panel pub-status" aria-labelledby="pub-status">
      <h2 id="pub-status">4. Live status</h2>
      <p className="pub-phase" role="status" aria-live="polite" data-testid="publish-phase" data-phase={view.phase}>
        <strong>{phaseWords[view.phase]}</strong> — {view.outcome ?? view.message}
        {view.attempt > 0 && <span className="muted"> · attempt {view.attempt}</span>}
        <span className="muted"> · schedule v{view.schedule.version}</span>
      </p>
      {view.waiting && (
        <p className="pub-wait" data-testid="publish-countdown">
          <span aria-hidden="true">⏱</span> {waitReasonWords(view.waiting.reason)} —{' '}
          <strong>{countdownWords(Date.parse(view.waiting.until), now)}</strong> left.
        </p>
      )}
      <div className="actions">
        {needsRetry && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => act({ type: 'retry' })}
            data-testid="retry-all"
          >
            Retry the whole publish
          </button>
        )}
        {view.running && !view.cancelled && (
          <button type="button" disabled={busy} onClick={() => act({ type: 'cancel' })}>
            Stop after the call in flight
          </button>
        )}
      </div>
      <div className="pub-status-body">
        <div>
          <h3>Agents</h3>
          <AgentStateList agents={view.agents} act={act} busy={busy} />
        </div>
        <div>
          <h3>Step timeline</h3>
          <StepTimeline steps={view.steps} zone={zone} />
        </div>
      </div>
    </section>
  );
}
