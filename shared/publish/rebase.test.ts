import { describe, expect, it } from 'vitest';
import type { AgentWeek, WeekMarker, WeekShift } from './agent-week';
import { rebaseAgent, resolveConflict, type AgentRebaseInput } from './rebase';
import { agentUploadEntry } from './upload-builder';

const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, 23 + day, hour)).toISOString();
const shift = (id: string | undefined, day: number, hour: number, hours = 8, code = 'work'): WeekShift => ({
  ...(id ? { id } : {}),
  startDate: at(day, hour),
  lengthMinutes: hours * 60,
  activities: [{ startDate: at(day, hour), lengthMinutes: hours * 60, activityCodeId: code }],
});
const marker = (date: string, code = 'pto'): WeekMarker => ({
  businessUnitDate: date,
  lengthMinutes: 480,
  activityCodeId: code,
});
const week = (shifts: readonly WeekShift[], markers: readonly WeekMarker[] = []): AgentWeek => ({
  shifts,
  fullDayTimeOffMarkers: markers,
});

const base = week([shift('A', 0, 14), shift('B', 1, 14), shift('C', 2, 14)]);
const input = (mine: AgentWeek | null, theirs: AgentWeek, theirsVersion = 4): AgentRebaseInput => ({
  agentId: 'ana',
  base: { week: base, version: 3 },
  mine,
  theirs: { week: theirs, version: theirsVersion },
  history: [{ modifiedBy: 'sup-lee', modifiedAt: '2026-11-23T11:58:00Z' }],
});

