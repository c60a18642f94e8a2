import { findingKinds, type Finding, type FindingKind } from '../../../shared/analysis/types';
import { useQuery } from '@tanstack/react-query';
import { useOpsClient } from '../../ops-client-context';
import { useConsole } from '../../store/context';
import type { OpenWeek } from '../../store/schedules-selection-slice';
import { useRerunAnalysis } from './mutations';
import { weekAnalysisQuery } from './queries';

const kindLabel: Record<FindingKind, string> = {
  shiftOverlap: 'Overlapping shifts',
  timeOffOverlap: 'Shifts over time off',
  activityOverlap: 'Overlapping activities',
  naiveUtcShift: 'Naive UTC timestamps',
  dstShift: 'Daylight-saving shifts',
  zoneMismatch: 'Time-zone mismatches',
  scriptSession: 'Agents in script sessions',
};

/** What would make this week's publish fail or hurt agents, grouped by kind, in the supervisor's words. */
export function FindingsPanel({ week: open }: { week: OpenWeek }) {
  const { profileId, businessUnitId, week } = open;
  const read = useQuery(weekAnalysisQuery(useOpsClient(), profileId, businessUnitId, week));
  const rerun = useRerunAnalysis();
  const close = useConsole((s) => s.openWeekFindings);
  // A rerun started for another week says nothing about this one.
  const rerunHere =
    rerun.variables?.week === week &&
    rerun.variables.businessUnitId === businessUnitId &&
    rerun.variables.profileId === profileId;
  const loading = (rerunHere && rerun.isPending) || (read.isPending && read.isFetching);
  const error = loading ? null : ((rerunHere ? rerun.error : null) ?? read.error);
  const status = loading ? 'loading' : error ? 'failed' : 'ready';
  const analysis = read.data;
  const groups = new Map<FindingKind, Finding[]>();
  for (const f of analysis?.findings ?? []) groups.set(f.kind, [...(groups.get(f.kind) ?? []), f]);
  const errors = analysis?.findings.filter((f) => f.severity === 'error').length ?? 0;

  return (
    <section className="panel findings" aria-labelledby="findings-title" data-testid="findings">
      <header className="findings-head">
        <h2 id="findings-title">Findings for the week of {week}</h2>
        <div className="actions">
          <button type="button" onClick={() => rerun.mutate(open)} disabled={status === 'loading'}>
            Analyse again
          </button>
          <button type="button" onClick={() => close(null)}>
            Close
          </button>
        </div>
      </header>
      {status === 'loading' && <p role="status">Analysing the mirrored week…</p>}
      {status === 'failed' && (
        <p className="error-text" role="alert">
          {error?.message}
        </p>
      )}
      {analysis && status === 'ready' && (
        <>
          <p className={errors ? 'error-text' : 'muted'} data-testid="findings-summary">
            {analysis.findings.length === 0
              ? 'Nothing found: this week is clear to publish.'
              : `${analysis.findings.length} finding(s), ${errors} that will make the publish fail.`}{' '}
            Times in {analysis.businessUnit.timeZone}; analysed {new Date(analysis.analysedAt).toLocaleString()}.
          </p>
          <ul className="kind-chips" aria-label="Findings by kind">
            {findingKinds
              .filter((k) => groups.has(k))
              .map((k) => (
                <li key={k}>
                  <a href={`#kind-${k}`}>
                    {kindLabel[k]} <strong>{groups.get(k)!.length}</strong>
                  </a>
                </li>
              ))}
          </ul>
          {findingKinds
            .filter((k) => groups.has(k))
            .map((k) => (
              <section key={k} id={`kind-${k}`} aria-label={kindLabel[k]}>
                <h3>
                  {kindLabel[k]} ({groups.get(k)!.length})
                </h3>
                <ul className="finding-list">
                  {groups.get(k)!.map((f) => (
                    <li key={f.id} className={`finding finding-${f.severity}`}>
                      <span className={`badge severity-${f.severity}`}>{f.severity}</span>
                      <p>{f.explanation}</p>
                      <p className="muted">What to do: {f.suggestedFix}</p>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
        </>
      )}
    </section>
  );
}
