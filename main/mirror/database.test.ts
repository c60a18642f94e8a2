import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName, openDatabase } from './database';
import { migrate, MigrationError } from './migrate';
import { migrations } from './migrations';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'pd-mirror-'));

describe('openDatabase', () => {
  it('creates the file with WAL, foreign keys and every migration recorded with its hash', () => {
    const { db, file, movedAside } = openDatabase(tempDir());
    expect(movedAside).toBeNull();
    expect(existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const rows = db.prepare('SELECT id, name, hash FROM schema_migrations').all() as Array<{
      id: number;
      hash: string;
    }>;
    expect(rows.map((r) => r.id)).toEqual(migrations.map((m) => m.id));
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });

  it('moves a corrupt file aside (never deletes it) and starts fresh', () => {
    const dir = tempDir();
    const file = path.join(dir, databaseFileName);
    writeFileSync(file, 'this is not a sqlite database, it is a grocery list'.repeat(100));
    const opened = openDatabase(dir, { now: () => new Date('2026-11-23T06:00:00Z') });
    expect(opened.movedAside).toBe(`${file}.corrupt-2026-11-23T06-00-00-000Z`);
    expect(readFileSync(opened.movedAside!, 'utf8')).toContain('grocery list');
    expect(opened.db.prepare('SELECT count(*) AS n FROM connection_profiles').get()).toEqual({ n: 0 });
    opened.db.close();
  });

  it('finds damage inside a file whose header is intact, at open, and moves it aside', () => {
    const dir = tempDir();
    const first = openDatabase(dir);
    first.db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    const put = first.db.prepare('INSERT INTO notes (body) VALUES (?)');
    first.db.transaction(() => {
      for (let i = 0; i < 3000; i++) put.run(`note ${i} `.repeat(20));
    })();
    first.db.pragma('wal_checkpoint(TRUNCATE)');
    first.db.close();
    const file = path.join(dir, databaseFileName);
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the b-tree headers of pages in the middle; page 1 (the header) stays as it was.
    for (let page = 10; page < 20; page++) bytes.fill(0xa5, page * pageSize, page * pageSize + 64);
    writeFileSync(file, bytes);
    const opened = openDatabase(dir, { now: () => new Date('2026-11-23T06:00:00Z') });
    expect(opened.movedAside).toBe(`${file}.corrupt-2026-11-23T06-00-00-000Z`);
    expect(readFileSync(opened.movedAside!).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
    expect(opened.db.pragma('quick_check', { simple: true })).toBe('ok');
    opened.db.close();
  });

  it('says in words when the folder cannot hold the database', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, databaseFileName));
    expect(() => openDatabase(dir)).toThrow(
      /Publish Desk cannot open its database .* Check that the data folder is yours and writable/,
    );
  });

  it('reopens an existing database without re-applying migrations', () => {
    const dir = tempDir();
    openDatabase(dir).db.close();
    const again = openDatabase(dir);
    expect((again.db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(
      migrations.length,
    );
    again.db.close();
  });
});

describe('migrate', () => {
  const first = { id: 1, name: '001-a', sql: 'CREATE TABLE a (x INTEGER);' };
  const second = { id: 2, name: '002-b', sql: 'CREATE TABLE b (y INTEGER);' };

  it('applies pending migrations in order, each once', () => {
    const db = new Database(':memory:');
    expect(migrate(db, [first]).applied).toEqual([1]);
    expect(migrate(db, [first, second]).applied).toEqual([2]);
    expect(migrate(db, [first, second]).applied).toEqual([]);
  });

  it('refuses an edited migration', () => {
    const db = new Database(':memory:');
    migrate(db, [first]);
    expect(() => migrate(db, [{ ...first, sql: 'CREATE TABLE a (x TEXT);' }])).toThrow(
      /001-a was edited after it was applied/,
    );
  });

  it('refuses a database with a migration this build does not know', () => {
    const db = new Database(':memory:');
    migrate(db, [first, second]);
    expect(() => migrate(db, [first])).toThrow(MigrationError);
    expect(() => migrate(db, [first])).toThrow(/002-b, which this version of Publish Desk does not know/);
  });

  it('refuses a gap in the numbering', () => {
    expect(() => migrate(new Database(':memory:'), [first, { ...second, id: 3 }])).toThrow(/Migration 2 is missing/);
  });

  it("runs a migration's backfill in its transaction: a failing backfill undoes the SQL too", () => {
    const db = new Database(':memory:');
    const filled = {
      id: 1,
      name: '001-filled',
      sql: 'CREATE TABLE f (x INTEGER);',
      backfill: (d: Database.Database) => d.prepare('INSERT INTO f VALUES (42)').run(),
    };
    migrate(db, [filled]);
    expect(db.prepare('SELECT x FROM f').pluck().all()).toEqual([42]);

    const fresh = new Database(':memory:');
    const failing = {
      ...filled,
      backfill: () => {
        throw new Error('backfill broke');
      },
    };
    expect(() => migrate(fresh, [failing])).toThrow(/backfill broke/);
    expect(fresh.prepare("SELECT name FROM sqlite_master WHERE name = 'f'").get()).toBeUndefined();
  });

  it('rolls back a failing migration whole', () => {
    const db = new Database(':memory:');
    const broken = { id: 1, name: '001-broken', sql: 'CREATE TABLE ok (x INTEGER); CREATE TABLE ok (x INTEGER);' };
    expect(() => migrate(db, [broken])).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'ok'").get()).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 0 });
  });
});
