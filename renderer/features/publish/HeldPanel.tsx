import type { PublishView } from '../../../shared/contract/publish';
import { scriptBadge, type LiveScriptSessions } from '../timeline/use-live-script-sessions';
import { agentLabel } from './agent-list';
import type { PublishAction } from './mutations';

interface Props {
  view: PublishView;
  live: LiveScriptSessions;
  act(action: PublishAction): void;
  busy: boolean;
}

/**
 * Step 6: agents held back (script sessions, or the supervisor's hold) with their live session badge;
 * "Publish held agents" once their sessions end. The session is a correlation Genesys does not confirm,
 * so the words say "in a scripted conversation", never that it caused a refusal.
 */
export function HeldPanel({ view, live, act, busy }: Props) {
  const held = view.agents.filter((a) => a.status === 'held');
  if (held.length === 0) return null;
  const ready = new Set(view.heldReadyAgentIds);
  return (
    <section className="panel pub-panel" aria-labelledby="pub-held">
      <h2 id="pub-held">Held agents</h2>
      <p>
        {held.length} held back from this publish; they stay as they are published now.{' '}
        {ready.size > 0
          ? `${ready.size} can be published now (their sessions ended).`
          : 'Waiting for their sessions to end.'}
      </p>
      <ul className="pub-list" data-testid="held-agents">
        {held.map((a) => {
          const session = live.byAgent?.get(a.agentId);
          const badge = session ? scriptBadge(session, live) : null;
          return (
            <li key={a.agentId} className="pub-row">
              <span className="pub-name">{agentLabel(a)}</span>
              {badge ? (
                <span className="pub-tag tone-info" title={badge.title}>
                  {badge.text}
                </span>
              ) : (
                <span className="pub-tag tone-ok">
                  {ready.has(a.agentId) ? '✓ Session ended' : 'No live session seen'}
                </span>
              )}
              <span className="pub-note pub-ellipsis">{a.hold?.note ?? a.note ?? ''}</span>
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || ready.size === 0}
          onClick={() => act({ type: 'release', agentIds: [...ready] })}
          data-testid="publish-held"
        >
          Publish held agents ({ready.size})
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => act({ type: 'release', agentIds: held.map((a) => a.agentId) })}
        >
          Publish all held now
        </button>
        {view.phase === 'held' && (
          <button type="button" disabled={busy} onClick={() => act({ type: 'cancel' })}>
            Finish without them
          </button>
        )}
      </div>
    </section>
  );
}
