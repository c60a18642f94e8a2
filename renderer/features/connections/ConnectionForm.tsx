import { useState, type FormEvent } from 'react';
import type { ConnectionDraft, ConnectionStatus, GrantType } from '../../../shared/connections';
import { useQuery } from '@tanstack/react-query';
import { useOpsClient } from '../../ops-client-context';
import { useSaveConnection } from './mutations';
import { regionsQuery } from './queries';

/** Add or edit a connection. The secret is write-only: blank keeps the stored one. */
export function ConnectionForm({ existing, onDone }: { existing: ConnectionStatus | null; onDone: () => void }) {
  const regions = useQuery(regionsQuery(useOpsClient())).data ?? [];
  const save = useSaveConnection().mutateAsync;
  const [name, setName] = useState(existing?.name ?? '');
  const [kind, setKind] = useState<'region' | 'custom'>(existing?.kind === 'custom' ? 'custom' : 'region');
  const [region, setRegion] = useState(
    existing?.region ?? regions.find((r) => r.id === 'mypurecloud.com')?.id ?? regions[0]?.id ?? '',
  );
  const [baseUrl, setBaseUrl] = useState(existing?.baseUrl ?? '');
  const [grantType, setGrantType] = useState<GrantType>(existing?.grantType ?? 'client_credentials');
  const [clientId, setClientId] = useState(existing?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    setError(null);
    const draft: ConnectionDraft = {
      ...(existing ? { id: existing.id } : {}),
      name: name.trim(),
      kind,
      ...(kind === 'region' ? { region } : { baseUrl: baseUrl.trim() }),
      grantType,
      clientId: clientId.trim(),
      ...(grantType === 'client_credentials' && clientSecret ? { clientSecret } : {}),
    };
    try {
      await save(draft);
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="panel form"
      onSubmit={(e) => void submit(e)}
      aria-label={existing ? `Edit ${existing.name}` : 'Add a connection'}
    >
      <h2>{existing ? `Edit ${existing.name}` : 'Add a connection'}</h2>
      <label>
        Name
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Production (Chicago)"
          required
          autoFocus
        />
      </label>
      <fieldset>
        <legend>Where the org lives</legend>
        <label className="inline">
          <input type="radio" name="kind" checked={kind === 'region'} onChange={() => setKind('region')} /> Genesys
          Cloud region
        </label>
        <label className="inline">
          <input type="radio" name="kind" checked={kind === 'custom'} onChange={() => setKind('custom')} /> Custom base
          URL
        </label>
        {kind === 'region' ? (
          <label>
            Region
            <select aria-label="Region" value={region} onChange={(e) => setRegion(e.target.value)}>
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} — {r.id}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            Base URL
            <input
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
              placeholder="http://127.0.0.1:4010"
              required
            />
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>Sign-in</legend>
        <label className="inline">
          <input
            type="radio"
            name="grant"
            checked={grantType === 'client_credentials'}
            onChange={() => setGrantType('client_credentials')}
          />{' '}
          Client credentials (an OAuth client of the org)
        </label>
        <label className="inline">
          <input
            type="radio"
            name="grant"
            checked={grantType === 'authorization_code'}
            onChange={() => setGrantType('authorization_code')}
          />{' '}
          Supervisor sign-in in the browser (PKCE)
        </label>
      </fieldset>
      <label>
        OAuth client id
        <input value={clientId} onChange={(e) => setClientId(e.target.value)} required spellCheck={false} />
      </label>
      {grantType === 'client_credentials' && (
        <label>
          Client secret
          <input
            type="password"
            value={clientSecret}
            onChange={(e) => setClientSecret(e.target.value)}
            placeholder={
              existing?.hasSecret
                ? 'Stored — leave blank to keep it'
                : 'Paste the secret from Genesys Cloud Admin > OAuth'
            }
            autoComplete="off"
          />
        </label>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save connection'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
