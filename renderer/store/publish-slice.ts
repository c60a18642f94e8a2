import type { SliceSet } from './index';
import type { AgentStatus } from '../../shared/publish/machine-state';

/**
 * What the supervisor picked on the Publish screen: UI only. The publish itself (phase, agents, the
 * step timeline) is never kept here: it is read from `publish.state`, so a reload or a second window
 * shows the same publish. Null week or schedule means "not picked": the screen shows the current
 * week and its draft (publish/choice.ts). The unit is the Schedules screen's pick (one choice).
 */
export interface PublishPicks {
  week: string | null;
  scheduleId: string | null;
  /** Script-session policy for the next start: hold those agents back, or publish anyway. */
  holdScriptSessions: boolean;
  /** A past publish opened from the list; null shows the week's latest (or running) one. */
  jobId: string | null;
  /** The per-agent list's filter: which states are shown (empty: all). */
  agentStatuses: AgentStatus[];
  agentSearch: string;
}

export interface PublishSlice {
  publish: PublishPicks;
  setPublish(patch: Partial<PublishPicks>): void;
  /** A new week forgets the schedule and the publish opened in the old one. */
  pickPublishWeek(week: string): void;
  toggleAgentStatus(status: AgentStatus): void;
}

export const initialPublishPicks: PublishPicks = {
  week: null,
  scheduleId: null,
  holdScriptSessions: true,
  jobId: null,
  agentStatuses: [],
  agentSearch: '',
};

export function createPublishSlice(set: SliceSet): PublishSlice {
  return {
    publish: initialPublishPicks,
    setPublish: (patch) => set((s) => ({ publish: { ...s.publish, ...patch } })),
    pickPublishWeek: (week) => set((s) => ({ publish: { ...s.publish, week, scheduleId: null, jobId: null } })),
    toggleAgentStatus: (status) =>
      set((s) => {
        const on = s.publish.agentStatuses;
        const agentStatuses = on.includes(status) ? on.filter((x) => x !== status) : [...on, status];
        return { publish: { ...s.publish, agentStatuses } };
      }),
  };
}
