import type { ConnectionStatus } from '../../../shared/connections';
import { useConnectionActions } from './mutations';

const stateLabel: Record<ConnectionStatus['state'], string> = {
  signedIn: 'Signed in',
  signedOut: 'Signed out',
  signingIn: 'Signing in…',
  expired: 'Session ended',
};

const actionLabel: Record<string, string> = {
  signIn: 'Signing in…',
  signOut: 'Signing out…',
  test: 'Testing…',
  remove: 'Removing…',
};

export function ConnectionCard({ connection: c, onEdit }: { connection: ConnectionStatus; onEdit: () => void }) {
  const { run, cancelSignIn, busy, error: actionError } = useConnectionActions(c.id);
  const where =
    c.kind === 'sandbox'
      ? 'Built-in sandbox org on this machine'
      : c.kind === 'region'
        ? (c.regionName ?? c.region)
        : c.baseUrl;
  const error = actionError ?? c.lastError;
  return (
    <article className="panel connection-card" aria-label={`Connection ${c.name}`} data-testid={`connection-${c.name}`}>
      <header>
        <h2>{c.name}</h2>
        <span className={`badge badge-${c.state}`} data-testid="connection-state">
          {busy ? (actionLabel[busy] ?? '…') : stateLabel[c.state]}
        </span>
      </header>
      <dl className="facts compact">
        <dt>Region</dt>
        <dd>{where}</dd>
        <dt>Sign-in</dt>
        <dd>
          {c.grantType === 'client_credentials'
            ? `Client credentials (${c.clientId})`
            : `Supervisor sign-in (PKCE, client ${c.clientId})`}
        </dd>
        {c.orgName && (
          <>
            <dt>Org</dt>
            <dd data-testid="connection-org">{c.orgName}</dd>
          </>
        )}
        {c.identity && (
          <>
            <dt>Signed in as</dt>
            <dd>{c.identity}</dd>
          </>
        )}
        {c.tokenExpiresAt && (
          <>
            <dt>Token expires</dt>
            <dd>{new Date(c.tokenExpiresAt).toLocaleString()}</dd>
          </>
        )}
      </dl>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        {c.state === 'signedIn' ? (
          <button type="button" onClick={() => run('signOut')} disabled={!!busy}>
            Sign out
          </button>
        ) : busy === 'signIn' && c.grantType === 'authorization_code' ? (
          <button type="button" onClick={() => cancelSignIn()}>
            Cancel sign-in
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => run('signIn')} disabled={!!busy}>
            {c.state === 'expired' ? 'Sign in again' : 'Sign in'}
          </button>
        )}
        <button type="button" onClick={() => run('test')} disabled={!!busy}>
          Test
        </button>
        {c.kind !== 'sandbox' && (
          <>
            <button type="button" onClick={onEdit} disabled={!!busy}>
              Edit
            </button>
            <button
              type="button"
              onClick={() => {
                if (window.confirm(`Remove the connection "${c.name}"? Its stored secret and tokens are deleted too.`))
                  run('remove');
              }}
              disabled={!!busy}
            >
              Remove
            </button>
          </>
        )}
      </div>
    </article>
  );
}
