/** What the timeline draws for a window of agents × time, as the mirror answers it (epoch ms throughout). */

export interface TimelineActivity {
  startMs: number;
  lengthMinutes: number;
  activityCodeId: string;
  paid: boolean | null;
}

export interface TimelineShift {
  /**
   * The mirror's key for the shift (stable until the schedule is refetched). A shift only pending edits
   * have (added in the change set) has a negative key, unique within its agent's row.
   */
  key: number;
  /**
   * Genesys' id; for a shift added by pending edits, its change-set key `new:<n>`. Either is what an edit
   * intent's `shiftId` names.
   */
  id: string | null;
  scheduleId: string;
  startMs: number;
  endMs: number;
  manuallyEdited: boolean;
  activities: TimelineActivity[];
  /**
   * Set on a shift of an agent's pending week (see `TimelineAgent.pending`) that the pending edits added or
   * changed (start, length or activities): draw its outline as new. Absent on shifts as mirrored.
   */
  edited?: true;
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

/**
 * One schedule of an agent's row that has pending edits (the change set not yet published). The row's
 * `shifts` and `timeOff` of that schedule are then the agent's effective week (every applied edit in), and
 * this holds what the mirror has: draw `before` as a ghost of the old placement, the row's shifts marked
 * `edited` as outlines of the new.
 */
export interface TimelinePending {
  scheduleId: string;
  /** The last applied edit that changed the agent (what the drawer names; `edits.discard` takes it). */
  editId: string;
  /** Held back: this publish leaves the agent as they are published now (the row shows that week). */
  heldBack: boolean;
  /** The agent's shifts and full-day time off of this schedule in the window as mirrored, before any pending edit. */
  before: { shifts: TimelineShift[]; timeOff: TimelineTimeOff[] };
  /** Ids of mirrored shifts the pending edits dropped (in `before`, not in the row's shifts). */
  droppedShiftIds: string[];
}

export interface TimelineAgent {
  id: string;
  name: string;
  managementUnitId: string | null;
  /** In start order. Of a schedule with pending edits for the agent: the effective week (see `pending`). */
  shifts: TimelineShift[];
  timeOff: TimelineTimeOff[];
  /** Present only when the agent has pending edits in a schedule the window shows: one entry per such schedule. */
  pending?: TimelinePending[];
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
