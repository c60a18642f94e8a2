/**
 * What an edit needs besides the agent's week: the BU's zone (intents name
 * BU-local days and times, and every word shown is on the BU clock), the
 * unit's activity codes (an edit may only use codes Genesys knows, and only
 * on-queue work may be laid over), and for holdBack the week the agent sees
 * published now.
 */
import type { AgentWeek } from '../publish/agent-week';

export interface EditActivityCode {
  id: string;
  name: string;
  /** Genesys category: OnQueueWork, Break, Meal, Meeting, Training, TimeOff, OffQueueWork, … */
  category: string;
}

export interface EditContext {
  /** The business unit's IANA zone. */
  timeZone: string;
  activityCodes: readonly EditActivityCode[];
  /**
   * holdBack: the agent's week in the schedule agents see now. null when
   * nothing is published for them this week; absent when the caller does not
   * know (holdBack is then refused rather than guessed).
   */
  publishedWeek?: AgentWeek | null;
  /** For labels: "… of Ana Ruiz". */
  agentName?: string;
}

/** Genesys' category of on-queue work: the only activity an inserted one may be laid over. */
export const onQueueWork = 'OnQueueWork';
export const timeOffCategory = 'TimeOff';

const codeMaps = new WeakMap<readonly EditActivityCode[], Map<string, EditActivityCode>>();

/** The codes by id, built once per list (a bulk edit asks for every agent). */
export function codesById(ctx: EditContext): Map<string, EditActivityCode> {
  let map = codeMaps.get(ctx.activityCodes);
  if (!map) {
    map = new Map(ctx.activityCodes.map((c) => [c.id, c]));
    codeMaps.set(ctx.activityCodes, map);
  }
  return map;
}

export function codeName(ctx: EditContext, id: string): string {
  return codesById(ctx).get(id)?.name ?? 'Activity';
}
