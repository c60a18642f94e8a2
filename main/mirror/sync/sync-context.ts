/** What every step of a business-unit sync shares: the API, the stores, progress, cancellation and tallies. */
import type Database from 'better-sqlite3';
import type { SyncPhase } from '../../../shared/mirror';
import type { GenesysApi } from '../../genesys/client/api';
import { createBusinessUnitStore } from '../business-unit-store';
import { createScheduleStore } from '../schedule-store';
import { createScriptSessionStore } from '../script-session-store';
import { createStaffingStore } from '../staffing-store';
import { createTimeOffStore } from '../time-off-store';

/** The reads a sync uses: a narrow seam, so tests and the CLI can hand in what they have. */
export type MirrorSyncApi = Pick<
  GenesysApi,
  | 'getBusinessUnit'
  | 'getManagementUnits'
  | 'getActivityCodes'
  | 'getBusinessUnitUsers'
  | 'getUsers'
  | 'listSchedules'
  | 'getSchedule'
  | 'queryAgentSchedules'
  | 'queryTimeOffRequests'
  | 'queryConversationDetails'
  | 'getStaffingRequirement'
>;

export interface SyncProgressEvent {
  phase: SyncPhase;
  done: number;
  total: number;
  item?: string;
}

export class SyncCancelled extends Error {
  constructor() {
    super('The sync was cancelled.');
    this.name = 'SyncCancelled';
  }
}

export interface SyncContext {
  api: MirrorSyncApi;
  profileId: string;
  businessUnitId: string;
  now: () => Date;
  stores: ReturnType<typeof createStores>;
  progress(event: SyncProgressEvent): void;
  /** Between steps: stop here when cancelled. Every write before it is whole, none after it starts. */
  checkpoint(): void;
  changed: Set<string>;
  /** Management unit names by id, for progress items. */
  unitNames: Map<string, string>;
  tally: { schedulesFetched: number; schedulesUnchanged: number; agentSchedulesWritten: number };
}

export function createStores(db: Database.Database) {
  return {
    businessUnits: createBusinessUnitStore(db),
    schedules: createScheduleStore(db),
    timeOff: createTimeOffStore(db),
    scriptSessions: createScriptSessionStore(db),
    staffing: createStaffingStore(db),
  };
}

export function checkpointFor(signal: AbortSignal | undefined): () => void {
  return () => {
    if (signal?.aborted) throw new SyncCancelled();
  };
}
