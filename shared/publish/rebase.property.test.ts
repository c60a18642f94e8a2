/**
 * The rebase over many seeded random agents: a base week, our edit of it and
 * another editor's. The checks read the sides' edits from the generator's own
 * log, not from week-merge's diff, so a bug cannot hide on both sides.
 */
import { describe, expect, it } from 'vitest';
import { shiftContent, markerContent, type AgentWeek, type WeekMarker, type WeekShift } from './agent-week';
import { rebaseAgent, resolveConflict } from './rebase';
import { seededRandom, type SeededRandom } from './seeded-random';
import { agentUploadEntry } from './upload-builder';

const weekStart = Date.parse('2026-11-23T06:00:00Z');
const dates = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];

/** What one side did, item by item, as the generator did it. */
interface EditLog {
  replaced: Map<string, WeekShift>;
  deleted: Set<string>;
  added: WeekShift[];
  markersSet: Map<string, WeekMarker>;
  markersDeleted: Set<string>;
}

function randomShift(r: SeededRandom, id: string | undefined): WeekShift {
  const start = weekStart + r.int(0, 6) * 86_400_000 + r.int(0, 16) * 1_800_000;
  const lengthMinutes = r.int(4, 18) * 30;
  return {
    ...(id ? { id } : {}),
    startDate: new Date(start).toISOString(),
    lengthMinutes,
    activities: [
      { startDate: new Date(start).toISOString(), lengthMinutes, activityCodeId: r.pick(['work', 'train']) },
    ],
  };
}

const randomMarker = (r: SeededRandom, date: string): WeekMarker => ({
  businessUnitDate: date,
  lengthMinutes: r.pick([240, 480]),
  activityCodeId: r.pick(['pto', 'sick']),
});

function randomBase(r: SeededRandom, seed: number): AgentWeek {
  return {
    shifts: Array.from({ length: r.int(0, 5) }, (_, i) => randomShift(r, `s${seed}-${i}`)),
    fullDayTimeOffMarkers: dates.filter(() => r.chance(0.2)).map((d) => randomMarker(r, d)),
  };
}

/** One side's edit of the base; `genesysIds` says whether its new shifts already have ids (theirs) or not (ours). */
function edit(r: SeededRandom, base: AgentWeek, genesysIds: string | null): { week: AgentWeek; log: EditLog } {
  const log: EditLog = {
    replaced: new Map(),
    deleted: new Set(),
    added: [],
    markersSet: new Map(),
    markersDeleted: new Set(),
  };
  const shifts: WeekShift[] = [];
  for (const s of base.shifts) {
    const roll = r.next();
    if (roll < 0.15) log.deleted.add(s.id!);
    else if (roll < 0.35) {
      const moved = { ...randomShift(r, s.id), id: s.id! };
      shifts.push(moved);
      log.replaced.set(s.id!, moved);
    } else shifts.push(s);
  }
  for (let i = 0; i < r.int(0, 2); i++) {
    const added = randomShift(r, genesysIds ? `${genesysIds}-${i}` : undefined);
    shifts.push(added);
    log.added.push(added);
  }
  const markers = new Map(base.fullDayTimeOffMarkers.map((m) => [m.businessUnitDate, m]));
  for (const d of dates) {
    if (!r.chance(0.15)) continue;
    if (markers.has(d) && r.chance(0.5)) {
      markers.delete(d);
      log.markersDeleted.add(d);
    } else {
      const m = randomMarker(r, d);
      markers.set(d, m);
      log.markersSet.set(d, m);
    }
  }
  return { week: { shifts, fullDayTimeOffMarkers: [...markers.values()] }, log };
}

const hasContent = (w: AgentWeek, s: WeekShift) => w.shifts.some((x) => shiftContent(x, s) === shiftContent(s));

function expectOursIn(intended: AgentWeek, ours: EditLog) {
  for (const s of ours.replaced.values()) expect(hasContent(intended, s)).toBe(true);
  for (const id of ours.deleted) expect(intended.shifts.some((s) => s.id === id)).toBe(false);
  for (const s of ours.added) expect(hasContent(intended, s)).toBe(true);
  const markers = new Map(intended.fullDayTimeOffMarkers.map((m) => [m.businessUnitDate, m]));
  for (const [d, m] of ours.markersSet)
    expect(markers.has(d) && markerContent(markers.get(d)!, m)).toBe(markerContent(m));
  for (const d of ours.markersDeleted) expect(markers.has(d)).toBe(false);
}

