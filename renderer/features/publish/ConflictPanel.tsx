import type { PublishAgentView, PublishView } from '../../../shared/contract/publish';
import { agentLabel } from './agent-list';
import type { PublishAction } from './mutations';
import { contestedWords, stampWords } from './stamp-words';

interface Props {
  view: PublishView;
  zone: string;
  act(action: PublishAction): void;
  busy: boolean;
}

/** Step 5: each true conflict with theirs / mine / merge (one click each), the other editor named; and new findings. */
export function ConflictPanel({ view, zone, act, busy }: Props) {
  const conflicts = view.agents.filter((a) => a.status === 'conflict');
  const findings = view.decision?.findings ?? [];
  const kinds = [...new Set(findings.map((f) => f.kind))];
  if (conflicts.length === 0 && findings.length === 0) return null;
  return (
    <section className="panel pub-panel pub-decide" id="pub-conflicts" aria-labelledby="pub-conflicts-title">
      <h2 id="pub-conflicts-title">Decisions needed</h2>
      {conflicts.length > 0 && (
        <>
          <p>
            {conflicts.length === 1 ? 'One agent was' : `${conflicts.length} agents were`} changed in Genesys Cloud by
            someone else since your edits. Pick a side for each, or retry (re-read, rebase, resubmit).
          </p>
          <ul className="pub-conflicts" data-testid="conflicts">
            {conflicts.map((a) => (
              <ConflictRow key={a.agentId} agent={a} zone={zone} act={act} busy={busy} />
            ))}
          </ul>
        </>
      )}
      {findings.length > 0 && (
        <>
          <p>The re-read found new errors in what would be published. Accept them, or hold the agents back:</p>
          <ul className="pub-findings" data-testid="decision-findings">
            {findings.map((f) => (
              <li key={f.id}>
                <span className={`badge severity-${f.severity}`}>{f.severity}</span> {f.message}{' '}
                <button
                  type="button"
                  className="pub-small"
                  disabled={busy}
                  onClick={() => act({ type: 'hold', agentIds: [f.agentId] })}
                >
                  Hold this agent back
                </button>
              </li>
            ))}
          </ul>
          <div className="actions">
            {kinds.map((k) => (
              <button key={k} type="button" disabled={busy} onClick={() => act({ type: 'accept', kinds: [k] })}>
                Accept every “{k}” finding
              </button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function ConflictRow({
  agent,
  zone,
  act,
  busy,
}: {
  agent: PublishAgentView;
  zone: string;
  act: Props['act'];
  busy: boolean;
}) {
  const c = agent.conflict;
  const name = agentLabel(agent);
  const who = c?.changedBy.length
    ? c.changedBy.map((s) => stampWords(s, zone)).join('; ')
    : 'someone else (no history read)';
  const decide = (choice: 'theirs' | 'mine' | 'merge') => act({ type: 'decide', agentId: agent.agentId, choice });
  return (
    <li className="pub-conflict" data-testid={`conflict-${agent.agentId}`}>
      <p>
        <strong>{name}</strong> — changed by {who}.{c && <span className="pub-note">{contestedWords(c)}</span>}
      </p>
      <div className="actions" role="group" aria-label={`Resolve ${name}`}>
        <button type="button" disabled={busy} onClick={() => decide('theirs')}>
          Keep theirs
        </button>
        <button type="button" disabled={busy} onClick={() => decide('mine')}>
          Use mine
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || !c?.mergeOffered}
          title={
            c?.mergeOffered
              ? 'Both changes, yours winning what both changed'
              : 'Their shifts and yours overlap: merge is not possible'
          }
          onClick={() => decide('merge')}
        >
          Merge both
        </button>
        <button type="button" disabled={busy} onClick={() => act({ type: 'retry', agentId: agent.agentId })}>
          Retry
        </button>
      </div>
    </li>
  );
}
