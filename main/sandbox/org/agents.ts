/**
 * Agents and their standing work patterns. Each agent draws from its own
 * stream (`agent:{n}`), so agent 17 is the same person with the same pattern
 * whether the BU has 500 agents or 5,000.
 */
import type { Rng } from '../random';
import type { ManagementUnitState, SandboxUser } from './model';
import type { NameBook } from './names';
import { unitGroups } from './structure';

/** One shift of a workday, in the MU's wall clock. */
export interface ShiftPart {
  startMinute: number;
  lengthMinutes: number;
}

export interface WorkPattern {
  kind: 'day' | 'overnight' | 'split';
  parts: ShiftPart[];
  /** Days of the BU week the shifts start on, 0 = Monday. */
  workdays: number[];
}

export interface AgentPlan {
  user: SandboxUser;
  unit: ManagementUnitState;
  group: number;
  /** Stream root for this agent; only forked, never drawn from, so labels stay stable. */
  rng: Rng;
  pattern: WorkPattern;
}

const dayStarts = [360, 420, 480, 540, 600, 720, 840];
const monToFri = [0, 1, 2, 3, 4];
const tueToSat = [1, 2, 3, 4, 5];

/** A regular day agent: 8 h on five days or 10 h on four. */
export function dayPattern(rng: Rng): WorkPattern {
  const week = rng.chance(0.8) ? monToFri : tueToSat;
  const startMinute = rng.pick(dayStarts);
  if (rng.chance(0.7)) return { kind: 'day', parts: [{ startMinute, lengthMinutes: 480 }], workdays: week };
  const workdays = rng.chance(0.5) ? week.slice(0, 4) : week.slice(1);
  return { kind: 'day', parts: [{ startMinute, lengthMinutes: 600 }], workdays };
}

/** 22:00 to 06:30, five nights. */
export function overnightPattern(rng: Rng): WorkPattern {
  return {
    kind: 'overnight',
    parts: [{ startMinute: 22 * 60, lengthMinutes: 510 }],
    workdays: rng.chance(0.6) ? monToFri : tueToSat,
  };
}

/** Morning and evening peaks with at least two hours off between. */
function splitPattern(rng: Rng): WorkPattern {
  const first = { startMinute: rng.pick([420, 480]), lengthMinutes: 240 };
  const gap = rng.pick([120, 180, 240]);
  return {
    kind: 'split',
    parts: [first, { startMinute: first.startMinute + 240 + gap, lengthMinutes: 240 }],
    workdays: monToFri,
  };
}

function drawPattern(rng: Rng): WorkPattern {
  const r = rng.next();
  if (r < 0.04) return overnightPattern(rng);
  if (r < 0.07) return splitPattern(rng);
  return dayPattern(rng);
}

/** Draws the group (45/35/20) for each agent; MUs are built from the counts, then `placeAgents` fills them. */
export function drawGroups(root: Rng, count: number): number[] {
  return Array.from({ length: count }, (_, i) => {
    const r = root.fork(`agent:${i}`).fork('unit').next();
    let acc = 0;
    const g = unitGroups.findIndex((group) => (acc += group.share) > r);
    return g < 0 ? unitGroups.length - 1 : g;
  });
}

export function placeAgents(
  root: Rng,
  groups: number[],
  units: ManagementUnitState[][],
  names: NameBook,
  unitCap: number,
): AgentPlan[] {
  const filled = units.map(() => 0);
  return groups.map((group, i) => {
    const rng = root.fork(`agent:${i}`);
    const rank = filled[group] ?? 0;
    filled[group] = rank + 1;
    const groupUnits = units[group] ?? [];
    const unit = groupUnits[Math.min(Math.floor(rank / unitCap), groupUnits.length - 1)];
    if (!unit) throw new Error(`no management unit for group ${group}`);
    const person = names.next(rng.fork('name'));
    const user: SandboxUser = {
      id: rng.fork('id').uuid(),
      ...person,
      managementUnitId: unit.id,
      businessUnitId: unit.businessUnitId,
    };
    return { user, unit, group, rng, pattern: drawPattern(rng.fork('pattern')) };
  });
}
