/**
 * Building findings: ids hashed from the kind and the entities involved (so
 * the same conflict keeps its id across runs, syncs and input order), and
 * one total order so two runs print the same list.
 */
import type { Finding, FindingKind, Severity } from './types';
import { findingKinds } from './types';

/** cyrb53: a small, well-mixed 53-bit string hash; no crypto needed for an id. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** `kind:hash`; `entities` must be in a canonical order (sorted ids, not input order). */
export function findingId(kind: FindingKind, entities: readonly string[]): string {
  return `${kind}:${hash53([kind, ...entities].join('\u0000'))}`;
}

export interface FindingFields {
  severity: Severity;
  agentId?: string | null;
  scheduleId?: string | null;
  start?: string | null;
  end?: string | null;
  evidence: Record<string, unknown>;
  explanation: string;
  suggestedFix: string;
}

export function makeFinding(kind: FindingKind, entities: readonly string[], fields: FindingFields): Finding {
  return {
    id: findingId(kind, entities),
    kind,
    severity: fields.severity,
    agentId: fields.agentId ?? null,
    scheduleId: fields.scheduleId ?? null,
    start: fields.start ?? null,
    end: fields.end ?? null,
    evidence: fields.evidence,
    explanation: fields.explanation,
    suggestedFix: fields.suggestedFix,
  };
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const kindRank = new Map<string, number>(findingKinds.map((k, i) => [k, i]));

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** The order findings are listed in: worst first, then by kind, time and id (merging sorted lists keeps it). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank[a.severity] - severityRank[b.severity] ||
    (kindRank.get(a.kind) ?? 0) - (kindRank.get(b.kind) ?? 0) ||
    compareText(a.start, b.start) ||
    compareText(a.id, b.id) ||
    compareText(a.explanation, b.explanation)
  );
}

/** Worst first, then by kind, time and id; duplicates (same id) keep the first. */
export function orderFindings(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort(compareFindings);
  const seen = new Set<string>();
  return sorted.filter((f) => !seen.has(f.id) && seen.add(f.id) !== undefined);
}
