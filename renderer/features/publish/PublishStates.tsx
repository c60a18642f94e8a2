import { useConsole } from '../../store/context';

/** Each state says what it is and the next step; never a stack trace. */
export function PublishLoading() {
  return (
    <p className="panel muted" role="status" aria-live="polite" data-testid="publish-loading">
      Reading the publish from the journal…
    </p>
  );
}

export function PublishNothingSynced() {
  const goTo = useConsole((s) => s.goTo);
  return (
    <div className="panel" role="status" data-testid="publish-empty">
      <h2>Nothing to publish yet</h2>
      <p>Publishing starts from a schedule mirrored on this machine. Sign in and sync a business unit first.</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => goTo('schedules')}>
          Go to Schedules
        </button>
      </div>
    </div>
  );
}

export function PublishError({ message, onRetry }: { message: string; onRetry(): void }) {
  const goTo = useConsole((s) => s.goTo);
  return (
    <div className="panel" role="alert" data-testid="publish-error">
      <h2>The publish could not be read</h2>
      <p className="error-text">{message}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onRetry}>
          Try again
        </button>
        <button type="button" onClick={() => goTo('connections')}>
          Open Connections
        </button>
      </div>
    </div>
  );
}
