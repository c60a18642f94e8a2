/**
 * Applies pending migrations and refuses a database whose history does not
 * match this build: an edited migration (hash changed), one this build does
 * not know (written by a newer Publish Desk), or a gap in the numbering.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Migration } from './migrations';

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

export function migrationHash(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

export function migrate(db: Database.Database, migrations: Migration[]): { applied: number[] } {
  migrations.forEach((m, i) => {
    if (m.id !== i + 1)
      throw new MigrationError(`Migration ${i + 1} is missing from this build (found ${m.name} in its place)`);
  });
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const recorded = db.prepare('SELECT id, name, hash FROM schema_migrations ORDER BY id').all() as Array<{
    id: number;
    name: string;
    hash: string;
  }>;
  for (const row of recorded) {
    const known = migrations.find((m) => m.id === row.id);
    if (!known) {
      throw new MigrationError(
        `This database has migration ${row.name}, which this version of Publish Desk does not know: it was written by a newer version. Update Publish Desk, or use another data folder.`,
      );
    }
    if (migrationHash(known.sql) !== row.hash) {
      throw new MigrationError(
        `Migration ${row.name} was edited after it was applied to this database. Restore the original file; add changes as a new migration.`,
      );
    }
  }
  const done = new Set(recorded.map((r) => r.id));
  const insert = db.prepare('INSERT INTO schema_migrations (id, name, hash, applied_at) VALUES (?, ?, ?, ?)');
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.backfill?.(db);
      insert.run(m.id, m.name, migrationHash(m.sql), new Date().toISOString());
    })();
    applied.push(m.id);
  }
  return { applied };
}
