/**
 * Which agents a publish changes: an agent's week in the draft against the same agent's week in the
 * published schedule. Shift ids differ between a schedule and its revision, so shifts are compared by
 * what an agent sees: start, end, and each activity's code and times. Full-day time off is compared
 * too: a marker is part of the agent schedule Genesys publishes (`fullDayTimeOffMarkers`), so a day off
 * granted, taken back or recoded in the draft is news to the agent even when no shift moved. A
 * marker is compared by day, span and code, not by the request that made it. Pure.
 */
import type { TimelineAgent, TimelineShift, TimelineTimeOff } from '../../../shared/timeline';

/** A shift as the agent sees it: its span and each activity's code and times, whatever its id. */
export const shiftSignature = (s: TimelineShift): string =>
  `${s.startMs}-${s.endMs}[${[...s.activities]
    .sort((a, b) => a.startMs - b.startMs || a.activityCodeId.localeCompare(b.activityCodeId))
    .map((a) => `${a.activityCodeId}@${a.startMs}+${a.lengthMinutes}`)
    .join(',')}]`;

/** A full-day time-off marker as the agent sees it: the BU-local day, its span and its code. */
export const timeOffSignature = (t: TimelineTimeOff): string =>
  `${t.businessUnitDate}@${t.startMs}+${t.lengthMinutes}:${t.activityCodeId}`;

type AgentWeek = Pick<TimelineAgent, 'shifts' | 'timeOff'>;

/** The agent's week as the agent sees it, in time order: shifts, then days off; '' for neither. */
export function weekSignature(agent: AgentWeek | undefined): string {
  if (!agent) return '';
  const shifts = agent.shifts.map(shiftSignature).sort().join(';');
  const timeOff = agent.timeOff.map(timeOffSignature).sort().join(';');
  return timeOff ? `${shifts}|${timeOff}` : shifts;
}

/**
 * True when the two weeks differ; an agent with shifts or days off in one and nothing (or absent) in the
 * other is changed.
 */
export const agentChanged = (draft: AgentWeek | undefined, published: AgentWeek | undefined): boolean =>
  weekSignature(draft) !== weekSignature(published);

/** The ids of every agent whose week differs between the two schedules, sorted. */
export function changedAgentIds(
  draft: readonly (AgentWeek & Pick<TimelineAgent, 'id'>)[],
  published: readonly (AgentWeek & Pick<TimelineAgent, 'id'>)[],
): string[] {
  const pub = new Map(published.map((a) => [a.id, a]));
  const ids = new Set<string>();
  for (const a of draft) if (agentChanged(a, pub.get(a.id))) ids.add(a.id);
  const seen = new Set(draft.map((a) => a.id));
  for (const a of published) if (!seen.has(a.id) && weekSignature(a) !== '') ids.add(a.id);
  return [...ids].sort();
}

/**
 * The agents a filter keeps when "only agents with findings" and "changed only" may both be on:
 * null is "no restriction"; both on keeps the agents in both.
 */
export function combineAgentIds(
  findings: readonly string[] | null,
  changed: readonly string[] | null,
): string[] | null {
  if (findings === null && changed === null) return null;
  if (findings === null) return [...changed!].sort();
  if (changed === null) return [...findings].sort();
  const keep = new Set(changed);
  return findings.filter((id) => keep.has(id)).sort();
}
