/**
 * The business unit's fixed structure: management units and activity codes.
 */
import type { Rng } from '../random';
import type { ActivityCodeState, ManagementUnitState } from './model';

export const businessUnitName = 'Chicago Contact Center';
export const businessUnitZone = 'America/Chicago';
/** Genesys caps a management unit at 1,500 agents. */
export const maxAgentsPerUnit = 1500;

export interface UnitGroup {
  name: string;
  timeZone: string;
  /** Share of the BU's agents. */
  share: number;
  /** Queue the group's scripted conversations come from. */
  queueLabel: string;
}

/** Phoenix keeps its own wall clock (no DST): the planted zone mismatch. */
export const unitGroups: readonly UnitGroup[] = [
  { name: 'Chicago Voice', timeZone: 'America/Chicago', share: 0.45, queueLabel: 'voice' },
  { name: 'Chicago Chat', timeZone: 'America/Chicago', share: 0.35, queueLabel: 'chat' },
  { name: 'Phoenix Back Office', timeZone: 'America/Phoenix', share: 0.2, queueLabel: 'back-office' },
];

/**
 * One or more MUs per group: a group larger than the MU cap (5,000-agent
 * BUs) overflows into "Chicago Voice 2" and so on, as a real org must.
 */
export function buildManagementUnits(rng: Rng, businessUnitId: string, groupSizes: number[]): ManagementUnitState[][] {
  return unitGroups.map((group, g) => {
    const count = Math.max(1, Math.ceil((groupSizes[g] ?? 0) / maxAgentsPerUnit));
    return Array.from({ length: count }, (_, k) => {
      const name = k === 0 ? group.name : `${group.name} ${k + 1}`;
      return {
        id: rng.fork(`mu:${name}`).uuid(),
        name,
        businessUnitId,
        timeZone: group.timeZone,
        startDayOfWeek: 'Monday',
        version: 1,
      };
    });
  });
}

export type CodeKey = 'onQueue' | 'break' | 'meal' | 'training' | 'meeting' | 'vacation' | 'sick';
export type CodeBook = Record<CodeKey, ActivityCodeState>;

type CodeSpec = Omit<ActivityCodeState, 'id'>;

// The built-in per-category codes are Genesys defaults; Vacation and Sick are the org's own time-off codes.
const codeSpecs: Record<CodeKey, CodeSpec> = {
  onQueue: {
    name: 'On Queue',
    category: 'OnQueueWork',
    lengthInMinutes: 60,
    countsAsPaidTime: true,
    countsAsWorkTime: true,
    agentTimeOffSelectable: false,
    defaultCode: true,
  },
  break: {
    name: 'Break',
    category: 'Break',
    lengthInMinutes: 15,
    countsAsPaidTime: true,
    countsAsWorkTime: true,
    agentTimeOffSelectable: false,
    defaultCode: true,
  },
  meal: {
    name: 'Meal',
    category: 'Meal',
    lengthInMinutes: 30,
    countsAsPaidTime: false,
    countsAsWorkTime: false,
    agentTimeOffSelectable: false,
    defaultCode: true,
  },
  training: {
    name: 'Training',
    category: 'Training',
    lengthInMinutes: 60,
    countsAsPaidTime: true,
    countsAsWorkTime: true,
    agentTimeOffSelectable: false,
    defaultCode: true,
  },
  meeting: {
    name: 'Meeting',
    category: 'Meeting',
    lengthInMinutes: 60,
    countsAsPaidTime: true,
    countsAsWorkTime: true,
    agentTimeOffSelectable: false,
    defaultCode: true,
  },
  vacation: {
    name: 'Vacation',
    category: 'TimeOff',
    lengthInMinutes: 480,
    countsAsPaidTime: true,
    countsAsWorkTime: false,
    agentTimeOffSelectable: true,
    defaultCode: false,
  },
  sick: {
    name: 'Sick',
    category: 'TimeOff',
    lengthInMinutes: 480,
    countsAsPaidTime: true,
    countsAsWorkTime: false,
    agentTimeOffSelectable: false,
    defaultCode: false,
  },
};

export function buildActivityCodes(rng: Rng): CodeBook {
  const entries = (Object.keys(codeSpecs) as CodeKey[]).map(
    (key) => [key, { id: rng.fork(`code:${key}`).uuid(), ...codeSpecs[key] }] as const,
  );
  return Object.fromEntries(entries) as CodeBook;
}
