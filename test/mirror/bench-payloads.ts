/**
 * Payloads for the mirror benchmarks: a 5,000-agent, 6-week sandbox read
 * once through the app's client (schedule metadata and the agent-schedule
 * query answers per MU, as sync receives them) and kept as one JSON file per
 * week, so ingest can be measured week by week without the sandbox around.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import {
  createBusinessUnitStore,
  type AgentRecord,
  type ManagementUnitRecord,
} from '../../main/mirror/business-unit-store';
import type { ScheduleSnapshot } from '../../main/mirror/schedule-store';
import { startSandbox } from '../../main/sandbox/server';
import { genesysClient } from './genesys-client';

export const benchNow = new Date('2026-11-23T12:00:00Z');

export interface ReferencePayload {
  businessUnitId: string;
  timeZone: string;
  managementUnits: ManagementUnitRecord[];
  agents: AgentRecord[];
  weeks: string[];
}

export const payloadDir = (agents: number, weeks: number) =>
  path.join(tmpdir(), 'publish-desk-bench', `sandbox-${agents}x${weeks}-seed1`);

/** Fetches the payloads unless an earlier run left them (they depend only on the seed and sizes). */
export async function preparePayloads(agents: number, weeks: number, log: (line: string) => void): Promise<string> {
  const dir = payloadDir(agents, weeks);
  if (existsSync(path.join(dir, 'reference.json'))) return dir;
  mkdirSync(dir, { recursive: true });
  const sandbox = await startSandbox({
    seed: 1,
    agents,
    weeks,
    rateLimitPerMinute: 1_000_000,
    operationDelayMs: 5,
    now: () => benchNow,
  });
  const client = genesysClient(sandbox);
  try {
    const { api } = client;
    const buId = sandbox.businessUnitId;
    const unit = await api.getBusinessUnit(buId, { expandSettings: true });
    const units = await api.getManagementUnits(buId);
    const members = (await api.getBusinessUnitUsers(buId)).flatMap((m) =>
      m.users.map((u) => ({ id: u.id, managementUnitId: m.managementUnit.id })),
    );
    const names = new Map((await api.getUsers(members.map((m) => m.id))).map((u) => [u.id, u]));
    const weekDates = sandbox.runtime.manifest.weeks.map((w) => w.weekDate);
    for (const [i, week] of sandbox.runtime.manifest.weeks.entries()) {
      const header = await api.getSchedule(buId, week.weekDate, week.scheduleId);
      const snapshot: ScheduleSnapshot = {
        businessUnitId: buId,
        header,
        managementUnits: [],
        fetchedAt: benchNow.toISOString(),
      };
      for (const mu of header.managementUnits) {
        const answer = await api.queryAgentSchedules(buId, week.weekDate, week.scheduleId, {
          managementUnitId: mu.managementUnit.id,
        });
        snapshot.managementUnits.push({
          managementUnitId: mu.managementUnit.id,
          agentSchedules: answer.agentSchedules,
        });
      }
      writeFileSync(path.join(dir, `week-${i}.json`), JSON.stringify(snapshot));
      log(
        `fetched week ${week.weekDate}: ${snapshot.managementUnits.reduce((n, m) => n + m.agentSchedules.length, 0)} agent schedules`,
      );
    }
    const reference: ReferencePayload = {
      businessUnitId: buId,
      timeZone: unit.settings!.timeZone,
      managementUnits: units.map((u) => ({ id: u.id, name: u.name ?? u.id, timeZone: u.timeZone ?? null })),
      agents: members.map((m) => ({
        id: m.id,
        managementUnitId: m.managementUnitId,
        name: names.get(m.id)?.name ?? m.id,
        email: names.get(m.id)?.email ?? null,
      })),
      weeks: weekDates,
    };
    // Written last: its presence means the folder is complete.
    writeFileSync(path.join(dir, 'reference.json'), JSON.stringify(reference));
    return dir;
  } finally {
    client.close();
    await sandbox.close();
  }
}

export function readReference(dir: string): ReferencePayload {
  return JSON.parse(readFileSync(path.join(dir, 'reference.json'), 'utf8')) as ReferencePayload;
}

export function readWeek(dir: string, index: number): ScheduleSnapshot {
  return JSON.parse(readFileSync(path.join(dir, `week-${index}.json`), 'utf8')) as ScheduleSnapshot;
}

/** The unit, its MUs and agents, as a sync's first step leaves them. */
export function saveReference(db: Database.Database, reference: ReferencePayload): void {
  const store = createBusinessUnitStore(db);
  const at = benchNow.toISOString();
  store.saveBusinessUnit({
    profileId: 'bench',
    id: reference.businessUnitId,
    name: 'Bench BU',
    timeZone: reference.timeZone,
    startDayOfWeek: 'Monday',
    fetchedAt: at,
  });
  store.replaceManagementUnits(reference.businessUnitId, reference.managementUnits, at);
  store.saveAgents(reference.businessUnitId, reference.agents, at);
}
