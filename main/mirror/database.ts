/**
 * The one SQLite file of a data folder. WAL and foreign keys on. A file that
 * is not a readable database is moved aside – never deleted – and a fresh
 * one is started, with a message saying where the old one went.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { OpsError } from '../../shared/ops-error';
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
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, databaseFileName);
  const now = opts.now ?? (() => new Date());
  try {
    return { db: openAndMigrate(file, opts), file, movedAside: null };
  } catch (err) {
    if (!isCorruption(err)) throw cannotOpen(file, err);
    const aside = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    }
    try {
      return { db: openAndMigrate(file, opts), file, movedAside: aside };
    } catch (again) {
      throw cannotOpen(file, again);
    }
  }
}

/**
 * A second connection to a database already opened (and migrated) by openDatabase, for a worker thread:
 * WAL lets it write while the first keeps reading the last committed state.
 */
export function openWorkerConnection(file: string, nativeBinding?: string): Database.Database {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

function openAndMigrate(file: string, opts: OpenOptions): Database.Database {
  ownerOnly(file);
  const db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Damage inside the file must be found now, not later as "database disk image is malformed" mid-sync.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseDamaged(String(check));
    migrate(db, opts.migrations ?? allMigrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

class DatabaseDamaged extends Error {
  readonly code = 'SQLITE_CORRUPT';
  constructor(detail: string) {
    super(`The database failed its integrity check: ${detail.slice(0, 200)}`);
  }
}

/**
 * The database and its -wal/-shm are the owner's only: they hold every mirrored agent's schedule. SQLite
 * creates -wal and -shm with the database file's mode, so creating that file 0600 covers all three.
 */
function ownerOnly(file: string): void {
  if (process.platform === 'win32') return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      if ((statSync(file + suffix).mode & 0o077) !== 0) chmodSync(file + suffix, 0o600);
    } catch {
      // -wal and -shm exist only while a connection is open.
    }
  }
}

/** Disk trouble (permissions, a folder in the way, a full disk) in words; any other error passes through as it is. */
function cannotOpen(file: string, err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !(code.startsWith('SQLITE_') || /^E[A-Z]+$/.test(code))) return err;
  const why = err instanceof Error ? err.message : String(err);
  return new OpsError(
    'storage',
    `Publish Desk cannot open its database ${file} (${why}). Check that the data folder is yours and writable, or start Publish Desk with another data folder.`,
  );
}

function isCorruption(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return (
    code === 'SQLITE_NOTADB' ||
    code === 'SQLITE_CORRUPT' ||
    /file is not a database|malformed/i.test(String((err as Error).message))
  );
}
