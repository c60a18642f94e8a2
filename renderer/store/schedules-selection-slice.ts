import type { SliceSet } from './index';

/** A week whose findings panel is open, with the unit it belongs to, so it never shows under another unit. */
export interface OpenWeek {
  profileId: string;
  businessUnitId: string;
  week: string;
}

/**
 * What the supervisor picked on the Schedules screen. Null means "not picked":
 * the screen then shows the first connection and the first unit (see
 * features/schedules/selection.ts), so nothing has to be picked after a load.
 */
export interface SchedulesSelectionSlice {
  schedulesProfileId: string | null;
  selectedBusinessUnitId: string | null;
  openWeek: OpenWeek | null;
  selectSchedulesProfile(profileId: string): void;
  selectBusinessUnit(businessUnitId: string): void;
  openWeekFindings(week: OpenWeek | null): void;
}

export function createSchedulesSelectionSlice(set: SliceSet): SchedulesSelectionSlice {
  return {
    schedulesProfileId: null,
    selectedBusinessUnitId: null,
    openWeek: null,
    selectSchedulesProfile: (profileId) =>
      set({ schedulesProfileId: profileId, selectedBusinessUnitId: null, openWeek: null }),
    selectBusinessUnit: (businessUnitId) => set({ selectedBusinessUnitId: businessUnitId, openWeek: null }),
    openWeekFindings: (openWeek) => set({ openWeek }),
  };
}
