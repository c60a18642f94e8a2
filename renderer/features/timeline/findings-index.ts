/**
 * A week's findings arranged for the Timeline, in one pass: by kind (the panel), by agent (row
 * markers), by MU (zone mismatch on the group header), and the agents that have any (the "only
 * agents with findings" filter). Only the findings of the schedule on screen, or of none in
 * particular (a unit's zone), count. Pure.
 */
import { findingKinds, type Finding, type FindingKind } from '../../../shared/analysis/types';

export const findingKindLabel: Record<FindingKind, string> = {
  shiftOverlap: 'Overlapping shifts',
  timeOffOverlap: 'Shifts over time off',
  activityOverlap: 'Overlapping activities',
  naiveUtcShift: 'Naive UTC timestamps',
  dstShift: 'Daylight-saving shifts',
  zoneMismatch: 'Time-zone mismatches',
  scriptSession: 'Agents in script sessions',
};

/** How a finding shows on a row: never by colour alone (each has its own pattern and word). */
export type MarkerStyle = 'overlap' | 'naiveUtc' | 'dst' | 'script' | 'unit';

export const markerStyle: Record<FindingKind, MarkerStyle> = {
  shiftOverlap: 'overlap',
  timeOffOverlap: 'overlap',
  activityOverlap: 'overlap',
  naiveUtcShift: 'naiveUtc',
  dstShift: 'dst',
  zoneMismatch: 'unit',
  scriptSession: 'script',
};

/** The short word on a marker. */
export const markerWord: Record<MarkerStyle, string> = {
  overlap: 'Overlap',
  naiveUtc: 'UTC?',
  dst: 'DST',
  script: 'Script',
  unit: 'Zone',
};

export interface FindingsIndex {
  /** In `findingKinds` order, only kinds present. */
  byKind: Array<{ kind: FindingKind; findings: Finding[] }>;
  byAgent: Map<string, Finding[]>;
  byUnit: Map<string, Finding>;
  agentIds: string[];
  /** Findings of the week's other schedules, not shown here. */
  elsewhere: number;
  total: number;
}

export function belongsToSchedule(f: Finding, scheduleId: string | null): boolean {
  if (!scheduleId || f.scheduleId === null || f.scheduleId === scheduleId) return true;
  const ids = f.evidence['scheduleIds'];
  return Array.isArray(ids) && ids.includes(scheduleId);
}

export function indexFindings(findings: readonly Finding[], scheduleId: string | null): FindingsIndex {
  const kinds = new Map<FindingKind, Finding[]>();
  const byAgent = new Map<string, Finding[]>();
  const byUnit = new Map<string, Finding>();
  let elsewhere = 0;
  let total = 0;
  for (const f of findings) {
    if (!belongsToSchedule(f, scheduleId)) {
      elsewhere += 1;
      continue;
    }
    total += 1;
    (kinds.get(f.kind) ?? kinds.set(f.kind, []).get(f.kind)!).push(f);
    if (f.agentId) (byAgent.get(f.agentId) ?? byAgent.set(f.agentId, []).get(f.agentId)!).push(f);
    const mu = f.evidence['managementUnitId'];
    if (f.kind === 'zoneMismatch' && typeof mu === 'string') byUnit.set(mu, f);
  }
  return {
    byKind: findingKinds.filter((k) => kinds.has(k)).map((kind) => ({ kind, findings: kinds.get(kind)! })),
    byAgent,
    byUnit,
    agentIds: [...byAgent.keys()],
    elsewhere,
    total,
  };
}

export interface FindingTarget {
  findingId: string;
  row: number;
  ms: number;
}

/**
 * `n`/`p`: the next (or previous) finding after the focus in reading order — down the rows, then
 * along the time — wrapping at the end. Targets must be sorted by (row, ms).
 */
export function stepFinding(
  targets: readonly FindingTarget[],
  at: { row: number; ms: number; findingId?: string | null },
  direction: 1 | -1,
): FindingTarget | null {
  if (targets.length === 0) return null;
  const current = at.findingId ? targets.findIndex((t) => t.findingId === at.findingId) : -1;
  if (current !== -1) return targets[(current + direction + targets.length) % targets.length]!;
  const after = (t: FindingTarget) => t.row > at.row || (t.row === at.row && t.ms > at.ms);
  if (direction === 1) return targets.find(after) ?? targets[0]!;
  const before = targets.filter((t) => t.row < at.row || (t.row === at.row && t.ms < at.ms));
  return before[before.length - 1] ?? targets[targets.length - 1]!;
}
