import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName, openDatabase } from '../database';
import { filterRoster, rosterOf } from './roster';

function mirror() {
  const dir = mkdtempSync(path.join(tmpdir(), 'pd-roster-'));
  const { db } = openDatabase(dir);
  const add = (d: Database.Database, id: string, name: string, mu: string | null = 'mu-1', bu = 'bu') =>
    d
      .prepare(
        "INSERT INTO agents (id, business_unit_id, management_unit_id, name, fetched_at) VALUES (?, ?, ?, ?, '2026-11-23T06:00:00Z')",
      )
      .run(id, bu, mu, name);
  return { db, file: path.join(dir, databaseFileName), add };
}

describe('timeline roster', () => {
  it("lists a unit's agents by name in any case, then id, and narrows by MU, name part and ids", () => {
    const { db, add } = mirror();
    add(db, 'c', 'bea Ruiz', 'mu-2');
    add(db, 'b', 'Ana Ñúñez');
    add(db, 'a', 'Ana Ñúñez');
    add(db, 'd', 'Zed Other', 'mu-1', 'other-bu');
    const roster = rosterOf(db, 'bu');
    expect(roster.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(filterRoster(roster, { managementUnitId: 'mu-2' }).map((a) => a.id)).toEqual(['c']);
    expect(filterRoster(roster, { search: 'ÑÚÑ' }).map((a) => a.id)).toEqual(['a', 'b']);
    expect(filterRoster(roster, { search: '%' })).toEqual([]);
    expect(filterRoster(roster, { agentIds: ['c', 'a', 'nobody'] }).map((a) => a.id)).toEqual(['a', 'c']);
    expect(filterRoster(roster, { agentIds: ['c'], search: 'ana' })).toEqual([]);
  });

  it('keeps the roster between windows and drops it once this or another connection changed the database', () => {
    const { db, file, add } = mirror();
    add(db, 'a', 'Ana');
    const first = rosterOf(db, 'bu');
    expect(rosterOf(db, 'bu')).toBe(first);

    add(db, 'b', 'Bea');
    expect(rosterOf(db, 'bu').map((a) => a.name)).toEqual(['Ana', 'Bea']);

    const other = new Database(file);
    add(other, 'c', 'Cy');
    expect(rosterOf(db, 'bu').map((a) => a.name)).toEqual(['Ana', 'Bea', 'Cy']);

    const current = rosterOf(db, 'bu');
    other.prepare("UPDATE agents SET name = 'Cyrus' WHERE id = 'c'").run();
    expect(rosterOf(db, 'bu').map((a) => a.name)).toEqual(['Ana', 'Bea', 'Cyrus']);
    other.prepare("UPDATE agents SET management_unit_id = 'mu-9' WHERE id = 'a'").run();
    expect(filterRoster(rosterOf(db, 'bu'), { managementUnitId: 'mu-9' }).map((a) => a.id)).toEqual(['a']);
    other.prepare("DELETE FROM agents WHERE id = 'b'").run();
    expect(rosterOf(db, 'bu').map((a) => a.id)).toEqual(['a', 'c']);
    expect(current.map((a) => a.id)).toEqual(['a', 'b', 'c']); // a handed-out roster is never changed under its reader
    other.prepare("UPDATE agents SET business_unit_id = 'bu-2' WHERE id = 'c'").run();
    expect(rosterOf(db, 'bu').map((a) => a.id)).toEqual(['a']);
    other.close();
  });

  it("keeps a unit's roster when only other data changed", () => {
    const { db, add } = mirror();
    add(db, 'a', 'Ana');
    const first = rosterOf(db, 'bu');
    add(db, 'z', 'Zoe', 'mu-1', 'other-bu');
    db.prepare("UPDATE agents SET email = 'ana@example.com', fetched_at = '2026-11-24T06:00:00Z' WHERE id = 'a'").run();
    expect(rosterOf(db, 'bu')).toBe(first);
  });
});
