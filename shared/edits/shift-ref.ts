/**
 * How an edit names a shift. A mirrored shift has Genesys' id; a shift added
 * in the change set has none (the upload builder sends id-less shifts as new,
 * and `agentWeekMatches` matches them by content), so it carries a local
 * `new:<n>` id of its own in `localId`, a field the upload never sends
 * (`uploadShift` copies only Genesys' fields) and `shiftContent` never
 * compares. The UI and intents address either one as the shift's key.
 */
import type { AgentWeek, WeekShift } from '../publish/agent-week';

export interface EditedShift extends WeekShift {
  /** `new:<n>`: the change set's own id for a shift Genesys has not seen yet. */
  localId?: string;
}

export const localIdPrefix = 'new:';

/** The id an intent, a finding (through the analysis input) and the UI use for the shift. */
export function shiftKey(shift: WeekShift, position = 0): string {
  return shift.id ?? (shift as EditedShift).localId ?? `${localIdPrefix}unnamed-${position}`;
}

/**
 * The id a shift has in the analysis input (and so in findings' evidence).
 * Local ids are per agent, so two agents' `new:1` would give two findings
 * one id (and the analysis keeps one finding per id): the agent is added.
 */
export function analysisShiftId(agentId: string, shift: WeekShift, position = 0): string {
  const key = shiftKey(shift, position);
  return key.startsWith(localIdPrefix) ? `${key}@${agentId}` : key;
}

const localInAnalysis = /^(new:[^@]*)@/;

export function findShift(week: AgentWeek, id: string): { shift: WeekShift; index: number } | null {
  const key = localInAnalysis.exec(id)?.[1] ?? id;
  for (let i = 0; i < week.shifts.length; i++) {
    const shift = week.shifts[i] as WeekShift;
    if (shiftKey(shift, i) === key) return { shift, index: i };
  }
  return null;
}

/**
 * The next free `new:<n>` of the week: one above the highest in use, so an
 * added shift never takes the key of one the week still has.
 */
export function nextLocalId(week: AgentWeek): string {
  let max = 0;
  for (const s of week.shifts) {
    const local = (s as EditedShift).localId;
    if (local === undefined || !local.startsWith(localIdPrefix)) continue;
    const n = Number(local.slice(localIdPrefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${localIdPrefix}${max + 1}`;
}

export const startMsOf = (s: { startDate: string }) => Date.parse(s.startDate);
export const endMsOf = (s: { startDate: string; lengthMinutes: number }) =>
  Date.parse(s.startDate) + s.lengthMinutes * 60_000;
export const isoOf = (ms: number) => new Date(ms).toISOString();
