/**
 * The publish report a compliance team keeps: every attempt (what was sent,
 * the HTTP status, the contextId, when), the schedule's version, and each
 * agent's outcome with who else changed them and how a conflict was decided.
 * Built from the view, which never holds a token or a signed URL.
 */
import type { PublishReport, PublishReportFile, PublishView } from '../../shared/contract/publish';

export function reportOf(view: PublishView, generatedAt: string): PublishReport {
  return {
    jobId: view.jobId,
    profileId: view.profileId,
    businessUnitId: view.businessUnitId,
    scheduleId: view.scheduleId,
    week: view.week,
    generatedAt,
    createdAt: view.createdAt,
    phase: view.phase,
    outcome: view.outcome,
    schedule: view.schedule,
    counts: view.counts,
    agents: view.agents.map((a) => ({
      agentId: a.agentId,
      agentName: a.agentName,
      status: a.status,
      edited: a.edited,
      baseVersion: a.baseVersion,
      resolution: a.resolution,
      changedBy: a.changedBy,
      note: a.note,
    })),
    attempts: view.steps,
  };
}

/** A CSV field: quoted when it holds a separator, a quote or a line break; a leading formula sign is defused. */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (fields: unknown[]) => fields.map(csvField).join(',');

/** Steps first (one row each), then agents: one file, a `record` column says which. */
export function reportCsv(r: PublishReport): string {
  const lines = [
    row([
      'record',
      'seq',
      'at',
      'answeredAt',
      'phase',
      'kind',
      'attempt',
      'request',
      'status',
      'httpStatus',
      'contextId',
      'waitReason',
      'waitUntil',
      'note',
    ]),
    ...r.attempts.map((s) =>
      row([
        'step',
        s.seq,
        s.at,
        s.answeredAt,
        s.phase,
        s.kind,
        s.attempt,
        s.request,
        s.status,
        s.httpStatus,
        s.contextId,
        s.waitReason,
        s.waitUntil,
        s.note,
      ]),
    ),
    row(['record', 'agentId', 'agentName', 'status', 'edited', 'baseVersion', 'resolution', 'changedBy', 'note']),
    ...r.agents.map((a) =>
      row([
        'agent',
        a.agentId,
        a.agentName,
        a.status,
        a.edited,
        a.baseVersion,
        a.resolution,
        a.changedBy.map((c) => `${c.modifiedBy} ${c.modifiedAt}`).join('; '),
        a.note,
      ]),
    ),
    row([
      'record',
      'jobId',
      'businessUnitId',
      'scheduleId',
      'week',
      'phase',
      'scheduleVersion',
      'published',
      'outcome',
      'generatedAt',
    ]),
    row([
      'publish',
      r.jobId,
      r.businessUnitId,
      r.scheduleId,
      r.week,
      r.phase,
      r.schedule.version,
      r.schedule.published,
      r.outcome,
      r.generatedAt,
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

export function reportFile(view: PublishView, format: 'json' | 'csv', generatedAt: string): PublishReportFile {
  const report = reportOf(view, generatedAt);
  return {
    format,
    fileName: `publish-${view.week}-${view.jobId}.${format}`,
    content: format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : reportCsv(report),
    report,
  };
}
