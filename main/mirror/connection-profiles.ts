/** Connection profiles in SQLite: the non-secret half of a connection. */
import type Database from 'better-sqlite3';
import type { ConnectionProfile } from '../../shared/connections';

interface Row {
  id: string;
  name: string;
  kind: ConnectionProfile['kind'];
  region: string | null;
  base_url: string | null;
  grant_type: ConnectionProfile['grantType'];
  client_id: string;
  created_at: string;
  updated_at: string;
}

const fromRow = (r: Row): ConnectionProfile => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  region: r.region,
  baseUrl: r.base_url,
  grantType: r.grant_type,
  clientId: r.client_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function createProfileRepository(db: Database.Database) {
  const list = db.prepare<[], Row>(
    "SELECT * FROM connection_profiles ORDER BY kind = 'sandbox' DESC, name COLLATE NOCASE",
  );
  const get = db.prepare<[string], Row>('SELECT * FROM connection_profiles WHERE id = ?');
  const byName = db.prepare<[string], Row>('SELECT * FROM connection_profiles WHERE name = ? COLLATE NOCASE');
  const upsert =
    db.prepare(`INSERT INTO connection_profiles (id, name, kind, region, base_url, grant_type, client_id, created_at, updated_at)
    VALUES (@id, @name, @kind, @region, @baseUrl, @grantType, @clientId, @createdAt, @updatedAt)
    ON CONFLICT(id) DO UPDATE SET name = @name, kind = @kind, region = @region, base_url = @baseUrl,
      grant_type = @grantType, client_id = @clientId, updated_at = @updatedAt`);
  const remove = db.prepare('DELETE FROM connection_profiles WHERE id = ?');
  return {
    list: (): ConnectionProfile[] => list.all().map(fromRow),
    get: (id: string): ConnectionProfile | null => {
      const row = get.get(id);
      return row ? fromRow(row) : null;
    },
    findByName: (name: string): ConnectionProfile | null => {
      const row = byName.get(name);
      return row ? fromRow(row) : null;
    },
    save: (profile: ConnectionProfile): void => {
      upsert.run(profile);
    },
    remove: (id: string): boolean => remove.run(id).changes > 0,
  };
}

export type ProfileRepository = ReturnType<typeof createProfileRepository>;
