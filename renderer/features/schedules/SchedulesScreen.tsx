import { useConsole } from '../../store/context';
import { FindingsPanel } from './FindingsPanel';
import { SyncBar } from './SyncBar';
import { useSchedulesView } from './use-schedules-view';

/** Connection → business unit → mirrored weeks, with sync. Works offline from the mirror. */
export function SchedulesScreen() {
  const view = useSchedulesView();
  const { connections, profileId, overview, businessUnitId: buId, week: selectedWeek, error } = view;
  const weeks = view.weeks?.weeks ?? [];
  const selectProfile = useConsole((s) => s.selectSchedulesProfile);
  const selectBu = useConsole((s) => s.selectBusinessUnit);
  const openWeek = useConsole((s) => s.openWeekFindings);
  const connection = connections.find((c) => c.id === profileId);
  const bu = overview?.businessUnits.find((b) => b.id === buId);
  const signedIn = connection?.state === 'signedIn';
  const syncBlocked = !signedIn ? 'Sign in on the Connections screen to sync.' : null;

  return (
    <section className="screen" aria-labelledby="schedules-title">
      <h1 id="schedules-title">Schedules</h1>
      <p className="lede">Weeks mirrored on this machine. They stay readable offline.</p>
      <div className="filters">
        <label>
          Connection
          <select value={profileId ?? ''} onChange={(e) => selectProfile(e.target.value)}>
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Business unit
          <select
            value={buId ?? ''}
            onChange={(e) => selectBu(e.target.value)}
            disabled={!overview?.businessUnits.length}
          >
            {!overview?.businessUnits.length && <option value="">None mirrored yet</option>}
            {overview?.businessUnits.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={view.discover}
          disabled={!signedIn}
          title={signedIn ? undefined : 'Sign in first'}
        >
          Find business units
        </button>
      </div>
      {overview?.offline && (
        <p className="offline-badge" role="status" data-testid="offline-badge">
          Offline — showing the mirror{bu?.asOf ? ` as of ${new Date(bu.asOf).toLocaleString()}` : ''}.{' '}
          {overview.offline.reason}
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {bu && (
        <>
          <p className="muted">
            {bu.name} · time zone {bu.timeZone}
            {bu.asOf ? ` · as of ${new Date(bu.asOf).toLocaleString()}` : ''}
          </p>
          <SyncBar sync={view.sync} lastSync={view.weeks?.lastSync ?? null} disabledReason={syncBlocked} />
          <table className="grid" data-testid="weeks-table">
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col">Status</th>
                <th scope="col">Version</th>
                <th scope="col">Agents</th>
                <th scope="col">Description</th>
                <th scope="col">As of</th>
                <th scope="col">Findings</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.scheduleId}>
                  <td>{w.weekDate}</td>
                  <td>
                    <span className={`badge ${w.published ? 'badge-signedIn' : ''}`}>
                      {w.published ? 'Published' : 'Draft'}
                    </span>
                  </td>
                  <td>{w.version}</td>
                  <td>{w.agentCount}</td>
                  <td>{w.description}</td>
                  <td>{new Date(w.asOf).toLocaleString()}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => profileId && openWeek({ profileId, businessUnitId: bu.id, week: w.weekDate })}
                      aria-pressed={selectedWeek === w.weekDate}
                    >
                      Check week
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {view.weeks && weeks.length === 0 && <p className="muted">No weeks mirrored yet. Press Sync now.</p>}
          {profileId && selectedWeek && (
            <FindingsPanel week={{ profileId, businessUnitId: bu.id, week: selectedWeek }} />
          )}
        </>
      )}
      {overview && overview.businessUnits.length === 0 && (
        <p className="muted">
          {signedIn
            ? 'No business units mirrored yet: press Find business units.'
            : 'Sign in on the Connections screen, then find business units.'}
        </p>
      )}
    </section>
  );
}
