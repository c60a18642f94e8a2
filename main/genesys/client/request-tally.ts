/**
 * Counts the requests a sync makes, by path template, by sitting in front of
 * the Activity log's sink. The no-change resync promise (one list per week,
 * one get per schedule, no agent-schedule query) is checked with it.
 */
import type { AuditEntry, AuditSink } from '../types';

export interface RequestTally {
  /** Give this to createGenesysHttp as `audit`. */
  sink: AuditSink;
  total(): number;
  /** Attempts that failed (answered 4xx/5xx, or not at all); their retries count in `total` too. */
  failed(): number;
  byPathTemplate(): Record<string, number>;
}

export function createRequestTally(next?: AuditSink): RequestTally {
  const counts = new Map<string, number>();
  let total = 0;
  let failed = 0;
  return {
    sink: {
      record(entry: AuditEntry) {
        total += 1;
        if (entry.errorKind !== null) failed += 1;
        counts.set(entry.pathTemplate, (counts.get(entry.pathTemplate) ?? 0) + 1);
        next?.record(entry);
      },
    },
    total: () => total,
    failed: () => failed,
    byPathTemplate: () => Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b))),
  };
}
