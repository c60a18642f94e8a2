/** A small mirror for the coverage tests: one BU in Chicago, four agents, schedules written through the store. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { AgentSchedule } from '../../genesys/client/schemas';
import { createBusinessUnitStore } from '../business-unit-store';
import { openDatabase } from '../database';
import { createScheduleStore } from '../schedule-store';

export const zone = 'America/Chicago';
const at = '2026-11-20T12:00:00.000Z';
export const local = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
const iso = (ms: number) => new Date(ms).toISOString();

export type Block = [string, number, string]; // local start, minutes, code

/** An agent schedule of shifts made of contiguous activities. */
export function agent(id: string, shifts: Block[][]): AgentSchedule {
  return {
    user: { id },
    metadata: { version: 1 },
    fullDayTimeOffMarkers: [],
    shifts: shifts.map((blocks, n) => {
      const start = local(blocks[0]![0]);
      return {
        id: `${id}-${n}`,
        startDate: iso(start),
        lengthMinutes: blocks.reduce((m, b) => m + b[1], 0),
        manuallyEdited: false,
        activities: blocks.map(([s, minutes, code]) => ({
          startDate: iso(local(s)),
          lengthMinutes: minutes,
          activityCodeId: code,
          paid: true,
        })),
      };
    }),
  } as AgentSchedule;
}

export function mirror() {
  const { db } = openDatabase(mkdtempSync(path.join(tmpdir(), 'pd-coverage-')));
  const units = createBusinessUnitStore(db);
  units.saveBusinessUnit({
    profileId: 'p',
    id: 'bu',
    name: 'BU',
    timeZone: zone,
    startDayOfWeek: 'Monday',
    fetchedAt: at,
  });
  units.replaceActivityCodes(
    'bu',
    [
      { id: 'queue', name: 'On Queue', category: 'OnQueueWork', paid: true },
      { id: 'chat', name: 'Chat', category: 'OnQueueWork', paid: true },
      { id: 'break', name: 'Break', category: 'Break', paid: true },
      { id: 'meeting', name: 'Meeting', category: 'Meeting', paid: true },
    ],
    at,
  );
  units.saveAgents(
    'bu',
    ['ana', 'bea', 'cy', 'dee'].map((id) => ({ id, name: id, managementUnitId: 'mu', email: null })),
    at,
  );
  const schedules = createScheduleStore(db);
  const write = (id: string, weekDate: string, weekCount: number, agents: AgentSchedule[]) =>
    schedules.write({
      businessUnitId: 'bu',
      header: { id, weekDate, weekCount, published: true, description: id, metadata: { version: 1 } },
      managementUnits: [{ managementUnitId: 'mu', agentSchedules: agents }],
      fetchedAt: at,
    });
  return { db, write };
}
