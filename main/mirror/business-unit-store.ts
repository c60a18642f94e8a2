/**
 * A business unit and its reference data in the mirror: the unit itself (per
 * profile), its management units, activity codes and agents.
 */
import type Database from 'better-sqlite3';

export interface BusinessUnitRecord {
  profileId: string;
  id: string;
  name: string;
  timeZone: string;
  startDayOfWeek: string;
  fetchedAt: string;
}

export interface ManagementUnitRecord {
  id: string;
  name: string;
  timeZone: string | null;
}

export interface ActivityCodeRecord {
  id: string;
  name: string;
  category: string | null;
  paid: boolean | null;
}

export interface AgentRecord {
  id: string;
  managementUnitId: string | null;
  name: string;
  email: string | null;
}

const bool = (b: boolean | null) => (b === null ? null : b ? 1 : 0);

export function createBusinessUnitStore(db: Database.Database) {
  const listed = db.prepare(`INSERT INTO business_units (profile_id, id, name, listed_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (profile_id, id) DO UPDATE SET name = excluded.name, listed_at = excluded.listed_at`);
  const unlisted = db.prepare(
    `DELETE FROM business_units WHERE profile_id = ? AND id NOT IN (SELECT value FROM json_each(?))`,
  );
  const fetched =
    db.prepare(`INSERT INTO business_units (profile_id, id, name, time_zone, start_day_of_week, listed_at, fetched_at)
    VALUES (@profileId, @id, @name, @timeZone, @startDayOfWeek, @fetchedAt, @fetchedAt)
    ON CONFLICT (profile_id, id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,
      start_day_of_week = excluded.start_day_of_week, fetched_at = excluded.fetched_at`);
  const unit =
    db.prepare(`INSERT INTO management_units (id, business_unit_id, name, time_zone, fetched_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET business_unit_id = excluded.business_unit_id, name = excluded.name,
      time_zone = excluded.time_zone, fetched_at = excluded.fetched_at`);
  const goneUnits = db.prepare(
    `DELETE FROM management_units WHERE business_unit_id = ? AND id NOT IN (SELECT value FROM json_each(?))`,
  );
  const code =
    db.prepare(`INSERT INTO activity_codes (id, business_unit_id, name, category, paid, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (business_unit_id, id) DO UPDATE SET name = excluded.name, category = excluded.category,
      paid = excluded.paid, fetched_at = excluded.fetched_at`);
  const goneCodes = db.prepare(
    `DELETE FROM activity_codes WHERE business_unit_id = ? AND id NOT IN (SELECT value FROM json_each(?))`,
  );
  const agent =
    db.prepare(`INSERT INTO agents (id, business_unit_id, management_unit_id, name, email, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET business_unit_id = excluded.business_unit_id, management_unit_id = excluded.management_unit_id,
      name = excluded.name, email = excluded.email, fetched_at = excluded.fetched_at`);
  const membership = db.prepare(`UPDATE agents SET business_unit_id = ?, management_unit_id = ? WHERE id = ?`);
  const named = db.prepare<[string, string, string], { id: string }>(
    `SELECT id FROM agents WHERE id IN (SELECT value FROM json_each(?)) AND business_unit_id = ? AND fetched_at >= ?`,
  );
  const known = db.prepare<[string], { id: string }>(
    'SELECT id FROM agents WHERE id IN (SELECT value FROM json_each(?))',
  );

  return {
    /** What GET /businessunits answered for a profile; units no longer listed leave the list (their schedules stay). */
    saveListed: db.transaction((profileId: string, units: Array<{ id: string; name: string }>, listedAt: string) => {
      for (const u of units) listed.run(profileId, u.id, u.name, listedAt);
      unlisted.run(profileId, JSON.stringify(units.map((u) => u.id)));
    }),

    saveBusinessUnit(record: BusinessUnitRecord): void {
      fetched.run(record);
    },

    /** Replaces the unit's management units: one deleted in Genesys must not linger as a filter. */
    replaceManagementUnits: db.transaction(
      (businessUnitId: string, units: ManagementUnitRecord[], fetchedAt: string) => {
        for (const u of units) unit.run(u.id, businessUnitId, u.name, u.timeZone, fetchedAt);
        goneUnits.run(businessUnitId, JSON.stringify(units.map((u) => u.id)));
      },
    ),

    replaceActivityCodes: db.transaction((businessUnitId: string, codes: ActivityCodeRecord[], fetchedAt: string) => {
      for (const c of codes) code.run(c.id, businessUnitId, c.name, c.category, bool(c.paid), fetchedAt);
      goneCodes.run(businessUnitId, JSON.stringify(codes.map((c) => c.id)));
    }),

    /** Agents are never deleted: one who left still has shifts in mirrored schedules. */
    saveAgents: db.transaction((businessUnitId: string, agents: AgentRecord[], fetchedAt: string) => {
      for (const a of agents) agent.run(a.id, businessUnitId, a.managementUnitId, a.name, a.email, fetchedAt);
    }),

    /** Membership moves between MUs without a name lookup; the "as of" stays that of the name. */
    assignAgents: db.transaction(
      (businessUnitId: string, members: Array<{ id: string; managementUnitId: string | null }>) => {
        for (const m of members) membership.run(businessUnitId, m.managementUnitId, m.id);
      },
    ),

    /** Of `ids`, those whose name is missing or older than `fetchedSince` (ISO): they need a /users lookup. */
    agentsNeedingNames(businessUnitId: string, ids: readonly string[], fetchedSince: string): string[] {
      const fresh = new Set(named.all(JSON.stringify(ids), businessUnitId, fetchedSince).map((r) => r.id));
      return ids.filter((id) => !fresh.has(id));
    },

    /** Of `ids`, those the mirror has never named (in any business unit). */
    unknownAgents(ids: readonly string[]): string[] {
      const have = new Set(known.all(JSON.stringify(ids)).map((r) => r.id));
      return [...new Set(ids)].filter((id) => !have.has(id));
    },
  };
}

export type BusinessUnitStore = ReturnType<typeof createBusinessUnitStore>;
