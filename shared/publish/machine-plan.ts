/**
 * What the next write sends, from the state alone, so the engine (which
 * builds and gzips the body) and the machine (which names its agents and
 * version) can never disagree: the schedule's current `metadata.version`,
 * `published: true`, and an entry for each agent whose week changes:
 * - a pending agent: its intended week on what Genesys has (its base);
 * - a held agent of a draft published over the week: the week they see
 *   published now, so the publish leaves them as they are;
 * - anything else (applied, in conflict, failed, held on a published
 *   schedule): not sent.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { shiftContent, markerContent, type AgentWeek, type AgentWeekPlan } from './agent-week';
import type { PublishAgent, PublishState } from './machine-state';
import { agentUploadEntries, buildScheduleUpload } from './upload-builder';

/** Two weeks an agent would see alike, shift ids aside (a draft and the published schedule give them different ids). */
export function sameSeen(a: AgentWeek, b: AgentWeek): boolean {
  const shifts = (w: AgentWeek) => JSON.stringify(w.shifts.map((s) => shiftContent({ ...s, id: undefined })).sort());
  const markers = (w: AgentWeek) => JSON.stringify(w.fullDayTimeOffMarkers.map((m) => markerContent(m)).sort());
  return shifts(a) === shifts(b) && markers(a) === markers(b);
}

/** A week sent as new shifts (ids dropped): what holding back gives a draft's agent. */
const asNewShifts = (w: AgentWeek): AgentWeek => ({
  shifts: w.shifts.map(({ id: _id, schedule: _ref, ...s }) => s),
  fullDayTimeOffMarkers: w.fullDayTimeOffMarkers,
});

function planFor(agent: PublishAgent, overPublished: boolean): AgentWeekPlan | null {
  const current = agent.base.version === null ? null : { ...agent.base.week, version: agent.base.version };
  if (agent.status === 'pending') return { userId: agent.agentId, current, intended: agent.intended };
  if (agent.status === 'held' && overPublished && agent.seenNow && !sameSeen(agent.base.week, agent.seenNow))
    return { userId: agent.agentId, current, intended: asNewShifts(agent.seenNow) };
  return null;
}

export function sendPlans(state: PublishState): AgentWeekPlan[] {
  return Object.values(state.agents).flatMap((a) => planFor(a, state.job.overPublished) ?? []);
}

/** The `UpdateScheduleUploadSchema` of the next attempt: what `requestUploadUrl` and `putUpload` carry. */
export function uploadFor(state: PublishState): Models.UpdateScheduleUploadSchema {
  return buildScheduleUpload({ scheduleVersion: state.schedule.version, published: true, agents: sendPlans(state) });
}

/** The agents the next attempt sends an entry for. */
export const agentsSent = (state: PublishState): string[] => agentUploadEntries(sendPlans(state)).map((e) => e.userId!);

/** What each sent agent should have once the write lands (the operation's content check). */
export function intendedOfSent(state: PublishState): Record<string, AgentWeek> {
  const out: Record<string, AgentWeek> = {};
  for (const plan of sendPlans(state)) out[plan.userId] = plan.intended;
  return out;
}
