import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Finding } from '../../../shared/analysis/types';
import { describeWeeks } from '../../../shared/edits/describe';
import type { FixOption } from '../../../shared/edits/fixes';
import { useOpsClient } from '../../ops-client-context';
import { useConsole } from '../../store/context';
import { agentWeekQuery, legendQuery, type TimelineSubject } from '../timeline/queries';
import { agentWeekOf, editContextOf } from './agent-week-of';
import { useChangeSetContext } from './change-set-context';
import { fixable, fixesFor } from './fix-options';

/**
 * A finding's "Fix": its options (drop one, trim, move back…), each shown first as a preview (main's
 * dry run: the edit in words, and the new placement outlined on the timeline), then kept with Apply
 * as one undoable edit of the change set.
 */
export function FixMenu(props: {
  finding: Finding;
  subject: TimelineSubject;
  buZone: string;
  onShow?(f: Finding): void;
}) {
  const { finding, subject } = props;
  const client = useOpsClient();
  const queryClient = useQueryClient();
  const cs = useChangeSetContext();
  const preview = useConsole((s) => s.editPreview);
  const setPreview = useConsole((s) => s.setEditPreview);
  const [options, setOptions] = useState<FixOption[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const agentId = finding.agentId;
  if (!agentId || !fixable(finding)) return null;
  const mine = preview?.findingId === finding.id ? preview : null;

  const context = async () => {
    const [agent, legend] = await Promise.all([
      queryClient.fetchQuery(agentWeekQuery(client, subject, agentId)),
      queryClient.fetchQuery(legendQuery(client, subject.profileId, subject.businessUnitId)),
    ]);
    if (!agent) throw new Error('The agent has no week in this schedule any more.');
    return { week: agentWeekOf(agent), ctx: editContextOf(props.buZone, legend, agent.name) };
  };
  const run = async (work: () => Promise<void>) => {
    setWorking(true);
    setProblem(null);
    try {
      await work();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setWorking(false);
    }
  };
  const open = () =>
    run(async () => {
      const { week, ctx } = await context();
      const found = fixesFor(finding, week, ctx);
      setOptions(found);
      if (found.length === 0) setProblem(`No one-click fix fits this week. ${finding.suggestedFix}`);
    });
  const choose = (o: FixOption) =>
    run(async () => {
      const { ctx } = await context();
      const source = { type: 'fix' as const, findingId: finding.id };
      const result = await cs.apply.mutateAsync({ intent: o.intent, agentIds: [agentId], source, dryRun: true });
      const change = result.changes[0];
      if (!change) throw new Error(result.skipped[0]?.problems.join('; ') || 'Main refused the fix.');
      props.onShow?.(finding);
      setPreview({
        agentId,
        intent: o.intent,
        label: o.label,
        findingId: finding.id,
        before: change.before,
        after: change.after,
        lines: change.heldBack
          ? ['Held back: this publish leaves them as they are published now']
          : describeWeeks(change.before, change.after, ctx),
      });
    });
  const apply = () =>
    run(async () => {
      if (!mine) return;
      await cs.apply.mutateAsync({
        intent: mine.intent,
        agentIds: [agentId],
        source: { type: 'fix', findingId: finding.id },
      });
      setPreview(null);
      setOptions(null);
    });

  return (
    <div className="ed-fix" data-testid="fix-menu">
      {!options && (
        <button
          type="button"
          className="ed-fix-button"
          onClick={() => void open()}
          disabled={working}
          title={finding.suggestedFix}
          data-testid="fix-button"
        >
          Fix…
        </button>
      )}
      {options && !mine && options.length > 0 && (
        <div role="group" aria-label="One-click fixes" className="ed-fix-options">
          {options.map((o, i) => (
            <button key={i} type="button" onClick={() => void choose(o)} disabled={working} data-testid="fix-option">
              {o.label}
            </button>
          ))}
          <button type="button" className="link" onClick={() => setOptions(null)}>
            Cancel
          </button>
        </div>
      )}
      {mine && (
        <div className="ed-preview" role="region" aria-label="Fix preview" data-testid="fix-preview">
          <p>
            <strong>{mine.label}</strong>
          </p>
          <ul>
            {mine.lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
          <button
            type="button"
            className="primary"
            onClick={() => void apply()}
            disabled={working}
            data-testid="fix-apply"
          >
            Apply
          </button>
          <button type="button" onClick={() => setPreview(null)} disabled={working}>
            Back
          </button>
        </div>
      )}
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
