/**
 * Which schedule and agents an edit call is about, checked against the
 * mirror before anything is computed: a unit not mirrored for the
 * connection, a schedule of another unit, or an agent the unit does not
 * have is a clear badInput, never an empty edit.
 */
import type Database from 'better-sqlite3';
import { badInput } from '../../../shared/ops-error';
import type { AgentWeek } from '../../../shared/publish/agent-week';
import type { MirroredAgentWeek } from '../../mirror/edits/agent-weeks';
import { readAgentWeeks } from '../../mirror/edits/kept-weeks';
import { prepared } from '../../mirror/statement-cache';
import type { UnitContext } from './changes-for';

export interface ScheduleRef {
  profileId: string;
  businessUnitId: string;
  scheduleId: string;
}

export interface MirroredSchedule {
  businessUnitId: string;
  scheduleId: string;
  weekDate: string;
  version: number;
  published: boolean;
}

const emptyWeek: AgentWeek = { shifts: [], fullDayTimeOffMarkers: [] };

export function editScope(db: Database.Database) {
  const sql = (text: string) => prepared(db, text);

  function checkUnit(profileId: string, businessUnitId: string): void {
    if (!sql('SELECT 1 FROM business_units WHERE profile_id = ? AND id = ?').get(profileId, businessUnitId))
      throw badInput(
        `Business unit ${businessUnitId} is not mirrored for this connection. Sync it first (Schedules screen, or \`publish-desk sync\`).`,
      );
  }

  /** The schedule as mirrored now, or null when the mirror no longer has it (Genesys deleted it since). */
  function mirrored(ref: ScheduleRef): MirroredSchedule | null {
    checkUnit(ref.profileId, ref.businessUnitId);
    const row = sql(
      'SELECT business_unit_id AS bu, week_date AS weekDate, version, published FROM schedules WHERE id = ?',
    ).get(ref.scheduleId) as { bu: string; weekDate: string; version: number; published: number } | undefined;
    if (row && row.bu !== ref.businessUnitId)
      throw badInput(`Schedule ${ref.scheduleId} belongs to another business unit than ${ref.businessUnitId}.`);
    if (!row) return null;
    return { ...ref, weekDate: row.weekDate, version: row.version, published: row.published === 1 };
  }

  /** A schedule an edit can be made on: it must be in the mirror, with its version. */
  function editable(ref: ScheduleRef): MirroredSchedule {
    const schedule = mirrored(ref);
    if (!schedule)
      throw badInput(
        `Schedule ${ref.scheduleId} is not in the mirror of business unit ${ref.businessUnitId}. Sync its week, then edit it.`,
      );
    return schedule;
  }

  /** Refuses agents the unit does not know (neither on its roster nor in the schedule). */
  function checkAgents(schedule: MirroredSchedule, agentIds: readonly string[]): void {
    const known = new Set(
      // `+business_unit_id`: look each agent up by id; the planner otherwise walks the unit's whole roster
      // by name (5,000 rows for a one-agent edit).
      sql(`SELECT id FROM agents WHERE +business_unit_id = @bu AND id IN (SELECT value FROM json_each(@agents))
        UNION SELECT agent_id FROM agent_schedules WHERE schedule_id = @schedule AND agent_id IN (SELECT value FROM json_each(@agents))`)
        .pluck()
        .all({
          bu: schedule.businessUnitId,
          schedule: schedule.scheduleId,
          agents: JSON.stringify(agentIds),
        }) as string[],
    );
    const unknown = agentIds.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw badInput(
        `Business unit ${schedule.businessUnitId} has no agent ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` (and ${unknown.length - 5} more)` : ''}.`,
      );
  }

  /**
   * For holdBack: the week each agent sees now, from the unit's published
   * schedule of the same week (null: none). Read for all `agentIds` when
   * first asked, not before: every other edit kind leaves it unread.
   */
  function publishedWeeks(
    schedule: MirroredSchedule,
    agentIds: readonly string[],
  ): (agentId: string) => AgentWeek | null {
    let weeks: Map<string, MirroredAgentWeek> | undefined;
    const read = () => {
      const publishedId = schedule.published
        ? schedule.scheduleId
        : (sql(
            'SELECT id FROM schedules WHERE business_unit_id = ? AND week_date = ? AND published = 1 ORDER BY modified_at DESC LIMIT 1',
          )
            .pluck()
            .get(schedule.businessUnitId, schedule.weekDate) as string | undefined);
      return publishedId ? readAgentWeeks(db, publishedId, agentIds) : new Map<string, MirroredAgentWeek>();
    };
    return (agentId) => (weeks ??= read()).get(agentId)?.week ?? null;
  }

  /** The unit's zone and activity codes, and the agents' names: what the edit functions and their words need. */
  function unitContext(
    businessUnitId: string,
    agentIds: readonly string[],
    publishedWeek: UnitContext['publishedWeek'],
  ): UnitContext {
    const timeZone = sql('SELECT time_zone FROM business_units WHERE id = ? AND time_zone IS NOT NULL LIMIT 1')
      .pluck()
      .get(businessUnitId) as string | undefined;
    if (!timeZone) throw badInput(`Business unit ${businessUnitId} was never synced, so its time zone is unknown.`);
    const activityCodes = sql(
      "SELECT id, name, coalesce(category, '') AS category FROM activity_codes WHERE business_unit_id = ? ORDER BY id",
    ).all(businessUnitId) as UnitContext['activityCodes'];
    const names = agentNames(agentIds);
    return { timeZone, activityCodes, publishedWeek, agentName: (id) => names.get(id) };
  }

  function agentNames(agentIds: readonly string[]): Map<string, string> {
    const rows = sql('SELECT id, name FROM agents WHERE id IN (SELECT value FROM json_each(?))').all(
      JSON.stringify(agentIds),
    ) as Array<{ id: string; name: string }>;
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  function agentVersions(scheduleId: string, agentIds: readonly string[]): Map<string, number> {
    const rows = sql(
      'SELECT agent_id AS id, version FROM agent_schedules WHERE schedule_id = ? AND agent_id IN (SELECT value FROM json_each(?))',
    ).all(scheduleId, JSON.stringify(agentIds)) as Array<{ id: string; version: number }>;
    return new Map(rows.map((r) => [r.id, r.version]));
  }

  return { checkUnit, mirrored, editable, checkAgents, publishedWeeks, unitContext, agentVersions, emptyWeek };
}
