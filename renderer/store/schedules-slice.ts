import type { WeekAnalysis } from '../../shared/analysis/week-analysis';
import type { JobEvent, JobProgress } from '../../shared/contract';
import type { SchedulesOverview, SyncRunSummary, WeekSummary } from '../../shared/mirror';
import type { OpsClient } from '../bridge/types';
import type { SliceGet, SliceSet } from './index';

export interface SchedulesSlice {
  schedulesProfileId: string | null;
  schedulesOverview: SchedulesOverview | null;
  selectedBusinessUnitId: string | null;
  weeks: WeekSummary[];
  lastSync: SyncRunSummary | null;
  syncProgress: JobProgress | null;
  syncing: boolean;
  /** The sync job this screen follows. */
  syncJobId: string | null;
  schedulesError: string | null;
  selectedWeek: string | null;
  weekAnalysis: WeekAnalysis | null;
  analysisStatus: 'idle' | 'loading' | 'ready' | 'failed';
  analysisError: string | null;
  selectWeek(week: string | null, rerun?: boolean): Promise<void>;
  selectSchedulesProfile(profileId: string): Promise<void>;
  discoverBusinessUnits(): Promise<void>;
  selectBusinessUnit(businessUnitId: string): Promise<void>;
  loadWeeks(): Promise<void>;
  startSync(): Promise<void>;
  cancelSync(): Promise<void>;
  onJobEvent(event: JobEvent): void;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createSchedulesSlice(client: OpsClient, set: SliceSet, get: SliceGet): SchedulesSlice {
  return {
    schedulesProfileId: null,
    schedulesOverview: null,
    selectedBusinessUnitId: null,
    weeks: [],
    lastSync: null,
    syncProgress: null,
    syncing: false,
    syncJobId: null,
    schedulesError: null,
    selectedWeek: null,
    weekAnalysis: null,
    analysisStatus: 'idle',
    analysisError: null,
    async selectWeek(week, rerun = false) {
      const { schedulesProfileId: profileId, selectedBusinessUnitId: businessUnitId } = get();
      set({ selectedWeek: week, analysisError: null, ...(week ? {} : { weekAnalysis: null, analysisStatus: 'idle' }) });
      if (!week || !profileId || !businessUnitId) return;
      set({ analysisStatus: 'loading' });
      try {
        const weekAnalysis = await client.call(rerun ? 'analysis.rerun' : 'analysis.get', { profileId, businessUnitId, week });
        if (get().selectedWeek === week) set({ weekAnalysis, analysisStatus: 'ready' });
      } catch (err) {
        set({ analysisStatus: 'failed', analysisError: errorText(err) });
      }
    },
    async selectSchedulesProfile(profileId) {
      set({ schedulesProfileId: profileId, schedulesOverview: null, selectedBusinessUnitId: null, weeks: [], lastSync: null, schedulesError: null });
      try {
        const overview = await client.call('schedules.overview', { profileId });
        set({ schedulesOverview: overview });
        const first = overview.businessUnits[0];
        if (first) await get().selectBusinessUnit(first.id);
      } catch (err) {
        set({ schedulesError: errorText(err) });
      }
    },
    async discoverBusinessUnits() {
      const profileId = get().schedulesProfileId;
      if (!profileId) return;
      set({ schedulesError: null });
      try {
        const overview = await client.call('schedules.discover', { profileId });
        set({ schedulesOverview: overview });
        if (!get().selectedBusinessUnitId && overview.businessUnits[0]) await get().selectBusinessUnit(overview.businessUnits[0].id);
      } catch (err) {
        set({ schedulesError: errorText(err) });
        // Discovery failing may have marked the connection offline.
        set({ schedulesOverview: await client.call('schedules.overview', { profileId }).catch(() => get().schedulesOverview) });
      }
    },
    async selectBusinessUnit(businessUnitId) {
      set({ selectedBusinessUnitId: businessUnitId, weeks: [], lastSync: null, selectedWeek: null, weekAnalysis: null, analysisStatus: 'idle' });
      await get().loadWeeks();
    },
    async loadWeeks() {
      const { schedulesProfileId: profileId, selectedBusinessUnitId: businessUnitId } = get();
      if (!profileId || !businessUnitId) return;
      try {
        const { weeks, lastSync } = await client.call('schedules.weeks', { profileId, businessUnitId });
        set({ weeks, lastSync });
      } catch (err) {
        set({ schedulesError: errorText(err) });
      }
    },
    async startSync() {
      const { schedulesProfileId: profileId, selectedBusinessUnitId: businessUnitId } = get();
      if (!profileId || !businessUnitId || get().syncing) return;
      set({ syncing: true, syncProgress: null, schedulesError: null });
      try {
        const job = await client.call('sync.start', { profileId, businessUnitId });
        set({ syncJobId: job.jobId });
      } catch (err) {
        set({ syncing: false, schedulesError: errorText(err) });
      }
    },
    async cancelSync() {
      const jobId = get().syncJobId;
      if (jobId) await client.call('job.cancel', { jobId });
    },
    onJobEvent(event) {
      const { schedulesProfileId, selectedBusinessUnitId, syncJobId } = get();
      if (event.kind !== 'sync' || event.subject.profileId !== schedulesProfileId || event.subject.businessUnitId !== selectedBusinessUnitId) return;
      // A sync started from another window shows here too.
      if (event.state === 'running') {
        set({ syncing: true, syncJobId: event.jobId, ...(event.progress ? { syncProgress: event.progress } : {}) });
        return;
      }
      if (syncJobId !== null && syncJobId !== event.jobId) return;
      set({ syncing: false, syncJobId: null, ...(event.error ? { schedulesError: event.error.message } : {}) });
      void get().loadWeeks();
      void client
        .call('schedules.overview', { profileId: event.subject.profileId })
        .then((schedulesOverview) => set({ schedulesOverview }))
        .catch(() => {});
    },
  };
}
