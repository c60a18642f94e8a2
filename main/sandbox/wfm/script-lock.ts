/**
 * script-lock: what users report – agents in an active scripted
 * conversation cannot have their schedule changed until the session ends.
 * Nothing documents it, so the sandbox's rule is its own choice, made so a
 * client can hold those agents back and publish the rest:
 *
 * - A **publish** (`published: true`) is refused when it changes what an
 *   agent in an active session *sees now*: the agent's week in the
 *   published schedule(s) of the weeks it covers, against the agent's week
 *   in this schedule after the update. That includes agents the upload does
 *   not list (a draft published over the week shows them its own weeks), and
 *   lets through an agent listed exactly as they are published now (held
 *   back). An update of the published schedule itself is judged the same way.
 *   A week's first publish (no published schedule covers it) changes nothing
 *   agents see now, so there only an entry that changes a locked agent is
 *   refused: holding means not sending their edits.
 * - A **plain update** keeps the profile's first rule: any entry for such an
 *   agent is refused, whatever it changes.
 *
 * The 409 names the agents: one detail per agent (`agent.schedule.locked`,
 * its user id) and `messageParams.userIds`, in the SDK's `ErrorBody`.
 */
import { DateTime } from 'luxon';
import { ApiError } from '../http/api-error';
import type { AgentScheduleState, BusinessUnitState, ScheduleState } from '../org/model';
import type { SandboxRuntime } from '../runtime';
import type { ResolvedAgent } from './agent-patch';
import { sharesAWeek } from './publish-over';
import type { UpdateUpload } from './upload-schemas';

type AgentWeekState = Pick<AgentScheduleState, 'shifts' | 'fullDayTimeOffMarkers'>;

/** Agents in a scripted conversation that has started and not ended. */
export function agentsInScriptSessions(runtime: SandboxRuntime): Set<string> {
  const now = runtime.now().getTime();
  return new Set(
    runtime.org.scriptSessions
      .filter((s) => Date.parse(s.start) <= now && (s.end === null || Date.parse(s.end) > now))
      .map((s) => s.userId),
  );
}

/** The schedule's weeks, from the BU's midnight of its first day: instants and BU dates. */
function spanOf(bu: BusinessUnitState, schedule: ScheduleState) {
  const first = DateTime.fromISO(schedule.weekDate, { zone: bu.timeZone }).startOf('day');
  const last = first.plus({ weeks: schedule.weekCount });
  return { start: first.toMillis(), end: last.toMillis(), firstDate: schedule.weekDate, endDate: last.toISODate()! };
}

/** What an agent sees of a span, ids aside (two schedules of a week give the same shift different ids). */
function seen(weeks: AgentWeekState[], span: ReturnType<typeof spanOf>): string {
  const shifts = weeks
    .flatMap((w) => w.shifts)
    .filter((s) => Date.parse(s.startDate) >= span.start && Date.parse(s.startDate) < span.end)
    .map((s) =>
      [
        Date.parse(s.startDate),
        s.lengthMinutes,
        ...s.activities.map((a) => `${Date.parse(a.startDate)}+${a.lengthMinutes}:${a.activityCodeId}`),
      ].join(' '),
    );
  const markers = weeks
    .flatMap((w) => w.fullDayTimeOffMarkers)
    .filter((m) => m.businessUnitDate >= span.firstDate && m.businessUnitDate < span.endDate)
    .map((m) => `${m.businessUnitDate}@${m.startOffsetMinutes}+${m.lengthMinutes}:${m.activityCodeId}`);
  return JSON.stringify([shifts.sort(), markers.sort()]);
}

/** Whether agents see any of the schedule's weeks now: it, or another schedule sharing a week, is published. */
const seenByAgents = (bu: BusinessUnitState, schedule: ScheduleState) =>
  [...bu.schedules.values()].some((s) => s.published && (s === schedule || sharesAWeek(s, schedule)));

function changesWhatTheySee(
  bu: BusinessUnitState,
  schedule: ScheduleState,
  userId: string,
  after: AgentWeekState | null,
): boolean {
  const span = spanOf(bu, schedule);
  const published = [...bu.schedules.values()].filter(
    (s) => s.published && (s === schedule || sharesAWeek(s, schedule)),
  );
  const now = published.flatMap((s) => s.agentSchedules.get(userId) ?? []);
  return seen(now, span) !== seen(after ? [after] : [], span);
}

function lockedError(userIds: string[]): ApiError {
  const list = userIds.join(', ');
  return new ApiError(
    409,
    'conflict',
    `The schedules of ${userIds.length} agent(s) cannot be changed while they are in an active scripted conversation: ${list}`,
    {
      messageWithParams:
        'The schedules of {count} agent(s) cannot be changed while they are in an active scripted conversation: {userIds}',
      messageParams: { count: String(userIds.length), userIds: list },
      details: userIds.map((id) => ({ errorCode: 'agent.schedule.locked', entityId: id, entityName: 'agentSchedule' })),
    },
  );
}

/** Throws the 409 when the accepted update would change a locked agent (see the rule above). */
export function refuseScriptLocked(
  runtime: SandboxRuntime,
  bu: BusinessUnitState,
  schedule: ScheduleState,
  upload: UpdateUpload,
  agents: readonly ResolvedAgent[],
): void {
  if (!runtime.faults.scriptLock) return;
  const busy = agentsInScriptSessions(runtime);
  if (busy.size === 0) return;
  const publishes = upload.published === true || schedule.published;
  let locked: string[];
  if (!publishes) {
    locked = upload.agentSchedules.filter((a) => busy.has(a.userId)).map((a) => a.userId);
  } else if (!seenByAgents(bu, schedule)) {
    // A week's first publish: agents see nothing of it yet, so only an entry that changes a locked agent counts.
    locked = agents.filter((a) => a.changed && busy.has(a.userId)).map((a) => a.userId);
  } else {
    const resolved = new Map(agents.map((a) => [a.userId, a]));
    locked = [...busy].filter((userId) => {
      const entry = resolved.get(userId);
      const after = entry ? entry.after : (schedule.agentSchedules.get(userId) ?? null);
      return changesWhatTheySee(bu, schedule, userId, after);
    });
  }
  if (locked.length > 0) throw lockedError([...new Set(locked)].sort());
}
