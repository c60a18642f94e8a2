/**
 * What agents see now, for a draft published over a week that already has a
 * published schedule. Publishing the draft shows every agent of it the
 * draft's week, so the publish changes what agents see even for agents the
 * change set does not edit; Genesys refuses that while such an agent is in
 * an active scripted conversation (the sandbox's `script-lock` rule, see
 * main/sandbox/wfm/script-lock.ts). The machine can only hold back an agent
 * it tracks, so those agents are handed in too, unedited, with the week they
 * see now: holding one back sends that week into the draft (as new shifts),
 * so the publish leaves them as they are until they are released.
 *
 * - A schedule already published, or a week's first publish (no published
 *   schedule shares a week with it), changes nothing for unedited agents:
 *   `overPublished` is false and only the change set's agents are tracked.
 * - An agent of the draft the published schedule has no week for sees an
 *   empty week now: holding them back empties their week in the draft until
 *   they are released (what they see stays: nothing).
 * - An agent of the published schedule the draft has no week for is not
 *   tracked: holding them would mean creating their agent schedule in the
 *   draft. A 409 naming them ends the publish with words (machine-holds.ts).
 */
import type Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import type { AgentWeek } from '../../shared/publish/agent-week';
import type { StartAgent } from '../../shared/publish/machine-events';
import { sameSeen } from '../../shared/publish/machine-plan';
import { readAgentWeeks } from '../mirror/edits/kept-weeks';
import { prepared } from '../mirror/statement-cache';
import { pendingMarks } from '../mirror/timeline/pending-weeks';
import { seenDiffers } from './seen-differs';
import { startAgents } from './start-event';

interface ScheduleSpan {
  id: string;
  weekDate: string;
  weekCount: number;
  published: number;
}

const dayMs = 86_400_000;
const daysOf = (s: ScheduleSpan) => {
  const start = Date.parse(`${s.weekDate}T00:00:00Z`);
  return { start, end: start + s.weekCount * 7 * dayMs };
};

function spansOf(db: Database.Database, businessUnitId: string, scheduleId: string) {
  const rows = prepared(
    db,
    `SELECT id, week_date AS weekDate, week_count AS weekCount, published FROM schedules WHERE business_unit_id = ?`,
  ).all(businessUnitId) as ScheduleSpan[];
  const schedule = rows.find((r) => r.id === scheduleId);
  if (!schedule) return null;
  const own = daysOf(schedule);
  // Weeks are whole BU weeks, so schedules share a week when their dates overlap as days.
  const over = rows.filter((r) => {
    if (r.id === scheduleId || r.published !== 1) return false;
    const d = daysOf(r);
    return d.start < own.end && own.start < d.end;
  });
  return { schedule, over };
}

/** The published schedules of the BU a publish of this draft is published over; none for a published schedule. */
export function publishedOver(db: Database.Database, businessUnitId: string, scheduleId: string): string[] {
  const spans = spansOf(db, businessUnitId, scheduleId);
  if (!spans || spans.schedule.published === 1) return [];
  return spans.over.map((s) => s.id);
}

/** The draft's weeks as instants (from the BU's midnight of its first day) and as BU dates. */
function spanOf(db: Database.Database, businessUnitId: string, draft: ScheduleSpan) {
  const zone =
    (prepared(db, 'SELECT time_zone FROM business_units WHERE id = ? AND time_zone IS NOT NULL LIMIT 1')
      .pluck()
      .get(businessUnitId) as string | undefined) ?? 'UTC';
  const first = DateTime.fromISO(draft.weekDate, { zone }).startOf('day');
  const last = first.plus({ weeks: draft.weekCount });
  return { start: first.toMillis(), end: last.toMillis(), firstDate: draft.weekDate, endDate: last.toISODate()! };
}
type Span = ReturnType<typeof spanOf>;

/** The agents' weeks in the published schedules, within the draft's weeks. */
function weeksSeenNow(db: Database.Database, publishedIds: string[], span: Span, agentIds: readonly string[]) {
  const seen = new Map<string, AgentWeek>();
  for (const id of publishedIds)
    for (const [agentId, { week }] of readAgentWeeks(db, id, agentIds)) {
      const known = seen.get(agentId) ?? { shifts: [], fullDayTimeOffMarkers: [] };
      const inSpan = (start: string) => Date.parse(start) >= span.start && Date.parse(start) < span.end;
      const onDates = (date: string) => date >= span.firstDate && date < span.endDate;
      seen.set(agentId, {
        shifts: [...known.shifts, ...week.shifts.filter((s) => inSpan(s.startDate))],
        fullDayTimeOffMarkers: [
          ...known.fullDayTimeOffMarkers,
          ...week.fullDayTimeOffMarkers.filter((m) => onDates(m.businessUnitDate)),
        ],
      });
    }
  return seen;
}

const emptyWeek = (): AgentWeek => ({ shifts: [], fullDayTimeOffMarkers: [] });

/**
 * The agents a publish of the schedule starts with: the change set's (as `startAgents`), each with the week they
 * see now when the draft is published over the week, and then every other agent of the draft whose draft week
 * differs from what they see now (unedited: `mine` null). Agents held back by an edit stay out, as in `startAgents`.
 */
export function publishStartAgents(
  db: Database.Database,
  businessUnitId: string,
  scheduleId: string,
): { overPublished: boolean; agents: StartAgent[] } {
  const edited = startAgents(db, scheduleId);
  const spans = spansOf(db, businessUnitId, scheduleId);
  if (!spans || spans.schedule.published === 1 || spans.over.length === 0)
    return { overPublished: false, agents: edited };
  const span = spanOf(db, businessUnitId, spans.schedule);
  const publishedIds = spans.over.map((s) => s.id);
  // Every agent an applied edit changes (held back ones too), without parsing their weeks again.
  const inChangeSet = new Set(pendingMarks(db, scheduleId).keys());
  // Not compared (they are tracked anyway): a fifth of the weeks when 1,000 of 5,000 are edited.
  const skip = [...inChangeSet];
  const differs = seenDiffers(db, scheduleId, publishedIds, span, skip);
  const draftAgents = prepared(db, 'SELECT agent_id FROM agent_schedules WHERE schedule_id = ?')
    .pluck()
    .all(scheduleId) as string[];
  const differing = draftAgents.filter((id) => !inChangeSet.has(id) && differs(id));
  const seen = weeksSeenNow(db, publishedIds, span, [...edited.map((a) => a.agentId), ...differing]);
  const agents = edited.map((a) => ({ ...a, seenNow: seen.get(a.agentId) ?? emptyWeek() }));
  for (const [agentId, draft] of readAgentWeeks(db, scheduleId, differing)) {
    const seenNow = seen.get(agentId) ?? emptyWeek();
    if (sameSeen(draft.week, seenNow)) continue;
    agents.push({ agentId, base: { week: draft.week, version: draft.version }, mine: null, seenNow });
  }
  return { overPublished: true, agents };
}
