import type { SliceSet } from './index';

export type TimelineZoneMode = 'bu' | 'mine' | 'utc';

/**
 * What the supervisor set on the Timeline: kept here (not in the screen) so leaving for Schedules
 * and coming back finds the same week, schedule, filters, zoom and focused agent. Null week or
 * schedule means "not picked": the screen shows the current week and its draft (timeline/schedule-choice.ts).
 */
export interface TimelineView {
  week: string | null;
  scheduleId: string | null;
  zoneMode: TimelineZoneMode;
  /** Hours one screen-width of track shows (24 … 168). */
  spanHours: number;
  search: string;
  managementUnitId: string | null;
  onlyFindings: boolean;
  /** "What agents see now": the week's published schedule drawn as a ghost layer over the draft shown. */
  ghostPublished: boolean;
  /** Only agents whose week differs between the draft shown and the week's published schedule. */
  changedOnly: boolean;
  /** Units whose agents are folded away (MU id, or "(none)"). */
  collapsedUnits: string[];
  /** The focused row: an agent's id, or `g:<unit>` for a unit's header. */
  focusRowKey: string | null;
  /** 0: the name; k: the agent's k-th shift or day off. */
  focusCol: number;
  drawerAgentId: string | null;
}

export interface TimelineSlice {
  timeline: TimelineView;
  setTimeline(patch: Partial<TimelineView>): void;
  /** A new week forgets the schedule picked in the old one. */
  pickTimelineWeek(week: string): void;
  toggleTimelineUnit(unit: string): void;
}

export const initialTimelineView: TimelineView = {
  week: null,
  scheduleId: null,
  zoneMode: 'bu',
  spanHours: 24,
  search: '',
  managementUnitId: null,
  onlyFindings: false,
  ghostPublished: false,
  changedOnly: false,
  collapsedUnits: [],
  focusRowKey: null,
  focusCol: 0,
  drawerAgentId: null,
};

export function createTimelineSlice(set: SliceSet): TimelineSlice {
  return {
    timeline: initialTimelineView,
    setTimeline: (patch) => set((s) => ({ timeline: { ...s.timeline, ...patch } })),
    pickTimelineWeek: (week) =>
      set((s) => ({ timeline: { ...s.timeline, week, scheduleId: null, focusCol: 0, drawerAgentId: null } })),
    toggleTimelineUnit: (unit) =>
      set((s) => {
        const folded = s.timeline.collapsedUnits;
        const collapsedUnits = folded.includes(unit) ? folded.filter((u) => u !== unit) : [...folded, unit];
        return { timeline: { ...s.timeline, collapsedUnits } };
      }),
  };
}
