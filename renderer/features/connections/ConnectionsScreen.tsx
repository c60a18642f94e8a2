import { useEffect, useState } from 'react';
import { useConsole } from '../../store/context';
import { ConnectionCard } from './ConnectionCard';
import { ConnectionForm } from './ConnectionForm';

/** Orgs this console can reach: add, edit, test, sign in and out. */
export function ConnectionsScreen() {
  const connections = useConsole((s) => s.connections);
  const status = useConsole((s) => s.connectionsStatus);
  const error = useConsole((s) => s.connectionsError);
  const vault = useConsole((s) => s.vault);
  const load = useConsole((s) => s.loadConnections);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="screen" aria-labelledby="connections-title">
      <h1 id="connections-title">Connections</h1>
      <p className="lede">Genesys Cloud orgs this console can reach. Secrets and tokens stay in this app, never on the page.</p>
      {vault && (
        <p className={`vault-note ${vault.persistent ? '' : 'vault-memory'}`} data-testid="vault-status">
          <strong>Where secrets are kept:</strong> {vault.description}
        </p>
      )}
      {status === 'loading' && <p role="status">Loading connections…</p>}
      {status === 'failed' && (
        <div className="error-box" role="alert">
          <p>Could not read the connections: {error}</p>
          <button type="button" onClick={() => void load()}>
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
        <ConnectionForm existing={editing === 'new' ? null : (connections.find((c) => c.id === editing) ?? null)} onDone={() => setEditing(null)} />
      )}
      <div className="card-list">
        {connections.map((c) => (
          <ConnectionCard key={c.id} connection={c} onEdit={() => setEditing(c.id)} />
        ))}
      </div>
    </section>
  );
}
