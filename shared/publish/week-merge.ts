/**
 * A three-way merge of one agent's week: what our edit was made on (base),
 * what we want (mine) and what Genesys has now (theirs).
 *
 * Each side's change since the base is read per item: a shift by its Genesys
 * id (replaced with other content, or deleted), a shift the base does not
 * have (added), a full-day marker by its `businessUnitDate` (set or deleted).
 * The two sides **overlap** – and the merge is contested – when
 * - both changed the same shift id, or the same marker date, to different
 *   results (both deleting it, or making it the same, is agreement); or
 * - a shift one side added or changed intersects in time a shift the other
 *   side added or changed (their new 09:00 shift and our moved one meeting at
 *   10:00 would overlap on the agent's day, though neither touched the
 *   other's id).
 * A shift over a marker the other side set is left to the analysis that runs
 * after every rebase: that needs the BU's zone, which a week does not carry.
 */
import {
  markerContent,
  markerMatches,
  shiftContent,
  shiftMatches,
  type AgentWeek,
  type WeekMarker,
  type WeekShift,
} from './agent-week';

type ShiftOp = { kind: 'replace'; shift: WeekShift } | { kind: 'delete' };
type MarkerOp = { kind: 'set'; marker: WeekMarker } | { kind: 'delete' };

/** One side's change since the base. */
export interface WeekChanges {
  /** By the base's shift id. */
  shifts: Map<string, ShiftOp>;
  /** Shifts the base does not have: ours carry no Genesys id (or one of the change set's own), theirs Genesys' new id. */
  added: WeekShift[];
  markers: Map<string, MarkerOp>;
}

export interface Contested {
  shiftIds: string[];
  markerDates: string[];
  /** Pairs of shifts, ours first, that would intersect: by id, or `+start` for a shift without one. */
  overlaps: Array<[string, string]>;
}

/**
 * One side's changes. Fields one week leaves out are Genesys' to fill (a shift's `schedule` reference,
 * `manuallyEdited`), so they say nothing about a change: `like` names the side whose shape is compared. Ours
 * (the change set's week) is compared on its own fields, theirs (read from Genesys, every field) on the base's.
 * Compared field by field on both, a base re-read from Genesys against our week would make every shift look
 * edited by us, and a merge would put back our copy of a shift only they changed (their edit lost).
 */
export function changesSince(base: AgentWeek, week: AgentWeek, like: 'week' | 'base' = 'week'): WeekChanges {
  const baseShifts = new Map(base.shifts.flatMap((s) => (s.id === undefined ? [] : [[s.id, s] as const])));
  const listed = new Set<string>();
  const changes: WeekChanges = { shifts: new Map(), added: [], markers: new Map() };
  for (const s of week.shifts) {
    const before = s.id === undefined ? undefined : baseShifts.get(s.id);
    if (!before || listed.has(s.id!)) {
      changes.added.push(s);
      continue;
    }
    listed.add(s.id!);
    const pattern = like === 'week' ? s : before;
    if (shiftContent(s, pattern) !== shiftContent(before, pattern))
      changes.shifts.set(s.id!, { kind: 'replace', shift: s });
  }
  for (const id of baseShifts.keys()) if (!listed.has(id)) changes.shifts.set(id, { kind: 'delete' });
  const baseMarkers = new Map(base.fullDayTimeOffMarkers.map((m) => [m.businessUnitDate, m]));
  const markers = new Map(week.fullDayTimeOffMarkers.map((m) => [m.businessUnitDate, m]));
  for (const [date, m] of markers) {
    const before = baseMarkers.get(date);
    if (!before || markerContent(before) !== markerContent(m)) changes.markers.set(date, { kind: 'set', marker: m });
  }
  for (const date of baseMarkers.keys()) if (!markers.has(date)) changes.markers.set(date, { kind: 'delete' });
  return changes;
}

export const isUnchanged = (c: WeekChanges) => c.shifts.size === 0 && c.added.length === 0 && c.markers.size === 0;

/** Whether their change is ours; fields ours leaves out are Genesys' to fill (as in `agentWeekMatches`). */
const sameShiftOp = (ours: ShiftOp, their: ShiftOp) =>
  ours.kind === their.kind && (ours.kind === 'delete' || shiftMatches((their as typeof ours).shift, ours.shift));
