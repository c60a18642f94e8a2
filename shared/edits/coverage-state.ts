/**
 * The on-queue coverage of the schedule being edited, kept in whole
 * agent-milliseconds per interval so an edit updates it by subtracting the
 * agent's old week and adding the new one, and the result is exactly what a
 * recount of the whole week gives (no drift from adding fractions).
 */
import { CoverageCounter, onQueueCodeIds, weekGrid, type WeekGrid } from '../coverage/coverage';
import type { AnalysisInput, ShiftInput } from '../analysis/types';
import type { TimelineShift } from '../timeline';
import { instantMs } from '../time/instant';

export interface CoverageState {
  scheduleId: string;
  grid: WeekGrid;
  onQueueCodes: ReadonlySet<string>;
  /** On-queue agent-ms per interval; never changed in place (each edit makes a new one). */
  ms: Float64Array;
}

/** The shifts as the coverage counter reads them (it looks at the activities only). */
export function countedShifts(shifts: readonly ShiftInput[], scheduleId: string): TimelineShift[] {
  const out: TimelineShift[] = [];
  for (const s of shifts) {
    if (s.scheduleId !== scheduleId) continue;
    const startMs = instantMs(s.startDate);
    out.push({
      key: 0,
      id: s.id,
      scheduleId,
      startMs,
      endMs: startMs + s.lengthMinutes * 60_000,
      manuallyEdited: false,
      activities: s.activities.map((a) => ({
        startMs: instantMs(a.startDate),
        lengthMinutes: a.lengthMinutes,
        activityCodeId: a.activityCodeId,
        paid: null,
      })),
    });
  }
  return out;
}

export function coverageOf(
  input: AnalysisInput,
  byAgent: ReadonlyMap<string, { shifts: readonly ShiftInput[] }>,
  scheduleId: string,
  weekDate: string,
): CoverageState {
  const grid = weekGrid(weekDate, input.businessUnit.timeZone);
  const onQueueCodes = onQueueCodeIds(input.activityCodes ?? []);
  const counter = new CoverageCounter(grid, onQueueCodes);
  for (const data of byAgent.values()) counter.addAgent(countedShifts(data.shifts, scheduleId));
  return { scheduleId, grid, onQueueCodes, ms: counter.onQueueMs() };
}

/** Some agents' on-queue ms per interval (each agent's shifts one entry of `agents`). */
export function agentsMs(state: CoverageState, agents: ReadonlyArray<readonly ShiftInput[]>): Float64Array {
  const counter = new CoverageCounter(state.grid, state.onQueueCodes);
  for (const shifts of agents) counter.addAgent(countedShifts(shifts, state.scheduleId));
  return counter.onQueueMs();
}

/** Agents on queue per interval, as the timeline's strip draws them. */
export function onQueueCounts(state: CoverageState): number[] {
  const intervalMs = state.grid.intervalMinutes * 60_000;
  return Array.from(state.ms, (ms) => ms / intervalMs);
}
