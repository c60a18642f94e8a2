/**
 * The upload builder over many random agent weeks (a seeded generator): its
 * entries, applied by a patch interpreter (Genesys' documented reading) and
 * by a replace interpreter (an entry is the agent's whole week), give the
 * same week, and that week is the intended one. Unchanged agents are absent.
 * The interpreters and the comparison here are written apart from the
 * builder's own helpers, so a bug cannot hide on both sides.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import {
  agentUploadEntries,
  agentWeekMatches,
  type AgentWeek,
  type AgentWeekPlan,
  type WeekMarker,
  type WeekShift,
} from './upload-builder';

/** mulberry32: small, seeded, the same sequence on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}
type Rng = ReturnType<typeof rng>;

const weekStart = Date.parse('2026-11-23T06:00:00Z');
const codes = ['work', 'break', 'meal', 'training'];
const dates = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
let idSeq = 0;
const newId = (prefix: string) => `${prefix}-${++idSeq}`;

function randomShift(r: Rng, withId: boolean): WeekShift {
  const start = weekStart + r.int(0, 6) * 86_400_000 + r.int(0, 8) * 1_800_000;
  const lengthMinutes = r.int(8, 20) * 30;
  const activities = Array.from({ length: r.int(0, 3) }, (_, i) => ({
    startDate: new Date(start + i * 90 * 60_000).toISOString(),
    lengthMinutes: r.pick([15, 30, 60]),
    activityCodeId: r.pick(codes),
    ...(r.chance(0.7) ? { description: r.pick(['', 'Break', 'Team huddle']) } : {}),
    ...(r.chance(0.8) ? { paid: r.chance(0.5) } : {}),
  }));
  return {
    ...(withId ? { id: newId('shift') } : {}),
    startDate: new Date(start).toISOString(),
    lengthMinutes,
    activities,
    ...(r.chance(0.5) ? { manuallyEdited: r.chance(0.5) } : {}),
    ...(r.chance(0.3) ? { workPlanId: r.pick(['wp-a', 'wp-b']) } : {}),
  };
}

function randomMarker(r: Rng, businessUnitDate: string): WeekMarker {
  return {
    businessUnitDate,
    lengthMinutes: r.pick([240, 480]),
    activityCodeId: r.pick(['pto', 'sick']),
    startOffsetMinutes: r.pick([0, 540]),
    ...(r.chance(0.5) ? { paid: r.chance(0.5) } : {}),
    ...(r.chance(0.4) ? { timeOffRequestId: newId('tor') } : {}),
  };
}

function randomWeek(r: Rng): AgentWeek {
  const markerDates = dates.filter(() => r.chance(0.15));
  return {
    shifts: Array.from({ length: r.int(0, 6) }, () => randomShift(r, true)),
    fullDayTimeOffMarkers: markerDates.map((d) => randomMarker(r, d)),
  };
}

const clone = <T>(x: T): T => structuredClone(x);

/** An edit of the current week: keep, change, delete and add shifts and markers (or nothing at all). */
function editedWeek(r: Rng, current: AgentWeek): AgentWeek {
  const shifts: WeekShift[] = [];
  for (const s of current.shifts) {
    const roll = r.next();
    if (roll < 0.15) continue; // removed
    const kept = clone(s);
    if (roll < 0.35) kept.lengthMinutes += 30;
    else if (roll < 0.45) kept.startDate = new Date(Date.parse(kept.startDate) + 1_800_000).toISOString();
    else if (roll < 0.55) kept.activities = kept.activities.slice(1);
    else if (roll < 0.6) kept.manuallyEdited = true;
    // A kept start written differently is the same instant, not a change.
    else if (roll < 0.65) kept.startDate = kept.startDate.replace('.000Z', 'Z');
    shifts.push(kept);
  }
  for (let i = r.int(0, 2); i > 0; i--) shifts.splice(r.int(0, shifts.length), 0, randomShift(r, false));
  const markers: WeekMarker[] = [];
  const taken = new Set<string>();
  for (const m of current.fullDayTimeOffMarkers) {
    const roll = r.next();
    if (roll < 0.25) continue;
    markers.push(roll < 0.45 ? { ...clone(m), lengthMinutes: m.lengthMinutes === 480 ? 240 : 480 } : clone(m));
    taken.add(m.businessUnitDate);
  }
  const free = dates.filter(
    (d) => !taken.has(d) && !current.fullDayTimeOffMarkers.some((m) => m.businessUnitDate === d),
  );
  if (free.length > 0 && r.chance(0.3)) markers.push(randomMarker(r, r.pick(free)));
  return { shifts, fullDayTimeOffMarkers: markers };
}

function randomPlans(r: Rng): AgentWeekPlan[] {
  return Array.from({ length: r.int(1, 12) }, (_, i) => {
    const userId = `agent-${i}`;
    if (r.chance(0.1)) {
      // Not in the schedule yet.
      const week = randomWeek(r);
      return { userId, current: null, intended: { ...week, shifts: week.shifts.map(({ id: _, ...s }) => s) } };
    }
    const week = randomWeek(r);
    const current = { ...week, version: r.int(1, 40) };
    const intended = r.chance(0.35) ? clone(week) : editedWeek(r, week);
    return { userId, current, intended };
  });
}

type Week = { shifts: WeekShift[]; fullDayTimeOffMarkers: WeekMarker[] };
type Entry = Models.BuUpdateAgentScheduleUploadSchema;

