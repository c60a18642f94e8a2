/**
 * A small mirrored business unit for the change-set tests: a unit listed for
 * a profile, a roster, and schedules written by the real schedule store (so
 * the tests see what a sync leaves), without a sandbox.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { AgentSchedule } from '../../main/genesys/client/schemas';
import { openDatabase } from '../../main/mirror/database';
import { createScheduleStore, type ScheduleSnapshot } from '../../main/mirror/schedule-store';
import { generateOrg } from '../../main/sandbox/org/generator';
import type { ScheduleState } from '../../main/sandbox/org/model';
import type { AgentChange } from '../../shared/edits/types';
import type { AgentWeek } from '../../shared/publish/agent-week';

export const profileId = 'p-1';
export const businessUnitId = 'bu-1';
export const draftId = 'draft-1';
export const publishedId = 'published-1';
export const weekDate = '2026-11-23';

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'pd-edits-'));
}

/** Agent `a-<n>`: two shifts (Tue and Wed), each with an on-queue block and a break, and a day off on Fri. */
export function agentSchedule(n: number, version = 1, startHour = 14): AgentSchedule {
  const day = (d: number) =>
    `2026-11-${String(24 + d).padStart(2, '0')}T${String(startHour).padStart(2, '0')}:00:00.000Z`;
  const shift = (d: number) => ({
    id: `shift-${n}-${d}`,
    startDate: day(d),
    lengthMinutes: 480,
    activities: [
      { startDate: day(d), lengthMinutes: 240, activityCodeId: 'on-queue', paid: true },
      {
        startDate: new Date(Date.parse(day(d)) + 240 * 60_000).toISOString(),
        lengthMinutes: 30,
        activityCodeId: 'break',
        paid: false,
        description: 'Lunch',
      },
    ],
  });
  return {
    user: { id: `a-${n}` },
    metadata: { version },
    shifts: [shift(0), shift(1)],
    fullDayTimeOffMarkers: [
      { businessUnitDate: '2026-11-27', lengthMinutes: 480, activityCodeId: 'vacation', timeOffRequestId: `tor-${n}` },
    ],
  };
}

export function writeSchedule(
  db: Database.Database,
  opts: { id?: string; version?: number; published?: boolean; agents: AgentSchedule[] },
): void {
  createScheduleStore(db).write({
    businessUnitId,
    header: {
      id: opts.id ?? draftId,
      weekDate,
      weekCount: 1,
      published: opts.published ?? false,
      description: 'Week of 2026-11-23',
      metadata: { version: opts.version ?? 1 },
    },
    managementUnits: [{ managementUnitId: 'mu-1', agentSchedules: opts.agents }],
    fetchedAt: '2026-11-23T08:00:00.000Z',
  });
}

/** A unit listed for the profile with `agents` agents on its roster and a draft of them at version 1. */
export function mirroredUnit(agents: number, dataDir = tempDir()): { db: Database.Database; dataDir: string } {
  const { db } = openDatabase(dataDir);
  db.prepare(
    `INSERT INTO business_units (profile_id, id, name, time_zone, start_day_of_week, listed_at, fetched_at)
     VALUES (?, ?, 'Chicago', 'America/Chicago', 'Monday', '2026-11-23T08:00:00.000Z', '2026-11-23T08:00:00.000Z')`,
  ).run(profileId, businessUnitId);
  const roster = db.prepare(
    `INSERT INTO agents (id, business_unit_id, management_unit_id, name, fetched_at) VALUES (?, ?, 'mu-1', ?, '2026-11-23T08:00:00.000Z')`,
  );
  for (let n = 1; n <= agents; n++) roster.run(`a-${n}`, businessUnitId, `Agent ${String(n).padStart(4, '0')}`);
  const code = db.prepare(
    `INSERT INTO activity_codes (id, business_unit_id, name, category, paid, fetched_at) VALUES (?, ?, ?, ?, ?, '2026-11-23T08:00:00.000Z')`,
  );
  for (const [id, name, category, paid] of [
    ['on-queue', 'On queue', 'OnQueueWork', 1],
    ['break', 'Break', 'Break', 0],
    ['meeting', 'Team meeting', 'Meeting', 1],
    ['vacation', 'Vacation', 'TimeOff', 1],
  ] as const)
    code.run(id, businessUnitId, name, category, paid);
  writeSchedule(db, { agents: Array.from({ length: agents }, (_, i) => agentSchedule(i + 1)) });
  return { db, dataDir };
}

/** The change "drop the agent's first shift", computed by hand from a week. */
export function dropFirstShift(agentId: string, week: AgentWeek, baseAgentVersion: number | null): AgentChange {
  return { agentId, baseAgentVersion, before: week, after: { ...week, shifts: week.shifts.slice(1) } };
}

const generatedAt = new Date('2026-11-23T12:00:00Z');

/** A generated org's schedules written through the schedule store, as a sync leaves them. */
export function generatedMirror(agents: number, tweak?: (schedules: ScheduleState[]) => void) {
  const { db } = mirroredUnit(0);
  const { org } = generateOrg({ seed: 3, agents, weeks: 2, now: generatedAt });
  const bu = [...org.businessUnits.values()][0]!;
  // Changed in the org before the sync writes it: rows and packed weeks alike.
  tweak?.([...bu.schedules.values()]);
  const store = createScheduleStore(db);
  for (const s of bu.schedules.values()) store.write(syncedSnapshot(businessUnitId, s, generatedAt.toISOString()));
  return { db, schedules: [...bu.schedules.values()] };
}

/** A sandbox schedule as a sync's snapshot of it: its agents by management unit, in the query's shape. */
export function syncedSnapshot(businessUnitId: string, s: ScheduleState, fetchedAt: string): ScheduleSnapshot {
  const byUnit = new Map<string, unknown[]>();
  for (const a of s.agentSchedules.values()) {
    const list = byUnit.get(a.managementUnitId) ?? [];
    list.push({
      user: { id: a.userId },
      metadata: { version: a.version },
      shifts: a.shifts,
      fullDayTimeOffMarkers: a.fullDayTimeOffMarkers,
    });
    byUnit.set(a.managementUnitId, list);
  }
  return {
    businessUnitId,
    header: {
      id: s.id,
      weekDate: s.weekDate,
      weekCount: s.weekCount,
      published: s.published,
      description: s.description,
      metadata: { version: s.version, dateModified: s.dateModified },
    },
    managementUnits: [...byUnit].map(([managementUnitId, agentSchedules]) => ({ managementUnitId, agentSchedules })),
    fetchedAt,
  } as unknown as ScheduleSnapshot;
}
