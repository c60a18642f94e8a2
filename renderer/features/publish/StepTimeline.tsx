import type { PublishStep } from '../../../shared/contract/publish';
import { countdownWords, waitReasonWords } from './countdown';
import { CopyButton } from './CopyButton';
import { groupSteps, stepClock, stepKindWords, stepOutcome } from './step-words';
import { useNow } from './use-now';

const toneIcon = { ok: '✓', caution: '!', danger: '✕', info: '…' } as const;

/** Every attempt's steps in journal order: what was sent, the answer, contextId, why it waits, what the re-read changed. */
export function StepTimeline({ steps, zone }: { steps: readonly PublishStep[]; zone: string }) {
  const waiting = steps.some((s) => s.status === 'waiting' && s.waitUntil);
  const now = useNow(waiting);
  const groups = groupSteps(steps);
  if (groups.length === 0)
    return (
      <p className="muted" role="status">
        No steps yet.
      </p>
    );
  return (
    <ol className="pub-steps" aria-label="Step timeline" data-testid="step-timeline">
      {groups.map((g) => (
        <li key={g.key} className="pub-step-group">
          <h3>{g.title}</h3>
          <ol>
            {g.steps.map((s) => {
              const out = stepOutcome(s);
              return (
                <li
                  key={s.seq}
                  className="pub-step"
                  data-testid="step"
                  data-kind={s.kind}
                  data-status={s.httpStatus ?? ''}
                >
                  <span className="muted mono">{stepClock(s.at, zone)}</span>
                  <span className={`pub-tag tone-${out.tone}`}>
                    <span aria-hidden="true">{toneIcon[out.tone]}</span> {out.words}
                  </span>
                  <span className="pub-step-body">
                    <strong>{stepKindWords(s.kind)}</strong>
                    {s.request && <span> — {s.request}</span>}
                    {s.note && <span className="pub-note">{s.note}</span>}
                    {s.status === 'waiting' && s.waitUntil && s.waitReason && (
                      <span className="pub-note" data-testid="step-countdown">
                        {waitReasonWords(s.waitReason)}: {countdownWords(Date.parse(s.waitUntil), now)} left
                      </span>
                    )}
                  </span>
                  {s.contextId && (
                    <span className="pub-context">
                      <span className="mono" title="Genesys contextId (for support)">
                        {s.contextId}
                      </span>
                      <CopyButton value={s.contextId} what="contextId" />
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </li>
      ))}
    </ol>
  );
}
