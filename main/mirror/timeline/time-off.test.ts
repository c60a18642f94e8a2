import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgentSchedule } from '../../genesys/client/schemas';
import { createBusinessUnitStore } from '../business-unit-store';
import { openDatabase } from '../database';
import { createScheduleStore } from '../schedule-store';
import { queryTimeline } from './window-query';

/** A Chicago unit with one agent off (full days) around the end of daylight saving time, 2026-11-01. */
function mirror(timeZone: string) {
  const { db } = openDatabase(mkdtempSync(path.join(tmpdir(), 'pd-time-off-')));
  createBusinessUnitStore(db).saveBusinessUnit({
    profileId: 'p',
    id: 'bu',
    name: 'Chicago',
    timeZone,
    startDayOfWeek: 'Monday',
    fetchedAt: '2026-10-20T00:00:00Z',
  });
  db.prepare(
    "INSERT INTO agents (id, business_unit_id, management_unit_id, name, fetched_at) VALUES ('ana', 'bu', 'mu', 'Ana', '2026-10-20T00:00:00Z')",
  ).run();
  const ana: AgentSchedule = {
    user: { id: 'ana' },
    metadata: { version: 1 },
    shifts: [],
    fullDayTimeOffMarkers: ['2026-10-31', '2026-11-01', '2026-11-02'].map((businessUnitDate) => ({
      businessUnitDate,
      startOffsetMinutes: 0,
      lengthMinutes: 480,
      activityCodeId: 'vacation',
    })),
  };
  createScheduleStore(db).write({
    businessUnitId: 'bu',
    header: { id: 'week', weekDate: '2026-10-26', weekCount: 2, published: true, metadata: { version: 1 } },
    managementUnits: [{ managementUnitId: 'mu', agentSchedules: [ana] }],
    fetchedAt: '2026-10-20T00:00:00Z',
  });
  return db;
}

const window = (db: ReturnType<typeof mirror>, from: string, to: string) =>
  queryTimeline(db, {
    businessUnitId: 'bu',
    from: Date.parse(from),
    to: Date.parse(to),
    offset: 0,
    limit: 10,
  }).agents[0]!.timeOff.map((t) => [t.businessUnitDate, new Date(t.startMs).toISOString()]);

describe('full-day time off on the timeline', () => {
  it("starts at the unit's local midnight on each side of a DST change", () => {
    expect(window(mirror('America/Chicago'), '2026-10-30T00:00:00Z', '2026-11-04T00:00:00Z')).toEqual([
      ['2026-10-31', '2026-10-31T05:00:00.000Z'],
      ['2026-11-01', '2026-11-01T05:00:00.000Z'],
      ['2026-11-02', '2026-11-02T06:00:00.000Z'],
    ]);
  });

  it('keeps to the window, cut in instants', () => {
    expect(window(mirror('America/Chicago'), '2026-11-01T12:00:00Z', '2026-11-02T06:00:00Z')).toEqual([
      ['2026-11-01', '2026-11-01T05:00:00.000Z'],
    ]);
  });

  it('reads a unit zone it does not know as UTC rather than failing the window', () => {
    expect(window(mirror('Mars/Olympus_Mons'), '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual([
      ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ]);
  });
});
