import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import type { Finding } from '../../../shared/analysis/types';
import { useOpsClient } from '../../ops-client-context';
import { shortId } from './bar-geometry';
import { findingKindLabel } from './findings-index';
import { agentWeekQuery, type TimelineSubject } from './queries';
import { cellsOf } from './row-cells';
import { useLegend } from './legend-context';
import { sessionLength, useLiveScriptSessionsContext } from './use-live-script-sessions';
import { clockLabel } from './zone-time';

/** One agent's week in words, in the BU zone and in the other zone on the switch, with their findings. */
export function AgentDrawer(props: {
  subject: TimelineSubject;
  agentId: string;
  buZone: string;
  otherZone: string;
  findings: Finding[];
  onClose(): void;
  /** The finding's one-click fix, when the schedule can be edited. */
  renderFix?: (f: Finding) => ReactNode;
}) {
  const { agentId, buZone, otherZone, findings } = props;
  const legend = useLegend();
  const agent = useQuery(agentWeekQuery(useOpsClient(), props.subject, agentId));
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), [agentId]);
  const a = agent.data;
  const inBu = a ? cellsOf(a, buZone, findings) : [];
  const inOther = a ? cellsOf(a, otherZone, findings) : [];
  return (
    <aside
      className="tl-drawer"
      role="dialog"
      aria-labelledby="tl-drawer-title"
      data-testid="agent-drawer"
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <header>
        <h2 id="tl-drawer-title">{a?.name ?? 'Agent'}</h2>
        <button type="button" ref={closeRef} onClick={props.onClose}>
          Close
        </button>
      </header>
      {agent.isPending && <p role="status">Reading the agent’s week…</p>}
      {agent.error && <p className="error-text">{agent.error.message}</p>}
      {a && (
        <>
          <p className="muted">
            {legend.unitName(a.managementUnitId)} · agent {shortId(a.id)}
          </p>
          <table className="grid tl-week-table">
            <thead>
              <tr>
                <th scope="col">{buZone} (BU)</th>
                {otherZone !== buZone && <th scope="col">{otherZone}</th>}
              </tr>
            </thead>
            <tbody>
              {inBu.map((c, i) => (
                <tr key={i}>
                  <td>
                    {c.words}
                    {c.kind === 'shift' && c.shift.activities.length > 0 && (
                      <div className="muted">
                        {c.shift.activities.map((x) => legend.codeName(x.activityCodeId)).join(' · ')}
                      </div>
                    )}
                  </td>
                  {otherZone !== buZone && <td>{inOther[i]?.words}</td>}
                </tr>
              ))}
              {inBu.length === 0 && (
                <tr>
                  <td colSpan={2}>No shifts in this schedule this week.</td>
                </tr>
              )}
            </tbody>
          </table>
        </>
      )}
      <DrawerScriptSession agentId={agentId} />
      <h3>Findings ({findings.length})</h3>
      {findings.length === 0 && <p className="muted">None for this agent.</p>}
      <ul className="finding-list">
        {findings.map((f) => (
          <li key={f.id} className="finding">
            <span className={`badge severity-${f.severity}`}>{f.severity}</span>
            <p>
              <strong>{findingKindLabel[f.kind]}.</strong> {f.explanation}
            </p>
            <p className="muted">What to do: {f.suggestedFix}</p>
            {props.renderFix?.(f)}
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** The agent's active script session as last read, with how long it has run and when it was read. */
function DrawerScriptSession({ agentId }: { agentId: string }) {
  const live = useLiveScriptSessionsContext();
  if (!live?.byAgent) return null;
  const session = live.byAgent.get(agentId);
  const read = live.asOf ? clockLabel(Date.parse(live.asOf), live.zone) : null;
  const readWords = read ? `${live.state === 'live' ? 'read live' : 'as of'} ${read} ${live.zone}` : 'not read yet';
  if (!session)
    return (
      <p className="muted" data-testid="drawer-script-session">
        Not in a script session ({readWords}).
      </p>
    );
  const atMs = live.state === 'live' || !live.asOf ? live.nowMs : Date.parse(live.asOf);
  const length = sessionLength(session.start, atMs);
  return (
    <section data-testid="drawer-script-session">
      <h3>Script session</h3>
      <p>
        ☎ In a scripted conversation
        {session.start ? ` since ${clockLabel(Date.parse(session.start), live.zone)}` : ''}
        {length ? ` (${live.state === 'live' ? '' : 'at least '}${length})` : ''}, {readWords}. Publishes touching this
        agent are reported to fail until it ends: hold the agent back or publish anyway.
      </p>
      <p className="muted">
        Script {shortId(session.scriptId)} · conversation {shortId(session.conversationId)}
      </p>
    </section>
  );
}
