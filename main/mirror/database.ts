/**
 * The one SQLite file of a data folder. WAL and foreign keys on. A file that
 * is not a readable database is moved aside – never deleted – and a fresh
 * one is started, with a message saying where the old one went.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { migrations as allMigrations, type Migration } from './migrations';

export interface OpenedDatabase {
  db: Database.Database;
  file: string;
  /** Set when a corrupt file was moved aside: where it went. */
  movedAside: string | null;
}

export interface OpenOptions {
  migrations?: Migration[];
  /** Electron's build of better-sqlite3 (see build/native-for-electron.mjs). */
  nativeBinding?: string;
  now?: () => Date;
}

export const databaseFileName = 'publish-desk.sqlite';

export function openDatabase(dataDir: string, opts: OpenOptions = {}): OpenedDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, databaseFileName);
  const now = opts.now ?? (() => new Date());
  try {
    return { db: openAndMigrate(file, opts), file, movedAside: null };
  } catch (err) {
    if (!isCorruption(err)) throw err;
    const aside = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    }
    return { db: openAndMigrate(file, opts), file, movedAside: aside };
  }
}

function openAndMigrate(file: string, opts: OpenOptions): Database.Database {
  const db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('quick_check');
    migrate(db, opts.migrations ?? allMigrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function isCorruption(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /file is not a database|malformed/i.test(String((err as Error).message));
}
