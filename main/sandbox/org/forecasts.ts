/**
 * Short-term forecasts: one per schedule week, with the required staff of
 * each planning group per 15-minute interval (the interval Genesys's
 * staffing requirements come in for a BU set to 15 minutes).
 *
 * How the requirement is drawn (the sandbox's choice; Genesys derives it
 * from history and service goals). Each planning group has a demand curve in
 * its own wall clock: a morning and an afternoon peak with a shallow midday
 * dip, an evening tail, a low night, and weekdays busier than the weekend
 * (the back office works weekdays only). The curve is scaled to the
 * on-queue agent-hours the week's generated schedule has for the group's
 * agents, then blended with that schedule's on-queue headcount (smoothed
 * over an hour), and given a weekly bias and an hourly wobble. So the
 * requirement is in line with what is scheduled, yet the difference moves
 * both ways: short at the peaks and on Sundays (no one works a Sunday day
 * shift), over at night and in the shoulders.
 */
import type { Rng } from '../random';
import type { AgentPlan } from './agents';
import { addDays, isoInstant, minuteMs, offsetMinutes, wallClockMs, dayMs } from './calendar';
import type { WeekBuild } from './context';
import type {
  BusinessUnitState,
  PlanningGroupRequirementState,
  PlanningGroupState,
  ShortTermForecastState,
} from './model';
import { unitGroups } from './structure';

export const forecastIntervalMinutes = 15;
const intervalMs = forecastIntervalMinutes * minuteMs;
const hourMs = 60 * minuteMs;

interface DemandShape {
  name: string;
  /** Gaussian humps: centre (local hour), width (hours), height. */
  humps: ReadonlyArray<readonly [number, number, number]>;
  /** The night's share of the peak. */
  floor: number;
  /** Monday first. */
  days: readonly number[];
}

/** One planning group per unit group (index for index with `unitGroups`). */
const shapes: readonly DemandShape[] = [
  {
    name: 'Customer Care Voice',
    humps: [
      [10.25, 1.6, 1],
      [14.5, 1.8, 0.92],
      [19, 2.2, 0.25],
    ],
    floor: 0.04,
    days: [1.12, 1.04, 1, 0.97, 0.92, 0.38, 0.22],
  },
  {
    name: 'Customer Care Chat',
    humps: [
      [11, 1.9, 0.95],
      [15.5, 2.1, 1],
      [20, 2, 0.4],
    ],
    floor: 0.05,
    days: [1.08, 1.04, 1, 1, 0.95, 0.45, 0.3],
  },
  {
    name: 'Back Office Cases',
    humps: [
      [10, 1.8, 1],
      [14.5, 1.8, 0.95],
    ],
    floor: 0,
    days: [1.05, 1.02, 1, 1, 0.93, 0.08, 0],
  },
];

/** How much of the requirement follows the schedule's own headcount; the rest is the demand curve. */
const scheduleWeight = 0.55;

export function buildPlanningGroups(rng: Rng): PlanningGroupState[] {
  return shapes.map((shape) => ({ id: rng.fork(`planningGroup:${shape.name}`).uuid(), name: shape.name }));
}

/** The demand curve's height at a local time (hour of day with fraction, weekday 0 = Monday). */
function demand(shape: DemandShape, hour: number, weekday: number): number {
  let peak = 0;
  for (const [centre, width, height] of shape.humps)
    peak += height * Math.exp(-((hour - centre) ** 2) / (2 * width ** 2));
  return (shape.floor + (1 - shape.floor) * Math.min(1, peak)) * (shape.days[weekday] ?? 0);
}

interface WeekGrid {
  startMs: number;
  count: number;
}

/**
 * Agents on queue per interval (a part-covered interval counts its
 * fraction), per week and group, in one pass over every week's shifts: an
 * overnight shift counts in the week it reaches into too. Instants repeat
 * across thousands of agents, so each is parsed once.
 */
function onQueueCounts(
  grids: readonly WeekGrid[],
  weeks: readonly WeekBuild[],
  groupOf: ReadonlyMap<string, number>,
  onQueueId: string,
): Float64Array[][] {
  const counts = grids.map((g) => shapes.map(() => new Float64Array(g.count)));
  const parsed = new Map<string, number>();
  const parse = (iso: string) => {
    let ms = parsed.get(iso);
    if (ms === undefined) parsed.set(iso, (ms = Date.parse(iso)));
    return ms;
  };
  weeks.forEach((week, w) => {
    for (const agent of week.schedule.agentSchedules.values()) {
      const group = groupOf.get(agent.userId);
      if (group === undefined) continue;
      for (const shift of agent.shifts) {
        for (const act of shift.activities) {
          if (act.activityCodeId !== onQueueId) continue;
          const a0 = parse(act.startDate);
          const a1 = a0 + act.lengthMinutes * minuteMs;
          for (let k = Math.max(0, w - 1); k <= Math.min(grids.length - 1, w + 1); k++) {
            const grid = grids[k]!;
            const target = counts[k]![group]!;
            const from = Math.max(a0, grid.startMs);
            const to = Math.min(a1, grid.startMs + grid.count * intervalMs);
            for (let t = from; t < to;) {
              const i = Math.floor((t - grid.startMs) / intervalMs);
              const edge = Math.min(to, grid.startMs + (i + 1) * intervalMs);
              target[i] = target[i]! + (edge - t) / intervalMs;
              t = edge;
            }
          }
        }
      }
    }
  });
  return counts;
}

