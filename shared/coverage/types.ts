/** What the timeline's coverage strip draws for one schedule's week, as the mirror answers it (`timeline.coverage`). */

export interface TimelineCoverage {
  businessUnitId: string;
  scheduleId: string;
  /** The BU week, its first day (yyyy-MM-dd). */
  week: string;
  /** The BU's zone: the grid starts at local midnight of `week` in it. */
  timeZone: string;
  /** Epoch ms of the first interval; interval i is [startMs + i·intervalMinutes, startMs + (i+1)·intervalMinutes). */
  startMs: number;
  intervalMinutes: number;
  /**
   * Agents scheduled on queue per interval (activities of category OnQueueWork),
   * partial coverage weighted by minutes ÷ intervalMinutes. 672 intervals in a
   * plain week, 668 or 676 in a week with a DST change.
   */
  onQueue: number[];
  /**
   * Required staff per interval from the schedule's short-term forecast, index
   * for index with `onQueue`; null while no staffing requirement is mirrored.
   */
  required: number[] | null;
}
