/** edits.fix on the service: a planted overlap's one-click fix as one edit with the finding as source, never twice. */
import { describe, expect, it } from 'vitest';
import { loadAnalysisInput } from '../../main/mirror/analysis-input';
import { createWeekAnalysisStore } from '../../main/mirror/week-analyses';
import { createEditsService } from '../../main/services/edits/edits-service';
import { createEventHub } from '../../main/services/event-hub';
import { analyze } from '../../shared/analysis/analyze';
import { OpsError } from '../../shared/ops-error';
import {
  agentSchedule,
  businessUnitId,
  draftId,
  mirroredUnit,
  profileId,
  weekDate,
  writeSchedule,
} from './edits-fixtures';

/** Agent a-1 gets a second Tuesday shift starting four hours into the first: a shiftOverlap finding, analysed and stored. */
function plantedOverlap() {
  const unit = mirroredUnit(2);
  unit.db
    .prepare(
      `INSERT INTO management_units (id, business_unit_id, name, time_zone, fetched_at) VALUES ('mu-1', ?, 'Support', 'America/Chicago', '2026-11-23T08:00:00.000Z')`,
    )
    .run(businessUnitId);
  const overlapping = agentSchedule(1);
  overlapping.shifts.push({
    id: 'shift-1-late',
    startDate: '2026-11-24T18:00:00.000Z',
    lengthMinutes: 480,
    activities: [{ startDate: '2026-11-24T18:00:00.000Z', lengthMinutes: 480, activityCodeId: 'on-queue' }],
  });
  writeSchedule(unit.db, { agents: [overlapping, agentSchedule(2)] });
  const input = loadAnalysisInput(unit.db, businessUnitId, weekDate, {
    now: '2026-11-23T10:00:00.000Z',
    viewerTimeZone: 'America/Chicago',
  })!;
  const findings = analyze(input);
  createWeekAnalysisStore(unit.db).save({
    businessUnit: { id: businessUnitId, timeZone: 'America/Chicago' },
    week: weekDate,
    findings,
    analysedAt: '2026-11-23T10:00:00.000Z',
  });
  const overlap = findings.find((f) => f.kind === 'shiftOverlap' && f.agentId === 'a-1')!;
  expect(overlap).toBeDefined();
  return { ...unit, overlap, edits: createEditsService({ db: unit.db, events: createEventHub() }) };
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof OpsError ? `${err.category}: ${err.message}` : String(err);
  }
  return 'no error';
};

describe('edits.fix', () => {
  it('applies the default fix as one edit with the finding as its source, and refuses to fix it twice', () => {
    const { edits, overlap } = plantedOverlap();
    const args = { profileId, businessUnitId, week: weekDate, findingId: overlap.id };
    const dry = edits.fix({ ...args, dryRun: true });
    expect(dry.edit).toBeNull();
    expect(dry.options.length).toBeGreaterThan(0);
    expect(dry.label).toBe(`${dry.options[0]} of Agent 0001`);
    const fixed = edits.fix(args);
    expect(fixed).toMatchObject({ scheduleId: draftId, count: 1, findingId: overlap.id, label: dry.label });
    expect(fixed.edit).toMatchObject({ source: { type: 'fix', findingId: overlap.id }, agentIds: ['a-1'] });
    expect(fixed.changes[0]!.after).toEqual(dry.changes[0]!.after);
    // The fixed week no longer overlaps: its shifts follow one another.
    const shifts = fixed.changes[0]!.after.shifts.map((s): [number, number] => [
      Date.parse(s.startDate),
      Date.parse(s.startDate) + s.lengthMinutes * 60_000,
    ]);
    for (let i = 1; i < shifts.length; i++) expect(shifts[i]![0]).toBeGreaterThanOrEqual(shifts[i - 1]![1]);
    expect(refusal(() => edits.fix(args))).toMatch(/^badInput: .*fixed already/);
    expect(edits.list({ profileId, businessUnitId, scheduleId: draftId }).count).toBe(1);
  });

  it('refuses an unknown finding, a week never analysed, and an option the finding does not offer', () => {
    const { edits, overlap } = plantedOverlap();
    const args = { profileId, businessUnitId, week: weekDate, findingId: overlap.id };
    expect(refusal(() => edits.fix({ ...args, findingId: 'nope' }))).toMatch(/^badInput: .*no finding nope/);
    expect(refusal(() => edits.fix({ ...args, week: '2026-11-30' }))).toMatch(/^badInput: .*not been analysed/);
    expect(refusal(() => edits.fix({ ...args, option: 9 }))).toMatch(/^badInput: .*option 9 is not one of them/);
    expect(refusal(() => edits.fix({ ...args, profileId: 'other' }))).toMatch(/^badInput: .*not mirrored/);
    expect(edits.list({ profileId, businessUnitId, scheduleId: draftId }).count).toBe(0);
  });
});
