import { useMemo } from 'react';
import type { PublishView } from '../../../shared/contract/publish';
import type { WeekSummary } from '../../../shared/mirror';
import { publishedToCompare } from '../timeline/schedule-choice';
import { hasBlockers } from './preflight-items';
import type { PublishAction } from './mutations';
import { changeWords, hasChanges, newWeekAsItIs, totalChanges, type AgentChanges } from './shift-changes';
import { useOpenOnTimeline } from './timeline-link';
import { useAgentChanges } from './use-agent-changes';
import { VirtualList } from './VirtualList';

interface Props {
  view: PublishView;
  buZone: string;
  ofWeek: readonly WeekSummary[];
  act(action: PublishAction): void;
  busy: boolean;
}

/** Step 3: per agent, shifts added, removed and moved against what they see now; the supervisor confirms here. */
export function ChangesPanel({ view, buZone, ofWeek, act, busy }: Props) {
  const openOnTimeline = useOpenOnTimeline();
  const schedule = ofWeek.find((w) => w.scheduleId === view.scheduleId) ?? null;
  const published = publishedToCompare(schedule, ofWeek).published;
  const agentIds = useMemo(() => view.agents.map((a) => a.agentId).sort(), [view.agents]);
  const changes = useAgentChanges(
    {
      profileId: view.profileId,
      businessUnitId: view.businessUnitId,
      scheduleId: view.scheduleId,
      week: view.week,
      buZone,
    },
    agentIds,
    schedule,
    published,
  );
  const rows = useMemo(
    () => [...(changes.data ?? [])].filter(hasChanges).sort((a, b) => a.name.localeCompare(b.name)),
    [changes.data],
  );
  const total = totalChanges(rows);
  const asItIs = newWeekAsItIs(schedule, published, rows.length);
  const confirming = view.decision?.confirm === true;
  const blockers = hasBlockers(view.preflight);
  return (
    <section className="panel pub-panel" aria-labelledby="pub-changes">
      <h2 id="pub-changes">3. What changes for whom</h2>
      {changes.isPending && agentIds.length > 0 ? (
        <p className="muted" role="status">
          Comparing with what agents see now…
        </p>
      ) : changes.error ? (
        <p className="error-text" role="alert">
          The mirror could not be read to compare ({changes.error.message}). Open the timeline to compare by eye.
        </p>
      ) : asItIs !== null ? (
        <p data-testid="changes-summary">
          A new week: agents see nothing yet, so all <strong>{asItIs}</strong> agents of the draft get the draft&apos;s
          week as it is.
        </p>
      ) : (
        <p data-testid="changes-summary">
          <strong>{rows.length}</strong> agents change: {total.added} shifts added, {total.removed} removed,{' '}
          {total.moved} moved{published ? '' : schedule?.published ? '' : ' (a new week: agents see nothing yet)'}.
        </p>
      )}
      {rows.length > 0 && (
        <VirtualList<AgentChanges>
          items={rows}
          rowPx={32}
          label="Agents this publish changes"
          keyOf={(r) => r.agentId}
          testId="changes-list"
          render={(r) => (
            <>
              <span className="pub-name">{r.name}</span>
              <span className="pub-counts">{changeWords(r)}</span>
            </>
          )}
        />
      )}
      <div className="actions">
        <button type="button" onClick={() => openOnTimeline(view.week, view.scheduleId)}>
          See it on the timeline (what agents see now, changed only)
        </button>
        {confirming && (
          <button
            type="button"
            className="primary"
            disabled={busy || blockers}
            onClick={() => act({ type: 'confirm' })}
            data-testid="publish-confirm"
          >
            Confirm and publish
          </button>
        )}
      </div>
      {confirming && blockers && (
        <p className="muted" role="status">
          Clear the items marked “Blocks” in preflight first.
        </p>
      )}
    </section>
  );
}
