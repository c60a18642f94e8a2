import { useQuery } from '@tanstack/react-query';
import { useOpsClient } from '../../ops-client-context';
import { appInfoQuery } from './queries';
import { transportLabel } from '../shell/transport-label';

/** First screen: what is running, where its data lives, which transport is live. */
export function OverviewScreen() {
  const { data: info, error, isPending, isFetching, refetch } = useQuery(appInfoQuery(useOpsClient()));

  return (
    <section className="screen" aria-labelledby="overview-title">
      <h1 id="overview-title">Publish Desk</h1>
      <p className="lede">Ops console for Genesys Cloud WFM schedule publishing.</p>
      {isPending && isFetching && <p role="status">Loading console details…</p>}
      {error && !isFetching && (
        <div className="error-box" role="alert">
          <p>Could not read the console details: {error.message}</p>
          <button type="button" onClick={() => void refetch()}>
            Try again
          </button>
        </div>
      )}
      {info?.databaseMovedAside && (
        <div className="error-box" role="alert" data-testid="database-moved">
          <p>
            The mirror database could not be read, so Publish Desk started a fresh one. The old file was kept at{' '}
            <span className="mono">{info.databaseMovedAside}</span> (send it to support if you need what was in it).
          </p>
          <p>Sign in on Connections, then Sync on the Schedules screen to rebuild the mirror.</p>
        </div>
      )}
      {info && (
        <dl className="facts" data-testid="app-info">
          <dt>Version</dt>
          <dd data-testid="info-version">{info.version}</dd>
          <dt>Shell</dt>
          <dd data-testid="info-mode">
            {info.mode === 'electron' ? 'Electron desktop app' : 'Browser (loopback host)'}
          </dd>
          <dt>Transport</dt>
          <dd data-testid="info-transport">{transportLabel(info.transport)}</dd>
          <dt>Data folder</dt>
          <dd data-testid="info-data-dir" className="mono">
            {info.dataDir}
          </dd>
          <dt>Platform</dt>
          <dd>{info.platform}</dd>
          <dt>Runtime</dt>
          <dd className="mono">
            Node {info.versions.node}
            {info.versions.electron ? ` · Electron ${info.versions.electron}` : ''}
          </dd>
          <dt>Started</dt>
          <dd>{new Date(info.startedAt).toLocaleString()}</dd>
        </dl>
      )}
    </section>
  );
}