/** Minutes east of UTC, memoised by hour: the zones in play change offset on the hour. */
function hourlyOffsets(): (zone: string, ms: number) => number {
  const cache = new Map<string, number>();
  return (zone, ms) => {
    const key = `${zone} ${Math.floor(ms / hourMs)}`;
    let offset = cache.get(key);
    if (offset === undefined) cache.set(key, (offset = offsetMinutes(zone, Math.floor(ms / hourMs) * hourMs)));
    return offset;
  };
}

/** A centred moving average over `radius` intervals each side: a forecast is smooth, a schedule has breaks in it. */
function smoothed(values: Float64Array, radius: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let sum = 0;
    let n = 0;
    for (let j = Math.max(0, i - radius); j <= Math.min(values.length - 1, i + radius); j++) {
      sum += values[j] ?? 0;
      n++;
    }
    out[i] = sum / n;
  }
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

interface ForecastInputs {
  bu: BusinessUnitState;
  planningGroups: PlanningGroupState[];
  agents: readonly AgentPlan[];
  /** Every generated week, in order: a week's count also takes the overnight shifts of the week before. */
  weeks: readonly WeekBuild[];
  onQueueId: string;
  supervisorId: string;
  nowMs: number;
}

function buildWeekForecast(
  inputs: ForecastInputs,
  grid: WeekGrid,
  scheduled: Float64Array[],
  offsetOf: (zone: string, ms: number) => number,
  week: WeekBuild,
  rng: Rng,
): ShortTermForecastState {
  const { bu } = inputs;
  const { startMs, count } = grid;
  const bias = rng.int(-5, 6) / 100;
  const requirements: PlanningGroupRequirementState[] = shapes.map((shape, g) => {
    const zone = unitGroups[g]?.timeZone ?? bu.timeZone;
    const have = scheduled[g]!;
    const curve = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const t = startMs + i * intervalMs + intervalMs / 2;
      const local = t + offsetOf(zone, t) * minuteMs;
      const weekday = (Math.floor(local / dayMs) + 3) % 7; // 1970-01-01 was a Thursday
      curve[i] = demand(shape, (((local % dayMs) + dayMs) % dayMs) / hourMs, weekday);
    }
    const haveTotal = have.reduce((a, b) => a + b, 0);
    const curveTotal = curve.reduce((a, b) => a + b, 0);
    const scale = curveTotal > 0 ? haveTotal / curveTotal : 0;
    const smooth = smoothed(have, 2);
    // An hourly wobble of up to ±8%, linear between the hours.
    const r = rng.fork(`group:${g}`);
    const knots = Array.from({ length: Math.ceil(count / 4) + 2 }, () => r.next() * 2 - 1);
    return {
      planningGroupId: inputs.planningGroups[g]!.id,
      staffingRequirementsPerInterval: Array.from({ length: count }, (_, i) => {
        const k = Math.floor(i / 4);
        const wobble = (knots[k]! * (4 - (i % 4)) + knots[k + 1]! * (i % 4)) / 4;
        const level = scheduleWeight * smooth[i]! + (1 - scheduleWeight) * scale * curve[i]!;
        return Math.max(0, round2(level * (1 + bias + 0.08 * wobble)));
      }),
    };
  });
  // Forecasts come before the schedules built on them.
  const created = Math.min(Date.parse(week.schedule.dateCreated), inputs.nowMs) - rng.int(3, 10) * dayMs;
  const modified = Math.min(created + rng.int(2, 48) * hourMs, Date.parse(week.schedule.dateCreated) - hourMs);
  return {
    id: rng.uuid(),
    businessUnitId: bu.id,
    weekDate: week.weekDate,
    weekCount: 1,
    description: `Forecast for the week of ${week.weekDate}`,
    version: rng.int(1, 3),
    dateCreated: isoInstant(created),
    dateModified: isoInstant(Math.max(created, modified)),
    modifiedByUserId: inputs.supervisorId,
    referenceStartDate: isoInstant(startMs),
    intervalLengthMinutes: forecastIntervalMinutes,
    weeks: [requirements],
  };
}

/** One forecast per week, from the weeks as generated (before any problem is planted). */
export function buildForecasts(inputs: ForecastInputs, rng: Rng): Map<string, ShortTermForecastState> {
  const { bu } = inputs;
  const grids = inputs.weeks.map((week) => {
    const startMs = wallClockMs(bu.timeZone, week.weekDate, 0);
    const endMs = wallClockMs(bu.timeZone, addDays(week.weekDate, 7), 0);
    return { startMs, count: Math.round((endMs - startMs) / intervalMs) };
  });
  const groupOf = new Map(inputs.agents.map((a) => [a.user.id, a.group]));
  const scheduled = onQueueCounts(grids, inputs.weeks, groupOf, inputs.onQueueId);
  const offsetOf = hourlyOffsets();
  const forecasts = inputs.weeks.map((week, i) =>
    buildWeekForecast(inputs, grids[i]!, scheduled[i]!, offsetOf, week, rng.fork(`week:${week.weekDate}`)),
  );
  return new Map(forecasts.map((f) => [f.id, f]));
}
