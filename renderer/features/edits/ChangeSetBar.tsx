import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useOpsClient } from '../../ops-client-context';
import { useChangeSetContext } from './change-set-context';
import { editKeyHelp } from './edit-keys';
import { changeSetDiffQuery } from './queries';
import { useUndoKeys } from './use-undo-keys';
import './edits.css';

/**
 * "n pending edits" for the schedule on screen, always in view: undo and redo (Ctrl+Z, Ctrl+Shift+Z),
 * discard all (asked twice), and on demand the edits with their labels (discard one) and what changes
 * per agent in words. Live: another window's or the CLI's edit arrives through `edits.changed`.
 */
export function ChangeSetBar() {
  const cs = useChangeSetContext();
  const client = useOpsClient();
  const [open, setOpen] = useState<'edits' | 'agents' | 'keys' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const data = cs.list.data;
  const count = data?.count ?? 0;
  const diff = useQuery(changeSetDiffQuery(client, cs.subject, open === 'agents' && count > 0));
  const canUndo = !!data?.canUndo && !cs.busy;
  const canRedo = !!data?.canRedo && !cs.busy;
  useUndoKeys(
    () => canUndo && cs.undo.mutate(),
    () => canRedo && cs.redo.mutate(),
    !!cs.subject,
  );
  if (!cs.subject) return null;
  const applied = (data?.edits ?? []).filter((e) => e.state === 'applied');
  const undone = (data?.edits ?? []).filter((e) => e.state === 'undone');
  const last = applied[applied.length - 1];
  const nextRedo = undone[0];
  const toggle = (what: typeof open) => setOpen(open === what ? null : what);
  return (
    <section className="ed-bar" aria-label="Pending edits" data-testid="change-set-bar">
      <div className="ed-bar-row">
        <strong className="ed-count" role="status" data-testid="pending-count">
          {cs.list.isPending
            ? 'Reading edits…'
            : count === 0
              ? 'No pending edits'
              : `${count} pending edit${count === 1 ? '' : 's'}`}
        </strong>
        {data && data.mirrorScheduleVersion === null && count > 0 && (
          <span className="ed-warn">This schedule is no longer in the mirror.</span>
        )}
        <button
          type="button"
          disabled={!canUndo}
          onClick={() => cs.undo.mutate()}
          title={last ? `Undo: ${last.label} (Ctrl+Z)` : 'Nothing to undo'}
        >
          ↶ Undo
        </button>
        <button
          type="button"
          disabled={!canRedo}
          onClick={() => cs.redo.mutate()}
          title={nextRedo ? `Redo: ${nextRedo.label} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        >
          ↷ Redo
        </button>

        <span className="ed-spacer" />
        <button
          type="button"
          aria-expanded={open === 'edits'}
          onClick={() => toggle('edits')}
          disabled={!data?.edits.length}
        >
          Edits ({data?.edits.length ?? 0})
        </button>
        <button type="button" aria-expanded={open === 'agents'} onClick={() => toggle('agents')} disabled={count === 0}>
          Per agent
        </button>
        <button type="button" aria-expanded={open === 'keys'} onClick={() => toggle('keys')}>
          Keys
        </button>
        {confirming ? (
          <span className="ed-confirm" role="group" aria-label="Discard all pending edits?">
            Discard all {count}?
            <button type="button" className="ed-danger" onClick={() => (cs.discardAll.mutate(), setConfirming(false))}>
              Discard all
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" disabled={!data?.edits.length || cs.busy} onClick={() => setConfirming(true)}>
            Discard all…
          </button>
        )}
      </div>
      {cs.error && (
        <p className="error-text ed-error" role="alert">
          {cs.error}{' '}
          <button type="button" className="link" onClick={cs.clearError}>
            Dismiss
          </button>
        </p>
      )}
      {open === 'edits' && (
        <ol className="ed-list" data-testid="pending-edit-list">
          {(data?.edits ?? []).map((e) => (
            <li key={e.id} className={e.state === 'undone' ? 'ed-undone' : undefined} data-testid="pending-edit">
              <span className="ed-label">{e.label}</span>
              <span className="muted">
                {e.source.type === 'bulk' ? ` · ${e.agentIds.length} agents` : e.source.type === 'fix' ? ' · fix' : ''}
                {e.state === 'undone' ? ' · undone' : ''}
              </span>
              <button type="button" className="link" onClick={() => cs.discard.mutate(e.id)} disabled={cs.busy}>
                Discard
              </button>
            </li>
          ))}
        </ol>
      )}
      {open === 'agents' && (
        <div className="ed-diff" data-testid="pending-diff">
          {diff.isPending && <p role="status">Reading what changes…</p>}
          {diff.error && <p className="error-text">{diff.error.message}</p>}
          {diff.data?.map((d) => (
            <section key={d.agentId}>
              <h3>
                {d.agentName ?? d.agentId}
                {d.mirrorAgentVersion !== null &&
                  d.baseAgentVersion !== null &&
                  d.mirrorAgentVersion !== d.baseAgentVersion && (
                    <span className="ed-warn"> · saved by someone else since: publish will rebase</span>
                  )}
              </h3>
              <ul>
                {d.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {open === 'keys' && (
        <dl className="ed-keys" data-testid="edit-key-help">
          {editKeyHelp.map(([k, what]) => (
            <div key={k}>
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
          <div>
            <dt>Drag</dt>
            <dd>A shift’s body moves it, its edges resize it (15-minute steps, times in the zone shown)</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