/** Without a conflict nothing of theirs is contested, so all of it is kept: a contest must never pass silently. */
function expectTheirsIn(intended: AgentWeek, theirs: EditLog) {
  const byId = new Map(intended.shifts.map((s) => [s.id, s]));
  for (const [id, s] of theirs.replaced) expect(byId.get(id)).toEqual(s);
  for (const id of theirs.deleted) expect(byId.has(id)).toBe(false);
  for (const s of theirs.added) expect(byId.get(s.id)).toEqual(s);
  const markers = new Map(intended.fullDayTimeOffMarkers.map((m) => [m.businessUnitDate, m]));
  for (const [d, m] of theirs.markersSet) expect(markers.get(d)).toEqual(m);
  for (const d of theirs.markersDeleted) expect(markers.has(d)).toBe(false);
}

/** Overlapping shift pairs, by content (ids differ between sides). */
function overlaps(w: AgentWeek): Set<string> {
  const pairs = new Set<string>();
  const spans = w.shifts.map((s) => ({ key: shiftContent(s), start: Date.parse(s.startDate), len: s.lengthMinutes }));
  for (const a of spans)
    for (const b of spans)
      if (a !== b && a.start < b.start + b.len * 60_000 && b.start < a.start + a.len * 60_000)
        pairs.add([a.key, b.key].sort().join('|'));
  return pairs;
}

describe('rebaseAgent over 500 seeded agents', () => {
  it('never loses theirs, never drops ours silently, always gives a plan the builder takes, and is idempotent', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 500; seed++) {
      const r = seededRandom(seed);
      const base = randomBase(r, seed);
      const mine = edit(r, base, null);
      const theirs = edit(r, base, `g${seed}`);
      const theirsMoved = r.chance(0.8) || theirs.log.replaced.size > 0;
      const input = {
        agentId: `agent-${seed}`,
        base: { week: base, version: 5 },
        mine: r.chance(0.15) ? null : mine.week,
        theirs: { week: theirs.week, version: theirsMoved ? 6 : 5 },
      };
      if (!theirsMoved) input.theirs.week = base;
      const result = rebaseAgent(input);
      seen.add(result.outcome);
      expect(rebaseAgent(structuredClone(input))).toEqual(result);

      if (result.outcome === 'unedited') {
        expect(result.plan.intended).toEqual(input.theirs.week);
        continue;
      }
      if (result.outcome === 'conflict') {
        expect(result.conflict.mine).toEqual(mine.week);
        for (const choice of ['theirs', 'mine', 'merge'] as const) {
          const plan = resolveConflict(result.conflict, choice);
          if (!plan) continue;
          expect(() => agentUploadEntry(plan)).not.toThrow();
          if (choice === 'mine') expectOursIn(plan.intended, mine.log);
          if (choice === 'merge') expectOursIn(plan.intended, mine.log);
        }
        continue;
      }
      expect(() => agentUploadEntry(result.plan)).not.toThrow();
      expectOursIn(result.plan.intended, mine.log);
      if (theirsMoved) expectTheirsIn(result.plan.intended, theirs.log);
      // A merge creates no overlap that neither side had on its own.
      const had = new Set([...overlaps(mine.week), ...overlaps(input.theirs.week)]);
      for (const pair of overlaps(result.plan.intended)) expect(had.has(pair)).toBe(true);
      // Idempotent: rebasing the result on what it was rebased onto changes nothing.
      const again = rebaseAgent({ ...input, base: input.theirs, mine: result.plan.intended });
      expect(['reapplied', 'alreadyApplied']).toContain(again.outcome);
      if (again.outcome !== 'conflict') expect(again.plan.intended).toEqual(result.plan.intended);
    }
    // The generator reaches every outcome, so none of the checks above is vacuous.
    expect([...seen].sort()).toEqual(['alreadyApplied', 'conflict', 'merged', 'reapplied', 'unedited']);
  });
});