/** An uploaded shift as Genesys would store it: work-plan ids unwrapped, new ones given an id. */
function stored(s: Models.BuUpdateAgentScheduleShift): WeekShift {
  const { workPlanId, workPlanShiftId, delete: _, ...rest } = s;
  return {
    ...rest,
    id: s.id ?? newId('genesys'),
    startDate: s.startDate!,
    lengthMinutes: s.lengthMinutes!,
    activities: s.activities ?? [],
    ...(workPlanId?.value !== undefined ? { workPlanId: workPlanId.value } : {}),
    ...(workPlanShiftId?.value !== undefined ? { workPlanShiftId: workPlanShiftId.value } : {}),
  };
}
const storedMarker = (m: Models.BuFullDayTimeOffMarker): WeekMarker => {
  const { delete: _, ...rest } = m;
  return rest as WeekMarker;
};

/** Genesys' documented reading: listed shifts replace (by id), add (no id) or delete; unlisted ones stay. */
function applyAsPatch(before: Week, entry: Entry): Week {
  let shifts = [...before.shifts];
  for (const s of entry.shifts ?? []) {
    if (s.id !== undefined) expect(shifts.some((x) => x.id === s.id)).toBe(true);
    if (s.delete) shifts = shifts.filter((x) => x.id !== s.id);
    else if (s.id !== undefined) shifts = shifts.map((x) => (x.id === s.id ? stored(s) : x));
    else shifts.push(stored(s));
  }
  let markers = [...before.fullDayTimeOffMarkers];
  for (const m of entry.fullDayTimeOffMarkers ?? []) {
    markers = markers.filter((x) => x.businessUnitDate !== m.businessUnitDate);
    if (!m.delete) markers.push(storedMarker(m));
  }
  return { shifts, fullDayTimeOffMarkers: markers };
}

/** The other reading: an entry's shifts and markers are the agent's whole week; `delete` entries are dropped. */
function applyAsReplace(entry: Entry): Week {
  return {
    shifts: (entry.shifts ?? []).filter((s) => !s.delete).map(stored),
    fullDayTimeOffMarkers: (entry.fullDayTimeOffMarkers ?? []).filter((m) => !m.delete).map(storedMarker),
  };
}

/** A week as comparable text: kept shifts by id, new shifts by content only; all fields, defaults as Genesys fills them. */
function canonical(week: AgentWeek, newIds: ReadonlySet<string> | null): string {
  const shift = (s: WeekShift) => ({
    id: s.id === undefined || newIds === null || newIds.has(s.id) ? null : s.id,
    start: Date.parse(s.startDate),
    length: s.lengthMinutes,
    manuallyEdited: s.manuallyEdited ?? null,
    workPlanId: s.workPlanId ?? null,
    activities: s.activities.map((a) => ({
      start: Date.parse(a.startDate),
      length: a.lengthMinutes,
      code: a.activityCodeId,
      description: a.description ?? '',
      paid: a.paid ?? null,
    })),
  });
  const marker = (m: WeekMarker) => JSON.stringify(Object.entries(m).sort());
  return JSON.stringify({
    shifts: week.shifts.map((s) => JSON.stringify(shift(s))).sort(),
    markers: week.fullDayTimeOffMarkers.map(marker).sort(),
  });
}

const emptyWeek = (): Week => ({ shifts: [], fullDayTimeOffMarkers: [] });

describe('the upload builder (property test over seeded random weeks)', () => {
  const cases = 300;

  it(`means the same read as a patch or as the whole week, and that is the intended week (${cases} cases)`, () => {
    let sent = 0;
    let unchanged = 0;
    for (let seed = 1; seed <= cases; seed++) {
      const r = rng(seed);
      const plans = randomPlans(r);
      const entries = agentUploadEntries(plans);
      const byUser = new Map(entries.map((e) => [e.userId, e]));
      expect(byUser.size).toBe(entries.length);
      for (const plan of plans) {
        const entry = byUser.get(plan.userId);
        const before: Week = plan.current
          ? { shifts: [...plan.current.shifts], fullDayTimeOffMarkers: [...plan.current.fullDayTimeOffMarkers] }
          : emptyWeek();
        const wanted = canonical(plan.intended, null);
        if (!entry) {
          // Absent means unchanged: the week Genesys keeps must already be the intended one.
          expect(canonical(before, null), `seed ${seed} ${plan.userId}`).toBe(wanted);
          unchanged += 1;
          continue;
        }
        sent += 1;
        expect(canonical(before, null), `seed ${seed} ${plan.userId} was sent unchanged`).not.toBe(wanted);
        // Both arrays are always there, so neither reading depends on what an omitted field means.
        expect(entry.shifts).toBeDefined();
        expect(entry.fullDayTimeOffMarkers).toBeDefined();
        expect(entry.metadata).toEqual(plan.current ? { version: plan.current.version } : undefined);
        const asPatch = applyAsPatch(before, entry);
        const asReplace = applyAsReplace(entry);
        const kept = new Set(plan.intended.shifts.flatMap((s) => (s.id ? [s.id] : [])));
        const fresh = (w: Week) => new Set(w.shifts.flatMap((s) => (s.id && !kept.has(s.id) ? [s.id] : [])));
        const intendedIds = canonical(plan.intended, new Set());
        expect(canonical(asPatch, fresh(asPatch)), `seed ${seed} ${plan.userId} (patch)`).toBe(intendedIds);
        expect(canonical(asReplace, fresh(asReplace)), `seed ${seed} ${plan.userId} (replace)`).toBe(intendedIds);
        expect(agentWeekMatches(asPatch, plan.intended)).toBe(true);
        expect(agentWeekMatches(asReplace, plan.intended)).toBe(true);
      }
    }
    // The generator really exercised both sides.
    expect(sent).toBeGreaterThan(cases);
    expect(unchanged).toBeGreaterThan(cases / 2);
  });
});
