import { useState, type ReactNode } from 'react';
import type { Finding } from '../../../shared/analysis/types';
import { findingKindLabel, markerStyle, markerWord, type FindingsIndex } from './findings-index';

/**
 * The week's findings for the schedule on screen, grouped by kind with counts. A finding names its
 * agent and time: choosing it brings both into view on the grid and focuses it.
 */
export function TimelineFindings({
  index,
  status,
  zone,
  onShow,
  renderFix,
}: {
  index: FindingsIndex;
  status: 'loading' | 'failed' | 'ready';
  zone: string;
  onShow(f: Finding): void;
  /** The finding's one-click fix, when the schedule can be edited. */
  renderFix?: (f: Finding) => ReactNode;
}) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <aside className="tl-findings" aria-labelledby="tl-findings-title" data-testid="timeline-findings">
      <h2 id="tl-findings-title">
        Findings <span className="tl-count">{status === 'ready' ? index.total : '…'}</span>
      </h2>
      {status === 'loading' && <p role="status">Analysing the week…</p>}
      {status === 'failed' && (
        <p className="error-text">The week’s findings could not be read; the shifts still show.</p>
      )}
      {status === 'ready' && index.total === 0 && <p className="muted">Nothing found in this schedule.</p>}
      <p className="muted tl-findings-zone">Explanations in {zone} (BU time).</p>
      {index.elsewhere > 0 && <p className="muted">{index.elsewhere} more belong to the week’s other schedule.</p>}
      {index.byKind.map(({ kind, findings }) => {
        const expanded = open === kind || index.byKind.length === 1;
        return (
          <section key={kind} className="tl-kind">
            <h3>
              <button
                type="button"
                aria-expanded={expanded}
                onClick={() => setOpen(expanded ? null : kind)}
                data-testid={`kind-${kind}`}
              >
                <span className={`tl-kind-icon tl-marker-${markerStyle[kind]}`} aria-hidden="true" />
                {findingKindLabel[kind]} <span className="tl-count">{findings.length}</span>
              </button>
            </h3>
            {expanded && (
              <ul>
                {findings.map((f) => (
                  <li key={f.id}>
                    <button
                      type="button"
                      className={`tl-finding severity-${f.severity}`}
                      onClick={() => onShow(f)}
                      disabled={!f.agentId}
                      title={f.suggestedFix}
                      data-testid="finding-item"
                      data-finding-id={f.id}
                    >
                      <span className="tl-finding-word">
                        {markerWord[markerStyle[kind]]} · {f.severity}
                      </span>
                      {f.explanation}
                    </button>
                    {renderFix?.(f)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </aside>
  );
}
