import type { PreflightItem, PublishView } from '../../../shared/contract/publish';
import { useStartSync } from '../schedules/mutations';
import type { LiveScriptSessions } from '../timeline/use-live-script-sessions';
import { levelLook, orderPreflight, preflightFix, preflightTitle } from './preflight-items';
import type { PublishAction } from './mutations';
import { useOpenOnTimeline } from './timeline-link';

interface Props {
  view: PublishView;
  live: LiveScriptSessions;
  act(action: PublishAction): void;
  busy: boolean;
}

/** Step 2: each preflight item with its level (icon and word, the colour only groups), reason and fix. */
export function PreflightPanel({ view, live, act, busy }: Props) {
  const items = orderPreflight(view.preflight);
  return (
    <section className="panel pub-panel" aria-labelledby="pub-preflight">
      <h2 id="pub-preflight">2. Preflight</h2>
      {items.length === 0 ? (
        <p className="muted" role="status">
          {view.phase === 'preflight' ? 'Checking the schedule against Genesys Cloud…' : 'No preflight results yet.'}
        </p>
      ) : (
        <ul className="pub-preflight" data-testid="preflight-items">
          {items.map((item) => (
            <li
              key={item.item}
              className={`pub-check tone-${levelLook[item.level].tone}`}
              data-testid={`preflight-${item.item}`}
            >
              <span className="pub-level">
                <span aria-hidden="true">{levelLook[item.level].icon}</span> {levelLook[item.level].word}
              </span>
              <span className="pub-check-body">
                <strong>{preflightTitle(item.item)}</strong> <span>{item.reason}</span>
              </span>
              <PreflightFixButtons item={item} view={view} live={live} act={act} busy={busy} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PreflightFixButtons({ item, view, live, act, busy }: Props & { item: PreflightItem }) {
  const sync = useStartSync();
  const openOnTimeline = useOpenOnTimeline();
  const fix = preflightFix(item);
  if (fix === 'resync')
    return (
      <span className="pub-fix">
        <button
          type="button"
          disabled={sync.isPending}
          onClick={() => sync.mutate({ profileId: view.profileId, businessUnitId: view.businessUnitId })}
        >
          {sync.isPending ? 'Re-syncing…' : 'Re-sync the unit'}
        </button>
        <button type="button" disabled={busy} onClick={() => act({ type: 'retry' })}>
          Check again
        </button>
      </span>
    );
  if (fix === 'openFindings')
    return (
      <span className="pub-fix">
        <button type="button" onClick={() => openOnTimeline(view.week, view.scheduleId, true)}>
          Open the findings on the timeline
        </button>
      </span>
    );
  if (fix === 'decideConflicts')
    return (
      <span className="pub-fix">
        <a href="#pub-conflicts">Decide the conflicts below</a>
      </span>
    );
  if (fix === 'scriptPolicy') {
    const heldForScripts = view.agents.filter((a) => a.status === 'held' && a.hold?.reason === 'scriptSession');
    const busyNow = view.agents.filter((a) => a.status === 'pending' && live.byAgent?.has(a.agentId));
    return (
      <span className="pub-fix">
        <button
          type="button"
          disabled={busy || busyNow.length === 0}
          onClick={() => act({ type: 'hold', agentIds: busyNow.map((a) => a.agentId) })}
        >
          Hold them back ({busyNow.length})
        </button>
        <button
          type="button"
          disabled={busy || heldForScripts.length === 0}
          onClick={() => act({ type: 'release', agentIds: heldForScripts.map((a) => a.agentId) })}
        >
          Publish anyway ({heldForScripts.length})
        </button>
      </span>
    );
  }
  return null;
}
