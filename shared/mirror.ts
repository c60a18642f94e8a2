/** The mirror as the Schedules screen sees it: what is on this machine, and how old it is. */

export interface BusinessUnitSummary {
  id: string;
  name: string;
  timeZone: string;
  /** When this business unit was last fetched (ISO instant); null if only listed. */
  asOf: string | null;
}

export interface WeekSummary {
  weekDate: string;
  scheduleId: string;
  description: string;
  published: boolean;
  version: number;
  weekCount: number;
  agentCount: number;
  asOf: string;
}

export type SyncPhase = 'businessUnit' | 'schedules' | 'agentSchedules' | 'timeOff' | 'scriptSessions' | 'done';

export interface SyncProgress {
  profileId: string;
  businessUnitId: string;
  phase: SyncPhase;
  done: number;
  total: number;
  item?: string;
}

export interface SyncRunSummary {
  id: number;
  profileId: string;
  businessUnitId: string;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'ok' | 'failed' | 'cancelled';
  weeks: string[];
  requests: number;
  schedulesFetched: number;
  schedulesUnchanged: number;
  agentSchedulesWritten: number;
  error: string | null;
}

export interface SchedulesOverview {
  businessUnits: BusinessUnitSummary[];
  /** The profile could not be reached the last time it was tried: reads come from the mirror. */
  offline: { since: string; reason: string } | null;
}
