/** Sync runs: the "last sync" line of the Schedules screen, and what a CLI `sync --json` reports. */
import type Database from 'better-sqlite3';
import type { SyncRunSummary } from '../../shared/mirror';

interface Row {
  id: number;
  profile_id: string;
  business_unit_id: string;
  started_at: string;
  finished_at: string | null;
  status: SyncRunSummary['status'];
  weeks_json: string;
  requests: number;
  schedules_fetched: number;
  schedules_unchanged: number;
  agent_schedules_written: number;
  error: string | null;
}

const fromRow = (r: Row): SyncRunSummary => ({
  id: r.id,
  profileId: r.profile_id,
  businessUnitId: r.business_unit_id,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  status: r.status,
  weeks: JSON.parse(r.weeks_json) as string[],
  requests: r.requests,
  schedulesFetched: r.schedules_fetched,
  schedulesUnchanged: r.schedules_unchanged,
  agentSchedulesWritten: r.agent_schedules_written,
  error: r.error,
});

export type SyncRunOutcome = Pick<
  SyncRunSummary,
  'status' | 'finishedAt' | 'requests' | 'schedulesFetched' | 'schedulesUnchanged' | 'agentSchedulesWritten' | 'error'
>;

export function createSyncRunStore(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO sync_runs (profile_id, business_unit_id, started_at, status, weeks_json) VALUES (?, ?, ?, 'running', ?)`,
  );
  const interrupted = db.prepare(`UPDATE sync_runs SET status = 'failed', error = ?
    WHERE profile_id = ? AND business_unit_id = ? AND status = 'running'`);
  const finish = db.prepare(`UPDATE sync_runs SET status = @status, finished_at = @finishedAt, requests = @requests,
    schedules_fetched = @schedulesFetched, schedules_unchanged = @schedulesUnchanged, agent_schedules_written = @agentSchedulesWritten,
    error = @error WHERE id = @id`);
  const weeks = db.prepare('UPDATE sync_runs SET weeks_json = ? WHERE id = ?');
  const byId = db.prepare<[number], Row>('SELECT * FROM sync_runs WHERE id = ?');
  const last = db.prepare<[string, string], Row>(
    'SELECT * FROM sync_runs WHERE profile_id = ? AND business_unit_id = ? ORDER BY id DESC LIMIT 1',
  );

  return {
    /**
     * A run still 'running' when a new one starts was cut short (the app was
     * killed): one sync per business unit runs at a time, so it is over.
     */
    start(profileId: string, businessUnitId: string, weeks: readonly string[], startedAt: string): SyncRunSummary {
      interrupted.run(
        'Interrupted: Publish Desk stopped during this sync. Schedules it had finished are kept; the rest were not changed.',
        profileId,
        businessUnitId,
      );
      const id = Number(insert.run(profileId, businessUnitId, startedAt, JSON.stringify(weeks)).lastInsertRowid);
      return fromRow(byId.get(id)!);
    },

    setWeeks(id: number, synced: readonly string[]): void {
      weeks.run(JSON.stringify(synced), id);
    },

    finish(id: number, outcome: SyncRunOutcome): SyncRunSummary {
      finish.run({ id, ...outcome });
      return fromRow(byId.get(id)!);
    },

    last(profileId: string, businessUnitId: string): SyncRunSummary | null {
      const row = last.get(profileId, businessUnitId);
      return row ? fromRow(row) : null;
    },
  };
}

export type SyncRunStore = ReturnType<typeof createSyncRunStore>;