describe('rebaseAgent', () => {
  it('takes theirs for an agent the change set does not edit, their edit included', () => {
    const theirs = week([shift('A', 0, 15), shift('B', 1, 14)]);
    const r = rebaseAgent(input(null, theirs));
    expect(r.outcome).toBe('unedited');
    if (r.outcome !== 'unedited') return;
    expect(r.plan.intended).toEqual(theirs);
    expect(agentUploadEntry(r.plan)).toBeNull();
  });

  it('re-applies ours as it is when the agent version did not move, on the version Genesys has', () => {
    const mine = week([shift('A', 0, 16), shift('B', 1, 14), shift('C', 2, 14)]);
    const r = rebaseAgent(input(mine, base, 3));
    expect(r.outcome).toBe('reapplied');
    if (r.outcome !== 'reapplied') return;
    expect(r.plan.intended).toEqual(mine);
    expect(r.plan.current?.version).toBe(3);
  });

  it('re-applies ours when the version moved but the content is still the base', () => {
    const mine = week([shift('A', 0, 16), shift('B', 1, 14)]);
    const r = rebaseAgent(input(mine, structuredClone(base), 7));
    expect(r.outcome).toBe('reapplied');
    if (r.outcome === 'reapplied') expect(r.plan.current?.version).toBe(7);
  });

  it('sees that Genesys already has our week, our new shift under the id Genesys gave it', () => {
    const mine = week([shift('A', 0, 14), shift('B', 1, 14), shift(undefined, 3, 14)]);
    const theirs = week([shift('A', 0, 14), shift('B', 1, 14), shift('g-77', 3, 14)]);
    const r = rebaseAgent(input(mine, theirs));
    expect(r.outcome).toBe('alreadyApplied');
    if (r.outcome === 'alreadyApplied') expect(agentUploadEntry(r.plan)).toBeNull();
  });

  it('merges when they changed shift A and we changed shift B, naming who changed the agent', () => {
    const mine = week([shift('A', 0, 14), shift('B', 1, 16), shift('C', 2, 14)]);
    const theirs = week(
      [shift('A', 0, 14, 8, 'training'), shift('B', 1, 14), shift('C', 2, 14)],
      [marker('2026-11-28')],
    );
    const r = rebaseAgent(input(mine, theirs));
    expect(r.outcome).toBe('merged');
    if (r.outcome !== 'merged') return;
    const byId = new Map(r.plan.intended.shifts.map((s) => [s.id, s]));
    expect(byId.get('A')!.activities[0]!.activityCodeId).toBe('training');
    expect(byId.get('B')!.startDate).toBe(at(1, 16));
    expect(r.plan.intended.fullDayTimeOffMarkers).toEqual([marker('2026-11-28')]);
    expect(r.changedBy).toEqual([{ modifiedBy: 'sup-lee', modifiedAt: '2026-11-23T11:58:00Z' }]);
    expect(r.plan.current?.version).toBe(4);
  });

  it('treats the same change on both sides as agreement, and adds what only we changed', () => {
    // Both deleted B and moved C to 15:00; only they retrained A, only we add a Friday shift.
    const mine = week([shift('A', 0, 14), shift('C', 2, 15), shift(undefined, 4, 14)]);
    const theirs = week([shift('A', 0, 14, 8, 'training'), shift('C', 2, 15)]);
    const r = rebaseAgent(input(mine, theirs));
    expect(r.outcome).toBe('merged');
    if (r.outcome === 'merged') expect(r.plan.intended).toEqual(week([...theirs.shifts, shift(undefined, 4, 14)]));
  });

  it('finds our write landed even when someone edited another shift of the agent after it', () => {
    const mine = week([shift('A', 0, 16), shift('B', 1, 14), shift('C', 2, 14), shift(undefined, 4, 14)]);
    const theirs = week([shift('A', 0, 16), shift('B', 1, 14, 8, 'training'), shift('C', 2, 14), shift('g-9', 4, 14)]);
    expect(rebaseAgent(input(mine, theirs)).outcome).toBe('alreadyApplied');
  });

  it('is a true conflict when both changed shift A, with theirs, mine and a merge where ours wins A', () => {
    const mine = week([shift('A', 0, 16), shift('B', 1, 14), shift('C', 2, 14)]);
    const theirs = week([shift('A', 0, 12), shift('B', 1, 14), shift('C', 2, 14, 8, 'training')]);
    const r = rebaseAgent(input(mine, theirs));
    expect(r.outcome).toBe('conflict');
    if (r.outcome !== 'conflict') return;
    expect(r.conflict.contested.shiftIds).toEqual(['A']);
    expect(r.conflict.changedBy[0]?.modifiedBy).toBe('sup-lee');
    expect(resolveConflict(r.conflict, 'theirs')!.intended).toEqual(theirs);
    expect(resolveConflict(r.conflict, 'mine')!.intended).toEqual(mine);
    const merge = resolveConflict(r.conflict, 'merge')!.intended;
    const byId = new Map(merge.shifts.map((s) => [s.id, s]));
    expect(byId.get('A')!.startDate).toBe(at(0, 16));
    expect(byId.get('C')!.activities[0]!.activityCodeId).toBe('training');
  });

  it('is a conflict with no merge when their new shift and our moved one would overlap', () => {
    const mine = week([shift('A', 0, 14), shift('B', 1, 18), shift('C', 2, 14)]);
    const theirs = week([...base.shifts, shift('g-5', 1, 23, 4)]);
    const r = rebaseAgent(input(mine, theirs));
    expect(r.outcome).toBe('conflict');
    if (r.outcome !== 'conflict') return;
    expect(r.conflict.contested.overlaps).toEqual([['B', 'g-5']]);
    expect(r.conflict.merge).toBeNull();
    expect(resolveConflict(r.conflict, 'merge')).toBeNull();
  });

  it('sends a shift of ours that they deleted as a new one when the supervisor keeps mine', () => {
    const mine = week([shift('A', 0, 16), shift('B', 1, 14), shift('C', 2, 14)]);
    const theirs = week([shift('B', 1, 14), shift('C', 2, 14)]);
    const r = rebaseAgent(input(mine, theirs));
    expect(r.outcome).toBe('conflict');
    if (r.outcome !== 'conflict') return;
    expect(r.conflict.contested.shiftIds).toEqual(['A']);
    const plan = resolveConflict(r.conflict, 'mine')!;
    const entry = agentUploadEntry(plan)!;
    expect(entry.shifts!.filter((s) => s.id === undefined).map((s) => s.startDate)).toEqual([at(0, 16)]);
    expect(entry.metadata).toEqual({ version: 4 });
  });

  it('contests a marker date both set differently, and merges markers on different dates', () => {
    const mine = week(base.shifts, [marker('2026-11-27')]);
    expect(rebaseAgent(input(mine, week(base.shifts, [marker('2026-11-28')]))).outcome).toBe('merged');
    const r = rebaseAgent(input(mine, week(base.shifts, [marker('2026-11-27', 'sick')])));
    expect(r.outcome === 'conflict' && r.conflict.contested.markerDates).toEqual(['2026-11-27']);
  });
});
