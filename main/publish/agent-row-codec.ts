/**
 * One journaled agent as its `publish_job_agents` row holds it. An agent carries three weeks (what Genesys has,
 * what it should have, what it sees published now) that are mostly the same shifts: an edit moves one shift of
 * five, and a draft's week is the published one under other ids. Written whole, a 1,000-agent publish wrote
 * ~20 MB three times (its start, the first re-read, the verify), and stringifying and writing it was a second of
 * the publish. So a shift of `intended` or `seenNow` that is a shift of `base.week` in everything but its `id`
 * and `schedule` reference is written as `{"$b": index}` with its own `id` and `schedule`; anything else is
 * written as it is. Reading expands them back to the same data (keys may come in another order, which no
 * reader depends on: every comparison is field by field). A row written before this is read as it was.
 */
import type { AgentWeek, WeekShift } from '../../shared/publish/agent-week';
import type { PublishAgent } from '../../shared/publish/machine-state';
import { sameData } from '../../shared/publish/same-data';

/** A shift written as base shift `$b`, with this shift's own id and schedule reference (absent when it has none). */
interface ShiftRef {
  $b: number;
  id?: string;
  schedule?: WeekShift['schedule'];
}

const own = new Set(['id', 'schedule']);

function packWeek(week: AgentWeek | null, base: readonly WeekShift[], byStart: Map<string, number[]>) {
  if (!week) return week;
  let packed: Array<WeekShift | ShiftRef> | null = null;
  for (let i = 0; i < week.shifts.length; i++) {
    const s = week.shifts[i]!;
    const at = byStart.get(s.startDate)?.find((j) => sameData(s, base[j], own));
    if (at === undefined) continue;
    packed ??= [...week.shifts];
    const ref: ShiftRef = { $b: at };
    if (s.id !== undefined) ref.id = s.id;
    if (s.schedule !== undefined) ref.schedule = s.schedule;
    packed[i] = ref;
  }
  return packed ? { ...week, shifts: packed } : week;
}

/** The row's text of an agent. */
export function agentRowText(agent: PublishAgent): string {
  const base = agent.base.week.shifts;
  if (base.length === 0) return JSON.stringify(agent);
  const byStart = new Map<string, number[]>();
  base.forEach((s, i) => byStart.set(s.startDate, [...(byStart.get(s.startDate) ?? []), i]));
  return JSON.stringify({
    ...agent,
    intended: packWeek(agent.intended, base, byStart),
    seenNow: packWeek(agent.seenNow, base, byStart),
  });
}

const isRef = (v: unknown): v is ShiftRef =>
  typeof v === 'object' && v !== null && typeof (v as { $b?: unknown }).$b === 'number';

function expandWeek(week: unknown, base: unknown[]): void {
  const shifts = (week as { shifts?: unknown } | null)?.shifts;
  if (!Array.isArray(shifts)) return;
  shifts.forEach((s, i) => {
    if (!isRef(s)) return;
    const from = base[s.$b];
    // A reference to nothing is left as it is: the state's check then refuses the row as damaged.
    if (typeof from !== 'object' || from === null) return;
    const shift: Record<string, unknown> = {};
    // A copy: the base shift it came from stays its own object.
    for (const [k, v] of Object.entries(from)) if (!own.has(k)) shift[k] = JSON.parse(JSON.stringify(v)) as unknown;
    if (s.id !== undefined) shift.id = s.id;
    if (s.schedule !== undefined) shift.schedule = s.schedule;
    shifts[i] = shift;
  });
}

/** An agent from its row's parsed text, shifts written as references expanded (unchecked: the state's schema checks it after). */
export function agentFromRow(parsed: unknown): unknown {
  if (typeof parsed !== 'object' || parsed === null) return parsed;
  const agent = parsed as { base?: { week?: { shifts?: unknown } }; intended?: unknown; seenNow?: unknown };
  const base = agent.base?.week?.shifts;
  if (!Array.isArray(base)) return parsed;
  expandWeek(agent.intended, base);
  expandWeek(agent.seenNow, base);
  return parsed;
}
