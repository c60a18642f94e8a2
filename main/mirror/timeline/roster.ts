/**
 * The agents of a business unit in timeline order (name, then id), kept in
 * memory between windows: counting and paging 5,000 agents in SQL on every
 * scroll cost more than the shifts themselves. The copy is read again as
 * soon as the unit's roster generation moved (triggers on agents, migration
 * 004), whichever connection changed it, so a sync shows at once.
 */
import type Database from 'better-sqlite3';
import { prepared } from '../statement-cache';

export interface RosterAgent {
  id: string;
  name: string;
  managementUnitId: string | null;
  /** For the any-case name search. */
  lowerName: string;
}

export interface RosterFilter {
  managementUnitId?: string;
  search?: string;
  agentIds?: readonly string[];
}

const cache = new WeakMap<Database.Database, Map<string, { generation: number | null; roster: RosterAgent[] }>>();

export function rosterOf(db: Database.Database, businessUnitId: string): readonly RosterAgent[] {
  const generation =
    (prepared(db, 'SELECT generation FROM roster_generations WHERE business_unit_id = ?')
      .pluck()
      .get(businessUnitId) as number | undefined) ?? null;
  let units = cache.get(db);
  if (!units) cache.set(db, (units = new Map()));
  const cached = units.get(businessUnitId);
  if (cached && cached.generation === generation) return cached.roster;
  const rows = prepared(
    db,
    'SELECT id, name, management_unit_id FROM agents WHERE business_unit_id = ? ORDER BY name, id',
  )
    .raw()
    .all(businessUnitId) as Array<[string, string, string | null]>;
  const roster = rows.map(([id, name, managementUnitId]) => ({
    id,
    name,
    managementUnitId,
    lowerName: name.toLowerCase(),
  }));
  units.set(businessUnitId, { generation, roster });
  return roster;
}

/** The roster narrowed by MU, part of the name (any case) and given ids; order kept. */
export function filterRoster(roster: readonly RosterAgent[], f: RosterFilter): readonly RosterAgent[] {
  if (!f.managementUnitId && !f.search && !f.agentIds) return roster;
  const search = f.search?.toLowerCase();
  const ids = f.agentIds ? new Set(f.agentIds) : null;
  return roster.filter(
    (a) =>
      (!f.managementUnitId || a.managementUnitId === f.managementUnitId) &&
      (!search || a.lowerName.includes(search)) &&
      (!ids || ids.has(a.id)),
  );
}
