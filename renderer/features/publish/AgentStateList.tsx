import type { PublishAgentView } from '../../../shared/contract/publish';
import { useConsole } from '../../store/context';
import { agentLabel, agentStatuses, countByStatus, filterAgents, retryable, statusLook } from './agent-list';
import type { PublishAction } from './mutations';
import { VirtualList } from './VirtualList';

/** Every agent of the publish in its state (pending, applied, held, conflict, failed), filtered by state and name. */
export function AgentStateList({
  agents,
  act,
  busy,
}: {
  agents: readonly PublishAgentView[];
  act(action: PublishAction): void;
  busy: boolean;
}) {
  const picks = useConsole((s) => s.publish);
  const toggle = useConsole((s) => s.toggleAgentStatus);
  const setPublish = useConsole((s) => s.setPublish);
  const counts = countByStatus(agents);
  const shown = filterAgents(agents, picks.agentStatuses, picks.agentSearch);
  return (
    <div className="pub-agents">
      <div className="filters" role="group" aria-label="Filter agents by state">
        {agentStatuses.map((st) => (
          <button
            key={st}
            type="button"
            className={`pub-chip tone-${statusLook[st].tone}`}
            aria-pressed={picks.agentStatuses.includes(st)}
            onClick={() => toggle(st)}
            data-testid={`agent-filter-${st}`}
          >
            <span aria-hidden="true">{statusLook[st].icon}</span> {statusLook[st].word} {counts[st]}
          </button>
        ))}
        <label>
          Agent
          <input
            type="search"
            value={picks.agentSearch}
            onChange={(e) => setPublish({ agentSearch: e.target.value })}
            placeholder="Name"
          />
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="muted" role="status">
          No agents in the states picked.
        </p>
      ) : (
        <VirtualList<PublishAgentView>
          items={shown}
          rowPx={36}
          label="Agents and their publish state"
          keyOf={(a) => a.agentId}
          testId="agent-states"
          render={(a) => (
            <>
              <span className="pub-name">
                {agentLabel(a)}
                {!a.edited && (
                  // A draft's agent this publish did not edit, here because publishing the draft changes their week.
                  <span className="pub-unedited" title="Not edited: publishing the draft gives them the draft's week">
                    {' '}
                    · not edited
                  </span>
                )}
              </span>
              <span className={`pub-tag tone-${statusLook[a.status].tone}`} data-testid="agent-status">
                <span aria-hidden="true">{statusLook[a.status].icon}</span> {statusLook[a.status].word}
              </span>
              <span className="pub-note pub-ellipsis" title={a.note ?? undefined}>
                {a.note ?? ''}
              </span>
              {retryable(a) && (
                <button
                  type="button"
                  className="pub-small"
                  disabled={busy}
                  onClick={() => act({ type: 'retry', agentId: a.agentId })}
                  aria-label={`Retry ${agentLabel(a)}`}
                >
                  Retry
                </button>
              )}
            </>
          )}
        />
      )}
    </div>
  );
}
