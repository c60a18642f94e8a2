/** One business-unit week's findings, as stored in the mirror and shown (also the CLI's JSON). */
import type { Finding, FindingKind } from './types';

export interface WeekAnalysis {
  businessUnit: { id: string; timeZone: string };
  /** First day of the BU week, yyyy-MM-dd. */
  week: string;
  findings: Finding[];
  /** When the analysis ran (ISO instant); the data is the mirror's as of its last sync. */
  analysedAt: string;
}

export interface AnalysisUpdate {
  profileId: string;
  businessUnitId: string;
  week: string;
  counts: Partial<Record<FindingKind, number>>;
  errors: number;
}

export function summarize(findings: Finding[]): { counts: Partial<Record<FindingKind, number>>; errors: number } {
  const counts: Partial<Record<FindingKind, number>> = {};
  let errors = 0;
  for (const f of findings) {
    counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    if (f.severity === 'error') errors += 1;
  }
  return { counts, errors };
}
