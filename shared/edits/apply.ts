/**
 * `applyIntent`: one edit intent on one agent's week, checked. Pure: the
 * week given is never changed, and a refused edit says why in words (the
 * intent crosses the contract and the CLI, so it is read with zod here too).
 */
import { z } from 'zod';
import { addActivity, insertActivity, moveActivity, removeActivity, resizeActivity } from './activity-edits';
import type { EditContext } from './context';
import { OpsError } from '../ops-error';
import type { AgentWeek } from '../publish/agent-week';
import {
  addShift,
  dropDayShifts,
  dropShift,
  moveShift,
  moveShifts,
  resizeShift,
  setFullDayTimeOff,
} from './shift-edits';
import { refused, type Step } from './step';
import { editIntent, type EditIntent } from './types';
import { editProblems } from './validate';

export type ApplyResult =
  | { ok: true; week: AgentWeek; /** holdBack: publish leaves this agent alone. */ heldBack?: true }
  | { ok: false; problems: string[] };

function holdBack(ctx: EditContext): Step {
  if (ctx.publishedWeek === undefined)
    return refused('What the agent sees published now is not known here; re-sync the week, then hold the agent back');
  return { ok: true, week: ctx.publishedWeek ?? { shifts: [], fullDayTimeOffMarkers: [] } };
}

function step(week: AgentWeek, intent: EditIntent, ctx: EditContext): Step {
  switch (intent.kind) {
    case 'dropShift':
      return dropShift(week, intent);
    case 'moveShift':
      return moveShift(week, intent);
    case 'resizeShift':
      return resizeShift(week, intent);
    case 'addShift':
      return addShift(week, intent);
    case 'addActivity':
      return addActivity(week, intent, ctx);
    case 'moveActivity':
      return moveActivity(week, intent, ctx);
    case 'resizeActivity':
      return resizeActivity(week, intent, ctx);
    case 'removeActivity':
      return removeActivity(week, intent, ctx);
    case 'setFullDayTimeOff':
      return setFullDayTimeOff(week, intent, ctx);
    case 'holdBack':
      return holdBack(ctx);
    case 'insertActivity':
      return insertActivity(week, intent, ctx);
    case 'moveShifts':
      return moveShifts(week, intent, ctx);
    case 'dropDayShifts':
      return dropDayShifts(week, intent, ctx);
  }
}

/** zod's issues in words: "byMinutes: Too big: expected number to be <=1440". */
export function intentProblems(error: z.ZodError): string[] {
  return error.issues.map(
    (i) => `The edit is not readable: ${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`,
  );
}

export function applyIntent(week: AgentWeek, intent: unknown, ctx: EditContext): ApplyResult {
  const parsed = editIntent.safeParse(intent);
  if (!parsed.success) return { ok: false, problems: intentProblems(parsed.error) };
  return applyReadIntent(week, parsed.data, ctx);
}

/**
 * An intent already read with `editIntent` (a bulk edit reads it once for
 * all its agents, not once per agent: zod costs more than the edit itself).
 */
export function applyReadIntent(week: AgentWeek, intent: EditIntent, ctx: EditContext): ApplyResult {
  const result = step(week, intent, ctx);
  if (!result.ok) return result;
  // holdBack restores what Genesys already has: nothing of it is this edit's doing.
  if (intent.kind === 'holdBack') return { ok: true, week: result.week, heldBack: true };
  const problems = editProblems(week, result.week, ctx);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, week: result.week };
}

/** The intent read once, for an edit of many agents: the read intent, or every agent's problems. */
export function readIntent(intent: unknown): { ok: true; intent: EditIntent } | { ok: false; problems: string[] } {
  const parsed = editIntent.safeParse(intent);
  return parsed.success ? { ok: true, intent: parsed.data } : { ok: false, problems: intentProblems(parsed.error) };
}

/** For callers that cannot answer with problems (the CLI's `fix`, a contract handler): the week, or a badInput OpsError. */
export function appliedOrThrow(result: ApplyResult, who = 'The edit'): AgentWeek {
  if (result.ok) return result.week;
  throw new OpsError('badInput', `${who} cannot be applied: ${result.problems.join('; ')}.`);
}
