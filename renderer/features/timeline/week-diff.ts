/**
 * Which agents a publish changes: an agent's week in the draft against the same agent's week in the
 * published schedule. Shift ids differ between a schedule and its revision, so shifts are compared by
 * what an agent sees: start, end, and each activity's code and times. Time off is not compared (it
 * comes from the agent's requests, not the schedule's edits). Pure.
 */
import type { TimelineAgent, TimelineShift } from '../../../shared/timeline';

/** A shift as the agent sees it: its span and each activity's code and times, whatever its id. */
export const shiftSignature = (s: TimelineShift): string =>
  `${s.startMs}-${s.endMs}[${[...s.activities]
    .sort((a, b) => a.startMs - b.startMs || a.activityCodeId.localeCompare(b.activityCodeId))
    .map((a) => `${a.activityCodeId}@${a.startMs}+${a.lengthMinutes}`)
    .join(',')}]`;

/** The agent's week as the agent sees it, in time order; '' for no shifts. */
export function weekSignature(agent: Pick<TimelineAgent, 'shifts'> | undefined): string {
  if (!agent) return '';
  return agent.shifts.map(shiftSignature).sort().join(';');
}

/** True when the two weeks differ; an agent with shifts in one and none (or absent) in the other is changed. */
export const agentChanged = (
  draft: Pick<TimelineAgent, 'shifts'> | undefined,
  published: Pick<TimelineAgent, 'shifts'> | undefined,
): boolean => weekSignature(draft) !== weekSignature(published);

/** The ids of every agent whose week differs between the two schedules, sorted. */
export function changedAgentIds(
  draft: readonly Pick<TimelineAgent, 'id' | 'shifts'>[],
  published: readonly Pick<TimelineAgent, 'id' | 'shifts'>[],
): string[] {
  const pub = new Map(published.map((a) => [a.id, a]));
  const ids = new Set<string>();
  for (const a of draft) if (agentChanged(a, pub.get(a.id))) ids.add(a.id);
  const seen = new Set(draft.map((a) => a.id));
  for (const a of published) if (!seen.has(a.id) && a.shifts.length > 0) ids.add(a.id);
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
