/**
 * The week's activities come from the timeline's packed weeks, and from the
 * activity rows when a packed week cannot be read or does not hold every
 * shift: both paths give the same input, activity for activity.
 */
import { describe, expect, it } from 'vitest';
import type { AgentSchedule } from '../genesys/client/schemas';
import { agentSchedule, businessUnitId, mirroredUnit, weekDate, writeSchedule } from '../../test/mirror/edits-fixtures';
import { loadAnalysisInput } from './analysis-input';

const context = { now: '2026-11-23T12:00:00.000Z', viewerTimeZone: 'America/Chicago' };

/** Agent a-n with a shift Genesys sent without an id, and a naive (offset-less) start. */
function unusual(n: number): AgentSchedule {
  const week = agentSchedule(n);
  const naive = {
    startDate: '2026-11-26T14:00:00',
    lengthMinutes: 120,
    activities: [
      { startDate: '2026-11-26T14:00:00.000Z', lengthMinutes: 60, activityCodeId: 'on-queue' },
      { startDate: '2026-11-26T15:00:00.000Z', lengthMinutes: 60, activityCodeId: 'meeting' },
    ],
  };
  return { ...week, shifts: [...week.shifts, naive] };
}

function mirror() {
  const unit = mirroredUnit(3);
  writeSchedule(unit.db, { agents: [agentSchedule(1), unusual(2), agentSchedule(3, 1, 9)] });
  return unit;
}

/** Each shift's activities as the activity rows hold them, in order. */
function rowActivities(db: ReturnType<typeof mirror>['db']) {
  return db
    .prepare(
      `SELECT s.agent_id AS agentId, s.start_date AS shiftStart, a.start_ms AS startMs, a.length_minutes AS lengthMinutes,
         a.activity_code_id AS activityCodeId FROM shifts s JOIN activities a ON a.shift_key = s.key ORDER BY s.agent_id, s.start_ms, a.seq`,
    )
    .all() as Array<{
    agentId: string;
    shiftStart: string;
    startMs: number;
    lengthMinutes: number;
    activityCodeId: string;
  }>;
}

function flatten(input: NonNullable<ReturnType<typeof loadAnalysisInput>>) {
  return [...input.shifts!]
    .sort((a, b) => a.agentId.localeCompare(b.agentId) || Date.parse(a.startDate) - Date.parse(b.startDate))
    .flatMap((s) =>
      s.activities.map((a) => ({
        agentId: s.agentId,
        shiftStart: s.startDate,
        startMs: Date.parse(a.startDate),
        lengthMinutes: a.lengthMinutes,
        activityCodeId: a.activityCodeId,
      })),
    );
}

describe('loadAnalysisInput', () => {
  it("reads every shift's activities from the packed weeks as the rows hold them, naive starts and missing ids kept", () => {
    const { db } = mirror();
    const input = loadAnalysisInput(db, businessUnitId, weekDate, context)!;
    expect(flatten(input)).toEqual(rowActivities(db));
    const naive = input.shifts!.find((s) => s.startDate === '2026-11-26T14:00:00')!;
    expect(naive.id).toMatch(/^mirror-shift-\d+$/);
    expect(naive.activities.map((a) => a.startDate)).toEqual(['2026-11-26T14:00:00.000Z', '2026-11-26T15:00:00.000Z']);
  });

  it.each([
    ['damaged', `UPDATE timeline_weeks SET packed = x'09' WHERE agent_id = 'a-2'`],
    ['missing', `DELETE FROM timeline_weeks WHERE agent_id = 'a-3'`],
    [
      'of other rows',
      `UPDATE timeline_weeks SET packed = (SELECT packed FROM timeline_weeks WHERE agent_id = 'a-1') WHERE agent_id = 'a-2'`,
    ],
  ])('falls back to the activity rows when a packed week is %s, with the same input', (_, spoil) => {
    const { db } = mirror();
    const fromPacked = loadAnalysisInput(db, businessUnitId, weekDate, context)!;
    db.prepare(spoil).run();
    const fromRows = loadAnalysisInput(db, businessUnitId, weekDate, context)!;
    expect(fromRows).toEqual(fromPacked);
    expect(flatten(fromRows)).toEqual(rowActivities(db));
  });
});
