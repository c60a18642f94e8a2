import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useOpsClient } from '../../ops-client-context';
import { ConnectionCard } from './ConnectionCard';
import { ConnectionForm } from './ConnectionForm';
import { connectionsListQuery, regionsQuery, vaultQuery } from './queries';

/** Orgs this console can reach: add, edit, test, sign in and out. */
export function ConnectionsScreen() {
  const client = useOpsClient();
  const list = useQuery(connectionsListQuery(client));
  const vaultRead = useQuery(vaultQuery(client));
  // Read here so the form has the regions when it opens.
  const regions = useQuery(regionsQuery(client));
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const connections = list.data ?? [];
  const vault = vaultRead.data;
  const reads = [list, vaultRead, regions];
  const fetching = reads.some((r) => r.isFetching);
  const error = reads.find((r) => r.error)?.error?.message;
  const retry = () => {
    for (const r of reads) if (r.error) void r.refetch();
  };

  return (
    <section className="screen" aria-labelledby="connections-title">
      <h1 id="connections-title">Connections</h1>
      <p className="lede">
        Genesys Cloud orgs this console can reach. Secrets and tokens stay in this app, never on the page.
      </p>
      {vault && (
        <p className={`vault-note ${vault.persistent ? '' : 'vault-memory'}`} data-testid="vault-status">
          <strong>Where secrets are kept:</strong> {vault.description}
        </p>
      )}
      {list.isPending && fetching && <p role="status">Loading connections…</p>}
      {error && !fetching && (
        <div className="error-box" role="alert">
          <p>Could not read the connections: {error}</p>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </div>
      )}
      {editing === null && (
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          Add connection
        </button>
      )}
      {editing !== null && (
        <ConnectionForm
          existing={editing === 'new' ? null : (connections.find((c) => c.id === editing) ?? null)}
          onDone={() => setEditing(null)}
        />
      )}
      <div className="card-list">
        {connections.map((c) => (
          <ConnectionCard key={c.id} connection={c} onEdit={() => setEditing(c.id)} />
        ))}
      </div>
    </section>
  );
}
