/**
 * The quality bar: on the sandbox org, for 20 seeds, the analysis reports
 * every planted problem of the manifest with the right kind, and nothing
 * that was not planted (precision and recall 100%).
 */
import { describe, expect, it } from 'vitest';
import { generateOrg } from '../../main/sandbox/org/generator';
import type { PlantedProblem } from '../../main/sandbox/org/model';
import { analyze } from '../../shared/analysis/analyze';
import type { Finding } from '../../shared/analysis/types';
import { inputFromSandbox } from './from-sandbox';

const now = new Date('2026-11-23T12:00:00Z');
const seeds = Array.from({ length: 20 }, (_, i) => i + 1);

/** What identifies a problem: kind and agent (and the shifts, when the manifest names them); a zone mismatch by its MU. */
function plantedKey(p: PlantedProblem): string {
  if (p.kind === 'zoneMismatch') return `zoneMismatch mu:${p.managementUnitId}`;
  const shifts = p.shiftIds && p.kind !== 'scriptSession' ? [...p.shiftIds].sort().join(',') : '';
  return `${p.kind} agent:${p.userId} shifts:${shifts}`;
}

function findingKey(f: Finding): string {
  if (f.kind === 'zoneMismatch') return `zoneMismatch mu:${String(f.evidence.managementUnitId)}`;
  const shifts =
    f.kind === 'scriptSession' ? '' : [...((f.evidence.shiftIds as string[] | undefined) ?? [])].sort().join(',');
  return `${f.kind} agent:${f.agentId} shifts:${shifts}`;
}

describe('analysis against the sandbox org', () => {
  it.each(seeds)('seed %i: finds every planted problem and nothing else', (seed) => {
    const { org, manifest } = generateOrg({ seed, agents: 300, weeks: 6, now });
    const findings = analyze(inputFromSandbox(org, now));

    const planted = manifest.planted.map(plantedKey).sort();
    const found = findings.map(findingKey).sort();
    // Every kind the generator plants shows up in the sandbox (the window holds the DST week).
    expect(new Set(manifest.planted.map((p) => p.kind)).size).toBe(7);
    expect(found).toEqual(planted);
  });

  it('explains each finding in BU-local time with a suggested action', () => {
    const { org } = generateOrg({ seed: 7, agents: 300, weeks: 6, now });
    const findings = analyze(inputFromSandbox(org, now));
    for (const f of findings) {
      expect(f.explanation.length).toBeGreaterThan(20);
      expect(f.suggestedFix.length).toBeGreaterThan(10);
      if (f.kind !== 'zoneMismatch') expect(f.explanation).toMatch(/\b\d\d:\d\d (CST|CDT)\b/);
    }
    const kinds = Object.fromEntries(findings.map((f) => [f.kind, f.severity]));
    expect(kinds).toMatchObject({
      shiftOverlap: 'error',
      timeOffOverlap: 'error',
      activityOverlap: 'error',
      naiveUtcShift: 'warning',
      dstShift: 'warning',
      zoneMismatch: 'info',
    });
  });

  it('gives the same findings, ids and order on a second run', () => {
    const { org } = generateOrg({ seed: 3, agents: 300, weeks: 6, now });
    const input = inputFromSandbox(org, now);
    expect(analyze(structuredClone(input))).toEqual(analyze(input));
  });
});
