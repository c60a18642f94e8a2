import { useConsole } from '../../store/context';

/** Grey rows where agents will be: the screen keeps its shape while the mirror answers. */
export function TimelineSkeleton() {
  return (
    <div className="tl-skeleton" role="status" aria-label="Loading agents" data-testid="timeline-loading">
      {Array.from({ length: 10 }, (_, i) => (
        <div key={i} className="tl-skeleton-row" aria-hidden="true">
          <span className="tl-skeleton-name" />
          <span
            className="tl-skeleton-bar"
            style={{ marginLeft: 40 + ((i * 37) % 120), width: 160 + ((i * 53) % 90) }}
          />
        </div>
      ))}
    </div>
  );
}

type EmptyKind = 'nothingSynced' | 'noAgents' | 'noMatch' | 'error';

/** Each empty or failed state says what it is and the next step. */
export function TimelineEmpty({ kind, message, onRetry }: { kind: EmptyKind; message?: string; onRetry?(): void }) {
  const goTo = useConsole((s) => s.goTo);
  const setTimeline = useConsole((s) => s.setTimeline);
  if (kind === 'error')
    return (
      <div className="panel tl-state" role="alert" data-testid="timeline-error">
        <h2>The timeline could not be read</h2>
        <p className="error-text">{message}</p>
        <p>Try again; if it keeps failing, check the connection on the Connections screen or sync the unit again.</p>
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
  if (kind === 'noMatch')
    return (
      <div className="panel tl-state" role="status" data-testid="timeline-no-match">
        <h2>No agents match these filters</h2>
        <div className="actions">
          <button
            type="button"
            onClick={() => setTimeline({ search: '', managementUnitId: null, onlyFindings: false, changedOnly: false })}
          >
            Clear filters
          </button>
        </div>
      </div>
    );
  if (kind === 'noAgents')
    return (
      <div className="panel tl-state" role="status" data-testid="timeline-no-agents">
        <h2>This schedule has no agents</h2>
        <p>Pick another schedule or week above, or sync the unit again if agents were added in Genesys Cloud.</p>
      </div>
    );
  return (
    <div className="panel tl-state" role="status" data-testid="timeline-empty">
      <h2>Nothing synced yet</h2>
      <p>The timeline reads schedules mirrored on this machine. Sync a business unit first.</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => goTo('schedules')}>
          Go to Schedules
        </button>
      </div>
    </div>
  );
}
