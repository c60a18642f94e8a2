/**
 * The conflict analysis: everything that will make a publish fail or hurt
 * agents, as findings in the supervisor's words. Pure: no I/O, no clock
 * ("now" is input), the same findings in the same order for the same data,
 * whatever order the data came in.
 */
import { findActivityOverlaps } from './activities';
import { badInputFinding } from './bad-input';
import { findDstShifts } from './dst';
import { momentLabel } from './explain';
import { orderFindings } from './finding';
import { findNaiveUtcShifts } from './naive-utc';
import { findShiftOverlaps } from './overlaps';
import { prepare, type Prepared } from './prepare';
import { findScriptSessions } from './script-sessions';
import { findTimeOffOverlaps } from './time-off';
import { parseInstant, ZoneClock } from '../time/zone-clock';
import type { AnalysisInput, Finding, FindingKind } from './types';
import { findZoneMismatches } from './zones';

const checks: Array<[FindingKind, (p: Prepared) => Finding[]]> = [
  ['zoneMismatch', findZoneMismatches],
  ['shiftOverlap', findShiftOverlaps],
  ['timeOffOverlap', findTimeOffOverlaps],
  ['activityOverlap', findActivityOverlaps],
  ['naiveUtcShift', findNaiveUtcShifts],
  ['dstShift', findDstShifts],
  ['scriptSession', findScriptSessions],
];

/** A check that throws on input nobody foresaw must not take the others down with it. */
function guarded(kind: FindingKind, run: () => Finding[]): Finding[] {
  try {
    return run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [
      badInputFinding(kind, ['crash', message], {
        problem: `The ${kind} check could not finish on this data (${message}); its findings are missing`,
        fix: 'Re-sync and run the analysis again; if it persists, report it with this message',
        evidence: { error: message },
      }),
    ];
  }
}

/** When the supervisor's own clock differs from the BU's, the evidence also says when that is for them. */
function addViewerTime(findings: Finding[], input: AnalysisInput, p: Prepared): void {
  const viewer = ZoneClock.of(input.viewerTimeZone);
  if (!viewer || viewer.zone === p.display.zone) return;
  for (const f of findings) {
    const startMs = parseInstant(f.start);
    if (startMs !== null) f.evidence.viewerStart = momentLabel(startMs, viewer.zone);
  }
}

export function analyze(input: AnalysisInput): Finding[] {
  let p: Prepared | undefined;
  const findings = guarded('shiftOverlap', () => {
    p = prepare(input);
    return p.findings;
  });
  const prepared = p;
  if (!prepared) return findings;
  for (const [kind, check] of checks) {
    // A loop, not push(...list): a flood of bad-input findings must not overflow the stack.
    for (const f of guarded(kind, () => check(prepared))) findings.push(f);
  }
  addViewerTime(findings, input, prepared);
  return orderFindings(findings);
}
