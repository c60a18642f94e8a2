import { useQueryClient } from '@tanstack/react-query';
import { useOpsClient } from '../../ops-client-context';
import { useEditsEvents } from '../edits/events';
import { LiveScriptSessionsProvider, useLiveScriptSessions } from '../timeline/use-live-script-sessions';
import { ChangesPanel } from './ChangesPanel';
import { ChoosePanel } from './ChoosePanel';
import { ConflictPanel } from './ConflictPanel';
import { ConnectionPicker } from './ConnectionPicker';
import { errorWords } from './error-words';
import { usePublishEvents } from './events';
import { HeldPanel } from './HeldPanel';
import { usePublishAction } from './mutations';
import { PreflightPanel } from './PreflightPanel';
import { PublishError, PublishLoading, PublishNothingSynced } from './PublishStates';
import { ReportPanel } from './ReportPanel';
import { StatusPanel } from './StatusPanel';
import { usePublishView, type PublishViewModel } from './use-publish-view';
import './publish.css';

/** The guided publish: choose, preflight, what changes for whom, then live status until it lands. */
export function PublishScreen() {
  const client = useOpsClient();
  const queryClient = useQueryClient();
  usePublishEvents(client, queryClient);
  // The pending edits count follows edits made in the Timeline, another window or the CLI.
  useEditsEvents(client, queryClient);
  const p = usePublishView();
  // Held while the screen is open: held agents' badges, and the script-session fix of preflight.
  const live = useLiveScriptSessions(p.profileId, p.bu?.id ?? null, p.buZone);
  const body = (() => {
    if (p.error) return <PublishError message={errorWords(p.error)} onRetry={p.retry} />;
    if (p.loading || (p.bu && !p.weeksLoaded)) return <PublishLoading />;
    if (!p.bu || !p.schedule)
      return (
        <>
          <div className="filters">
            <ConnectionPicker p={p} />
          </div>
          <PublishNothingSynced />
        </>
      );
    return (
      <>
        <ChoosePanel p={p} />
        <PublishJob p={p} live={live} />
      </>
    );
  })();
  return (
    <LiveScriptSessionsProvider value={live}>
      <section className="screen pub-screen" aria-labelledby="publish-title">
        <h1 id="publish-title">Publish</h1>
        <p className="lede">
          Preflight, confirm what changes for whom, then watch it land — retries and conflicts included.
        </p>
        {body}
      </section>
    </LiveScriptSessionsProvider>
  );
}

function PublishJob({ p, live }: { p: PublishViewModel; live: ReturnType<typeof useLiveScriptSessions> }) {
  const jobId = p.summary?.jobId ?? null;
  const action = usePublishAction(jobId ?? 'none');
  if (!jobId) return null;
  if (p.state.error) return <PublishError message={errorWords(p.state.error)} onRetry={() => void p.state.refetch()} />;
  const view = p.state.data;
  if (!view) return <PublishLoading />;
  const busy = action.isPending;
  const beforeUpload = view.phase === 'preflight' || view.phase === 'confirming' || view.phase === 'choosing';
  const act = action.mutate;
  return (
    <div className="pub-job" data-testid="publish-job">
      {action.error && (
        <p className="error-box" role="alert">
          {errorWords(action.error)}
        </p>
      )}
      {beforeUpload ? (
        <>
          <PreflightPanel view={view} live={live} act={act} busy={busy} />
          <ChangesPanel view={view} buZone={p.buZone} ofWeek={p.ofWeek} act={act} busy={busy} />
        </>
      ) : (
        // Confirmed: the checks and the long list fold away, so decisions and live status come first.
        <details className="pub-folded">
          <summary>2–3. Preflight and what changes for whom (confirmed)</summary>
          <PreflightPanel view={view} live={live} act={act} busy={busy} />
          <ChangesPanel view={view} buZone={p.buZone} ofWeek={p.ofWeek} act={act} busy={busy} />
        </details>
      )}
      <ConflictPanel view={view} zone={p.buZone} act={act} busy={busy} />
      <HeldPanel view={view} live={live} act={act} busy={busy} />
      <StatusPanel view={view} zone={p.buZone} act={act} busy={busy} />
      <ReportPanel jobId={view.jobId} />
    </div>
  );
}
