import { useState } from 'react';
import type { Finding } from '../../../shared/analysis/types';
import { useConsole } from '../../store/context';
import { AgentDrawer } from './AgentDrawer';
import { TimelineFindings } from './TimelineFindings';
import { TimelineGrid } from './TimelineGrid';
import { TimelineEmpty, TimelineSkeleton } from './TimelineStates';
import { TimelineToolbar } from './TimelineToolbar';
import type { JumpRequest } from './use-grid-keys';
import { useTimelineView } from './use-timeline-view';
import { unitKey } from './roster-rows';
import { LegendProvider } from './legend-context';
import { LiveScriptSessionsProvider, useLiveScriptSessions } from './use-live-script-sessions';
import { TimelineEdits, useTimelineEdits } from '../edits/TimelineEdits';

/** Agents and shifts of one schedule, with the week's findings where they happen. Reads the mirror: works offline. */
export function TimelineScreen() {
  const t = useTimelineView();
  return (
    <TimelineEdits subject={t.rowsIn ? t.subject : null}>
      <TimelineScreenBody t={t} />
    </TimelineEdits>
  );
}

function TimelineScreenBody({ t }: { t: ReturnType<typeof useTimelineView> }) {
  const setTimeline = useConsole((s) => s.setTimeline);
  const toggleUnit = useConsole((s) => s.toggleTimelineUnit);
  const [jump, setJump] = useState<JumpRequest | null>(null);
  const { view, bu, subject, schedule } = t;
  // Held while the screen is open: main re-reads the unit's script sessions on its cadence for the badges.
  const liveScripts = useLiveScriptSessions(t.profileId, t.rowsIn ? (bu?.id ?? null) : null, t.zone);

  const show = (f: Finding) => {
    if (!f.agentId) return;
    const agent = t.roster.data?.find((a) => a.id === f.agentId);
    // A finding's agent hidden by a filter or a folded unit is brought back first.
    if (!agent) setTimeline({ search: '', managementUnitId: null });
    const unit = unitKey(agent?.managementUnitId ?? null);
    if (agent && view.collapsedUnits.includes(unit)) toggleUnit(unit);
    setJump({
      agentId: f.agentId,
      ms: f.start ? Date.parse(f.start) : (subject?.from ?? 0),
      findingId: f.id,
      seq: Date.now(),
    });
  };

  const edits = useTimelineEdits(t.rows, t.roster.data, t.zone, t.buZone, subject, show);
  const analysisStatus =
    t.analysis.isPending && (t.analysis.isFetching || !t.rowsIn) ? 'loading' : t.analysis.error ? 'failed' : 'ready';
  const body = (() => {
    if (t.error) return <TimelineEmpty kind="error" message={t.error.message} onRetry={t.retry} />;
    // Loading, not "nothing synced": the connections and the unit's overview answer first.
    if (!t.connectionsLoaded || (t.connections.length > 0 && !t.overview)) return <TimelineSkeleton />;
    if (!bu) return <TimelineEmpty kind="nothingSynced" />;
    if (!t.weeksLoaded) return <TimelineSkeleton />;
    if (!subject || !schedule) return <TimelineEmpty kind="nothingSynced" />;
    if (schedule.agentCount === 0) return <TimelineEmpty kind="noAgents" />;
    if (t.roster.isPending || t.changedPending) return <TimelineSkeleton />;
    if (t.rows.length === 0) return <TimelineEmpty kind="noMatch" />;
    return (
      <TimelineGrid
        subject={subject}
        filters={t.filters}
        rows={t.rows}
        findings={t.findings}
        zone={t.zone}
        buZone={t.buZone}
        jump={jump}
        ghostSubject={t.ghostSubject}
        changedIds={t.changedIds}
        edits={edits.grid}
        label={`${bu.name}, ${schedule.published ? 'published' : 'draft'} schedule for the week of ${t.week}`}
      />
    );
  })();

  return (
    <LegendProvider legend={t.legend}>
      <LiveScriptSessionsProvider value={liveScripts}>
        <section className="screen tl-screen" aria-labelledby="timeline-title">
          <TimelineToolbar t={t} />
          {edits.bars}
          {t.overview?.offline && (
            <p className="offline-badge tl-offline" role="status" data-testid="timeline-offline">
              Offline — showing the mirror{bu?.asOf ? ` as of ${new Date(bu.asOf).toLocaleString()}` : ''}.{' '}
              {t.overview.offline.reason}
            </p>
          )}
          <div className="tl-body">
            <div className="tl-main">{body}</div>
            {subject && (
              <TimelineFindings
                index={t.findings}
                status={analysisStatus}
                zone={t.buZone}
                onShow={show}
                renderFix={edits.renderFix}
              />
            )}
          </div>
          {subject && view.drawerAgentId && (
            <AgentDrawer
              subject={subject}
              agentId={view.drawerAgentId}
              buZone={t.buZone}
              otherZone={t.otherZone}
              findings={t.findings.byAgent.get(view.drawerAgentId) ?? []}
              onClose={() => setTimeline({ drawerAgentId: null })}
              renderFix={edits.renderFix}
            />
          )}
          {edits.dialog}
        </section>
      </LiveScriptSessionsProvider>
    </LegendProvider>
  );
}