const sameMarkerOp = (ours: MarkerOp, their: MarkerOp) =>
  ours.kind === their.kind && (ours.kind === 'delete' || markerMatches((their as typeof ours).marker, ours.marker));

/** A shift of ours that Genesys no longer has (or never had) goes in as a new one: the builder refuses unknown ids. */
export function withoutUnknownIds(week: AgentWeek, known: AgentWeek): AgentWeek {
  const ids = new Set(known.shifts.map((s) => s.id));
  return {
    shifts: week.shifts.map((s) => {
      if (s.id === undefined || ids.has(s.id)) return s;
      const { id: _gone, ...rest } = s;
      return rest;
    }),
    fullDayTimeOffMarkers: week.fullDayTimeOffMarkers,
  };
}

const span = (s: WeekShift) => {
  const start = Date.parse(s.startDate);
  return { start, end: start + s.lengthMinutes * 60_000 };
};
const label = (s: WeekShift) => s.id ?? `+${s.startDate}`;

function crossOverlaps(ours: WeekShift[], theirs: WeekShift[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const a of ours) {
    const x = span(a);
    for (const b of theirs) {
      if (a === b) continue;
      const y = span(b);
      if (x.start < y.end && y.start < x.end) pairs.push([label(a), label(b)]);
    }
  }
  return pairs;
}

/**
 * Our changes applied on top of theirs. Where the sides contest an item ours
 * wins in `merged` (a shift of ours they deleted comes back as a new shift):
 * that is the supervisor's "merge" choice; with nothing contested it is the
 * automatic rebase.
 */
export function mergeWeeks(
  base: AgentWeek,
  mine: AgentWeek,
  theirs: AgentWeek,
): { merged: AgentWeek; contested: Contested } {
  const ours = changesSince(base, mine, 'week');
  const their = changesSince(base, theirs, 'base');
  const contested: Contested = { shiftIds: [], markerDates: [], overlaps: [] };
  const shifts = new Map<string | WeekShift, WeekShift>(theirs.shifts.map((s) => [s.id ?? s, s]));
  const oursTouched: WeekShift[] = [];
  for (const [id, op] of ours.shifts) {
    const other = their.shifts.get(id);
    if (other && sameShiftOp(op, other)) continue;
    if (other) contested.shiftIds.push(id);
    if (op.kind === 'delete') {
      shifts.delete(id);
      continue;
    }
    // Replaced by us and deleted by them: back in as a new shift, since Genesys no longer has the id.
    const shift = shifts.has(id)
      ? op.shift
      : withoutUnknownIds({ shifts: [op.shift], fullDayTimeOffMarkers: [] }, theirs).shifts[0]!;
    shifts.set(shift.id ?? shift, shift);
    oursTouched.push(shift);
  }
  // A shift both added is agreement, one for one: after our own write landed, theirs holds ours under a new id.
  const theirAdded = [...their.added];
  for (const s of ours.added) {
    const same = theirAdded.findIndex((t) => shiftContent(t, s) === shiftContent(s));
    if (same >= 0) {
      theirAdded.splice(same, 1);
      continue;
    }
    const { id: _ours, ...added } = s;
    shifts.set(added, added);
    oursTouched.push(added);
  }
  const theirsTouched = [
    ...[...their.shifts].flatMap(([id, op]) =>
      op.kind === 'replace' && shifts.get(id) === op.shift ? [op.shift] : [],
    ),
    ...theirAdded,
  ];
  contested.overlaps = crossOverlaps(oursTouched, theirsTouched);

  const markers = new Map(theirs.fullDayTimeOffMarkers.map((m) => [m.businessUnitDate, m]));
  for (const [date, op] of ours.markers) {
    const other = their.markers.get(date);
    if (other && sameMarkerOp(op, other)) continue;
    if (other) contested.markerDates.push(date);
    if (op.kind === 'delete') markers.delete(date);
    else markers.set(date, op.marker);
  }
  const merged: AgentWeek = {
    shifts: [...shifts.values()].sort((a, b) => Date.parse(a.startDate) - Date.parse(b.startDate)),
    fullDayTimeOffMarkers: [...markers.values()].sort((a, b) => a.businessUnitDate.localeCompare(b.businessUnitDate)),
  };
  return { merged, contested };
}

export const isContested = (c: Contested) => c.shiftIds.length > 0 || c.markerDates.length > 0 || c.overlaps.length > 0;
