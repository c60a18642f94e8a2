import { useQuery } from '@tanstack/react-query';
import { useOpsClient } from '../../ops-client-context';
import { useConsole } from '../../store/context';
import { connectionsListQuery } from '../connections/queries';
import { activityPageSize, activityQuery, auditQueryOf } from './queries';

/** Every request made to Genesys Cloud, newest first, with the contextId support asks for. */
export function ActivityScreen() {
  const client = useOpsClient();
  const filter = useConsole((s) => s.activityFilter);
  const page = useConsole((s) => s.activityPage);
  const setFilter = useConsole((s) => s.setActivityFilter);
  const setPage = useConsole((s) => s.setActivityPage);
  const log = useQuery(activityQuery(client, auditQueryOf(filter, page)));
  const connections = useQuery(connectionsListQuery(client)).data ?? [];
  const rows = log.data?.rows ?? [];
  const total = log.data?.total ?? 0;
  const names = new Map(connections.map((c) => [c.id, c.name]));
  const pages = Math.max(1, Math.ceil(total / activityPageSize));
  // "Nothing matches" only for an answer to the filters on screen, not for the previous page kept while loading.
  const answered = log.isSuccess && !log.isPlaceholderData;

  return (
    <section className="screen" aria-labelledby="activity-title">
      <h1 id="activity-title">Activity log</h1>
      <p className="lede">
        Every request to Genesys Cloud: when, what, the answer and its contextId. No bodies, no tokens.
      </p>
      <div className="filters" role="search">
        <label>
          Connection
          <select
            value={filter.profileId ?? ''}
            onChange={(e) => setFilter({ profileId: e.target.value || undefined })}
          >
            <option value="">All</option>
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome
          <select
            value={filter.outcome ?? 'all'}
            onChange={(e) => setFilter({ outcome: e.target.value as 'all' | 'ok' | 'failed' })}
          >
            <option value="all">All</option>
            <option value="ok">Succeeded</option>
            <option value="failed">Failed</option>
          </select>
        </label>
        <label>
          Search path or contextId
          <input
            type="search"
            defaultValue={filter.search ?? ''}
            onChange={(e) => setFilter({ search: e.target.value })}
          />
        </label>
        <button type="button" onClick={() => void log.refetch()}>
          Refresh
        </button>
      </div>
      {log.isError && !log.isFetching && (
        <p className="error-text" role="alert">
          Could not read the activity log: {log.error.message}
        </p>
      )}
      <table className="grid" data-testid="activity-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Connection</th>
            <th scope="col">Request</th>
            <th scope="col">Status</th>
            <th scope="col">Time taken</th>
            <th scope="col">Try</th>
            <th scope="col">contextId</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.status === null || r.status >= 400 ? 'row-failed' : undefined}>
              <td>{new Date(r.at).toLocaleTimeString()}</td>
              <td>{names.get(r.profileId) ?? r.profileId}</td>
              <td className="mono">
                {r.method} {r.pathTemplate}
              </td>
              <td>{r.status ?? `no answer (${r.errorKind ?? 'network'})`}</td>
              <td>{r.durationMs} ms</td>
              <td>{r.attempt}</td>
              <td className="mono">{r.contextId ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && answered && (
        <p className="muted">
          {filter.profileId || filter.search || (filter.outcome ?? 'all') !== 'all'
            ? 'No requests match these filters.'
            : 'No requests yet. Sign in on the Connections screen.'}
        </p>
      )}
      <div className="pager">
        <button type="button" onClick={() => setPage(page - 1)} disabled={page === 0}>
          Newer
        </button>
        <span>
          Page {page + 1} of {pages} · {total} requests
        </span>
        <button type="button" onClick={() => setPage(page + 1)} disabled={page + 1 >= pages}>
          Older
        </button>
      </div>
    </section>
  );
}
