/**
 * A finding's one-click fixes for the buttons: the shared core's options on the agent's week, best
 * first. Holding an agent back needs the week agents see now, which the timeline does not read for a
 * fix; main has it, so the option is offered and main's dry run says whether it holds.
 */
import type { Finding } from '../../../shared/analysis/types';
import type { EditContext } from '../../../shared/edits/context';
import { fixOptions, type FixOption } from '../../../shared/edits/fixes';
import { intentLabel } from '../../../shared/edits/labels';
import type { AgentWeek } from '../../../shared/publish/agent-week';

/** Findings a fix can exist for (a zone mismatch is the MU's setting, not an agent's edit). */
export const fixable = (f: Finding): boolean => f.agentId !== null && f.kind !== 'zoneMismatch';

export function fixesFor(finding: Finding, week: AgentWeek, ctx: EditContext): FixOption[] {
  if (finding.kind === 'scriptSession') {
    const intent = { kind: 'holdBack' as const };
    return [{ intent, label: intentLabel(intent, week, ctx) }];
  }
  return fixOptions(finding, week, ctx);
}
