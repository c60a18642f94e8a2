/**
 * What a publish starts from, read from the mirror: the schedule (its
 * version and whether it is published), and every agent the pending change
 * set edits, with the base week and agent version the first edit was made
 * on and the week the edits give them. Agents held back by an edit are left
 * out: this publish sends nothing for them, so they stay as published now.
 */
import type Database from 'better-sqlite3';
import { badInput } from '../../shared/ops-error';
import type { StartAgent } from '../../shared/publish/machine-events';
import { createChangeSetStore } from '../mirror/edits';
import { prepared } from '../mirror/statement-cache';

export interface MirroredPublishSchedule {
  scheduleId: string;
  weekDate: string;
  version: number;
  published: boolean;
}

/** The schedule to publish: the one named, or the week's only schedule with pending edits (else the only one). */
export function scheduleToPublish(
  db: Database.Database,
  businessUnitId: string,
  weekDate: string,
  scheduleId?: string,
): MirroredPublishSchedule {
  const rows = prepared(
    db,
    `SELECT id AS scheduleId, week_date AS weekDate, version, published,
      EXISTS (SELECT 1 FROM pending_edits e WHERE e.schedule_id = s.id AND e.state = 'applied') AS edited
     FROM schedules s WHERE business_unit_id = ? AND week_date = ? ORDER BY id`,
  ).all(businessUnitId, weekDate) as Array<
    Omit<MirroredPublishSchedule, 'published'> & { published: number; edited: number }
  >;
  const shaped = (r: (typeof rows)[number]) => ({ ...r, published: r.published === 1 });
  if (scheduleId) {
    const found = rows.find((r) => r.scheduleId === scheduleId);
    if (!found)
      throw badInput(
        `Schedule ${scheduleId} is not in the mirror for the week of ${weekDate} of business unit ${businessUnitId}. Sync that week, then publish.`,
      );
    return shaped(found);
  }
  if (rows.length === 0)
    throw badInput(`The week of ${weekDate} is not in the mirror of business unit ${businessUnitId}. Sync it first.`);
  const edited = rows.filter((r) => r.edited === 1);
  const pick = edited.length === 1 ? edited[0] : rows.length === 1 ? rows[0] : undefined;
  if (!pick)
    throw badInput(
      `The week of ${weekDate} has ${rows.length} schedules (${rows.map((r) => r.scheduleId).join(', ')}): name the one to publish.`,
    );
  return shaped(pick);
}

/** The agents of the change set, as the machine's `start` takes them. */
export function startAgents(db: Database.Database, scheduleId: string): StartAgent[] {
  const store = createChangeSetStore(db);
  const bases = new Map(store.baseWeeks(scheduleId).map((b) => [b.agentId, b]));
  return store.effectiveWeeks(scheduleId).flatMap((e): StartAgent[] => {
    if (e.heldBack) return [];
    const base = bases.get(e.agentId);
    if (!base) return [];
    return [{ agentId: e.agentId, base: { week: base.week, version: base.baseAgentVersion }, mine: e.week }];
  });
}

/** Each agent's management unit in this schedule (the mirror's agent schedule, else the agent's unit). */
export function managementUnits(
  db: Database.Database,
  scheduleId: string,
  agentIds: readonly string[],
): Map<string, string> {
  const rows = prepared(
    db,
    `SELECT a.id AS agentId, coalesce(s.management_unit_id, a.management_unit_id) AS mu
     FROM agents a LEFT JOIN agent_schedules s ON s.agent_id = a.id AND s.schedule_id = @schedule
     WHERE a.id IN (SELECT value FROM json_each(@agents))`,
  ).all({ schedule: scheduleId, agents: JSON.stringify(agentIds) }) as Array<{ agentId: string; mu: string | null }>;
  return new Map(rows.filter((r) => r.mu !== null).map((r) => [r.agentId, r.mu!]));
}

/** The mirror's agents' names, by id (the editors a history names are often agents: a shift trade's). */
export function agentNames(db: Database.Database, userIds: readonly string[]): Map<string, string> {
  const rows = prepared(db, `SELECT id, name FROM agents WHERE id IN (SELECT value FROM json_each(@ids))`).all({
    ids: JSON.stringify(userIds),
  }) as Array<{ id: string; name: string }>;
  return new Map(rows.map((r) => [r.id, r.name]));
}
