/**
 * One-click fixes: a finding's suggested fix as edit intents on the agent's
 * week, each with its label in words. Options come best first (the first is
 * the default the button applies); only options the week accepts are given,
 * so a button never offers an edit that would then be refused.
 */
import type { Finding } from '../analysis/types';
import type { AgentWeek } from '../publish/agent-week';
import { applyIntent } from './apply';
import type { EditContext } from './context';
import { activityFixes } from './fixes-activity';
import { intentLabel } from './labels';
import { endMsOf, findShift, isoOf, startMsOf } from './shift-ref';
import type { EditIntent } from './types';
import { changeWords } from './wording';

export interface FixOption {
  intent: EditIntent;
  label: string;
}

interface ShiftFact {
  id: string;
  start: string;
  end: string;
}

const minuteMs = 60_000;

function trim(week: AgentWeek, shiftId: string, startMs: number, endMs: number, ctx: EditContext): FixOption | null {
  const at = findShift(week, shiftId);
  if (!at || !(endMs > startMs)) return null;
  const from: [number, number] = [startMsOf(at.shift), endMsOf(at.shift)];
  const label = `Trim shift ${changeWords(from, [startMs, endMs], ctx.timeZone)}`;
  return { intent: { kind: 'resizeShift', shiftId, startDate: isoOf(startMs), endDate: isoOf(endMs) }, label };
}

const drop = (week: AgentWeek, shiftId: string, ctx: EditContext): FixOption | null =>
  findShift(week, shiftId) ? labelled({ kind: 'dropShift', shiftId }, week, ctx) : null;

const labelled = (intent: EditIntent, week: AgentWeek, ctx: EditContext): FixOption => ({
  intent,
  label: intentLabel(intent, week, ctx),
});

/** Drop one, or trim the later to start at the earlier's end; a shift of another schedule can only be met, not edited. */
function shiftOverlapFixes(f: Finding, week: AgentWeek, ctx: EditContext): Array<FixOption | null> {
  const shifts = (f.evidence.shifts ?? []) as ShiftFact[];
  const [a, b] = [...shifts].sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
  if (!a || !b) return [];
  const mine = (s: ShiftFact) => findShift(week, s.id) !== null;
  const options: Array<FixOption | null> = [];
  if (mine(b) && Date.parse(b.end) > Date.parse(a.end))
    options.push(trim(week, b.id, Date.parse(a.end), Date.parse(b.end), ctx));
  else if (mine(a) && !mine(b)) options.push(trim(week, a.id, Date.parse(a.start), Date.parse(b.start), ctx));
  options.push(drop(week, b.id, ctx), drop(week, a.id, ctx));
  return options;
}

function moveBy(week: AgentWeek, shiftId: string, byMinutes: number, ctx: EditContext): FixOption | null {
  if (!findShift(week, shiftId) || !Number.isInteger(byMinutes) || byMinutes === 0) return null;
  return labelled({ kind: 'moveShift', shiftId, byMinutes }, week, ctx);
}

/** The longest part of the shift outside the time off: what a trim keeps. */
function outsideTimeOff(startMs: number, endMs: number, offs: Array<{ start: string; end: string }>): [number, number] {
  let pieces: Array<[number, number]> = [[startMs, endMs]];
  for (const off of offs) {
    const [s, e] = [Date.parse(off.start), Date.parse(off.end)];
    pieces = pieces.flatMap(([a, b]): Array<[number, number]> =>
      e <= a || s >= b
        ? [[a, b]]
        : (
            [
              [a, Math.min(b, s)],
              [Math.max(a, e), b],
            ] as Array<[number, number]>
          ).filter(([x, y]) => y > x),
    );
  }
  return pieces.reduce((best, p) => (p[1] - p[0] > best[1] - best[0] ? p : best), [0, 0] as [number, number]);
}

function timeOffFixes(f: Finding, week: AgentWeek, ctx: EditContext): Array<FixOption | null> {
  const shiftId = String((f.evidence.shiftIds as string[] | undefined)?.[0] ?? '');
  const at = findShift(week, shiftId);
  if (!at) return [];
  const [s, e] = outsideTimeOff(startMsOf(at.shift), endMsOf(at.shift), (f.evidence.timeOff ?? []) as ShiftFact[]);
  // Less than an hour left is no shift worth keeping: dropping is the honest fix then.
  const keep = e - s >= 60 * minuteMs ? trim(week, shiftId, s, e, ctx) : null;
  return [keep, drop(week, shiftId, ctx)];
}

function candidates(f: Finding, week: AgentWeek, ctx: EditContext): Array<FixOption | null> {
  if (f.evidence.invalidInput === true) return [];
  const firstShift = String((f.evidence.shiftIds as string[] | undefined)?.[0] ?? '');
  switch (f.kind) {
    case 'shiftOverlap':
      return shiftOverlapFixes(f, week, ctx);
    case 'naiveUtcShift': {
      const by = (Date.parse(String(f.evidence.likelyStart)) - Date.parse(String(f.evidence.storedStart))) / minuteMs;
      return [moveBy(week, firstShift, by, ctx)];
    }
    case 'dstShift':
      // Only a start moved by the change has a wall-clock place to go back to; a shift across the change
      // is as long as it was meant to be or not, and only the supervisor knows which.
      return [moveBy(week, firstShift, -Number(f.evidence.startMovedMinutes ?? 0), ctx)];
    case 'timeOffOverlap':
      return timeOffFixes(f, week, ctx);
    case 'activityOverlap':
      return activityFixes(f, week, ctx);
    case 'scriptSession':
      return [labelled({ kind: 'holdBack' }, week, ctx)];
    case 'zoneMismatch':
      return [];
  }
}

/** Every fix the week accepts, the default first. */
export function fixOptions(finding: Finding, week: AgentWeek, ctx: EditContext): FixOption[] {
  return candidates(finding, week, ctx).filter(
    (o): o is FixOption => o !== null && applyIntent(week, o.intent, ctx).ok,
  );
}

/** The default one-click fix, or null when the finding has none the week accepts. */
export function fixFor(finding: Finding, week: AgentWeek, ctx: EditContext): FixOption | null {
  return fixOptions(finding, week, ctx)[0] ?? null;
}
