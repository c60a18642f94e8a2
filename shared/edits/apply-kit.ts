/** What the applyIntent tests share: a result's week or its problems, and shifts by id in words. */
import type { AgentWeek, WeekShift } from '../publish/agent-week';
import type { ApplyResult } from './apply';
import { shiftKey } from './shift-ref';

export const ok = (r: ApplyResult): AgentWeek => {
  if (!r.ok) throw new Error(`refused: ${r.problems.join('; ')}`);
  return r.week;
};
export const problems = (r: ApplyResult): string[] => (r.ok ? [] : r.problems);
export const byId = (w: AgentWeek, id: string) => w.shifts.find((s, i) => shiftKey(s, i) === id) as WeekShift;
export const span = (s: WeekShift) => [s.startDate, s.lengthMinutes].join(' ');
export const spans = (s: WeekShift) => s.activities.map((a) => `${a.activityCodeId} ${a.startDate} ${a.lengthMinutes}`);
