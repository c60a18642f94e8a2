/**
 * Conflict analysis speed.
 * - Full analysis of a 5,000-agent BU over 6 weeks (goal: under 100 ms).
 * - Our overlap pass against the pairwise check from the user reports
 *   (../shared/user-reports/001_*.txt, `check_overlaps`) on the reports'
 *   500-seat center over 6 weeks (goal: at least 100x faster).
 * Inputs go through JSON first, as the mirror hands them over: flat,
 * unshared strings, so no lookup rides on the generator's string sharing.
 * Prints figures, then one JSON object on the last line.
 */
import os from 'node:os';
import { generateOrg } from '../../main/sandbox/org/generator';
import { analyze } from '../../shared/analysis/analyze';
import { findShiftOverlaps } from '../../shared/analysis/overlaps';
import { prepare } from '../../shared/analysis/prepare';
import type { AnalysisInput } from '../../shared/analysis/types';
import { inputFromSandbox } from '../analysis/from-sandbox';

const now = new Date('2026-11-23T12:00:00Z');
const weeks = 6;

function sandboxInput(agents: number): AnalysisInput {
  const { org } = generateOrg({ seed: 1, agents, weeks, now });
  return JSON.parse(JSON.stringify(inputFromSandbox(org, now))) as AnalysisInput;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function timed<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

interface ReportShift {
  agentId: string;
  startTime: string;
  endTime: string;
}

/**
 * `check_overlaps` from the user report, written faithfully: every pair of
 * shifts, agent first, then the intervals (ISO strings compared as the
 * Python compares them). Changed only to collect every overlap instead of
 * returning at the first, so it always does the full work.
 */
function checkOverlaps(shifts: ReportShift[]): [boolean, string[]] {
  const overlaps: string[] = [];
  for (let i = 0; i < shifts.length; i++) {
    for (let j = i + 1; j < shifts.length; j++) {
      const s1 = shifts[i] as ReportShift;
      const s2 = shifts[j] as ReportShift;
      if (s1.agentId === s2.agentId) {
        if (s1.startTime < s2.endTime && s2.startTime < s1.endTime)
          overlaps.push(`Overlap between shifts ${i} and ${j}`);
      }
    }
  }
  return [overlaps.length > 0, overlaps];
}

function fullAnalysis(): {
  agents: number;
  shifts: number;
  activities: number;
  findings: number;
  firstRunMs: number;
  medianMs: number;
  runs: number[];
} {
  const input = sandboxInput(5000);
  const first = timed(() => analyze(input));
  const runs = Array.from({ length: 15 }, () => timed(() => analyze(input)).ms);
  return {
    agents: input.agents.length,
    shifts: input.shifts.length,
    activities: input.shifts.reduce((n, s) => n + s.activities.length, 0),
    findings: first.result.length,
    firstRunMs: first.ms,
    medianMs: median(runs),
    runs,
  };
}

function overlapRace() {
  const input = sandboxInput(500);
  // The report's shape: agentId, startTime, endTime (the end worked out before the clock starts).
  const reportShifts = input.shifts.map((s) => ({
    agentId: s.agentId,
    startTime: s.startDate,
    endTime: new Date(Date.parse(s.startDate) + s.lengthMinutes * 60_000).toISOString(),
  }));
  checkOverlaps(reportShifts.slice(0, 2000));
  const pairwise = Array.from({ length: 3 }, () => timed(() => checkOverlaps(reportShifts)));
  // Ours from the raw input: parsing, grouping, sorting and the sweep all count.
  const sweep = Array.from({ length: 15 }, () => timed(() => findShiftOverlaps(prepare(input))));
  return {
    agents: input.agents.length,
    shifts: input.shifts.length,
    pairwiseMs: median(pairwise.map((r) => r.ms)),
    sweepMs: median(sweep.map((r) => r.ms)),
    pairwiseOverlaps: pairwise[0]?.result[1].length ?? 0,
    sweepOverlaps: sweep[0]?.result.length ?? 0,
  };
}

function main(): void {
  const full = fullAnalysis();
  const race = overlapRace();
  const speedup = race.pairwiseMs / race.sweepMs;
  const load = os.loadavg()[0] ?? 0;
  console.log(
    `full analysis, ${full.agents} agents x ${weeks} weeks (${full.shifts} shifts, ${full.activities} activities, ${full.findings} findings):`,
  );
  console.log(
    `  median ${full.medianMs.toFixed(1)} ms of ${full.runs.length} runs (${full.runs.map((r) => r.toFixed(0)).join(', ')}); first run ${full.firstRunMs.toFixed(1)} ms; goal < 100 ms`,
  );
  console.log(`overlaps, ${race.agents}-seat center x ${weeks} weeks (${race.shifts} shifts):`);
  console.log(
    `  pairwise check_overlaps ${race.pairwiseMs.toFixed(1)} ms (${race.pairwiseOverlaps} overlaps); our sweep ${race.sweepMs.toFixed(2)} ms (${race.sweepOverlaps} overlaps)`,
  );
  console.log(`  speedup ${speedup.toFixed(0)}x; goal >= 100x`);
  console.log(`  (1-minute load average ${load.toFixed(2)} on ${os.cpus().length} cores)`);
  console.log(
    JSON.stringify({
      bench: 'analysis',
      agents: full.agents,
      weeks,
      shifts: full.shifts,
      activities: full.activities,
      findings: full.findings,
      fullAnalysisMs: round(full.medianMs),
      fullAnalysisFirstRunMs: round(full.firstRunMs),
      fullAnalysisGoalMs: 100,
      centerAgents: race.agents,
      centerShifts: race.shifts,
      pairwiseMs: round(race.pairwiseMs),
      sweepMs: round(race.sweepMs),
      speedup: round(speedup),
      speedupGoal: 100,
      overlapsPairwise: race.pairwiseOverlaps,
      overlapsSweep: race.sweepOverlaps,
      loadAverage1m: round(load),
    }),
  );
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

main();
