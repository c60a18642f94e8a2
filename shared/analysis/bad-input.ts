/**
 * Bad input is a finding, never an exception: the supervisor must still see
 * every other problem, and the one record we could not read, on the morning
 * of the publish. Each becomes an error of the kind closest to the check it
 * blocked (an unreadable shift is a `shiftOverlap`, a broken marker a
 * `timeOffOverlap`, an unknown zone a `zoneMismatch`).
 */
import { makeFinding } from './finding';
import type { Finding, FindingKind } from './types';

export interface BadInput {
  agentId?: string | null;
  scheduleId?: string | null;
  /** What is wrong, in the supervisor's words. */
  problem: string;
  fix: string;
  evidence: Record<string, unknown>;
}

/** `entities` name the record (ids, or its content when it has no id) and the field. */
export function badInputFinding(kind: FindingKind, entities: readonly string[], bad: BadInput): Finding {
  return makeFinding(kind, ['input', ...entities], {
    severity: 'error',
    agentId: bad.agentId ?? null,
    scheduleId: bad.scheduleId ?? null,
    evidence: { invalidInput: true, ...bad.evidence },
    explanation: bad.problem,
    suggestedFix: bad.fix,
  });
}

/** A readable rendering of a bad value for the explanation. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (value === undefined) return 'missing';
  return String(value);
}

/** A week: nothing in a schedule is longer, and a bound keeps absurd data from costing absurd time. */
export const maxLengthMinutes = 7 * 24 * 60;

/** Positive minutes, at most a week: a length Genesys could hold. */
export function isLength(value: unknown): value is number {
  return typeof value === 'number' && value > 0 && value <= maxLengthMinutes;
}
