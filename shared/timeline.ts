/** What the timeline draws for a window of agents × time, as the mirror answers it (epoch ms throughout). */

export interface TimelineActivity {
  startMs: number;
  lengthMinutes: number;
  activityCodeId: string;
  paid: boolean | null;
}

export interface TimelineShift {
  /** The mirror's key for the shift (stable until the schedule is refetched). */
  key: number;
  id: string | null;
  scheduleId: string;
  startMs: number;
  endMs: number;
  manuallyEdited: boolean;
  activities: TimelineActivity[];
}

export interface TimelineTimeOff {
  scheduleId: string;
  businessUnitDate: string;
  startMs: number;
  endMs: number;
  lengthMinutes: number;
  activityCodeId: string;
  timeOffRequestId: string | null;
}

export interface TimelineAgent {
  id: string;
  name: string;
  managementUnitId: string | null;
  shifts: TimelineShift[];
  timeOff: TimelineTimeOff[];
}

export interface TimelineWindow {
  /** Agents matching the filters, of which `agents` is the requested page. */
  total: number;
  agents: TimelineAgent[];
}

/** What the timeline's labels and colours need: management unit names and activity code names and categories. */
export interface TimelineLegend {
  managementUnits: Array<{ id: string; name: string; timeZone: string | null }>;
  /** `category` as Genesys names it: OnQueueWork, Break, Meal, Meeting, Training, TimeOff, OffQueueWork, … ('' if unknown). */
  activityCodes: Array<{ id: string; name: string; category: string }>;
}
