/**
 * Full-day time off for the timeline window. Markers are BU-local dates plus
 * minute offsets: the window is widened by a day each side in dates (an index
 * range), then cut exactly in instants in the BU's zone.
 */
import type Database from 'better-sqlite3';
import { dayMs, isoDate, parseDate, ZoneClock } from '../../../shared/time/zone-clock';
import { prepared } from '../statement-cache';
import type { TimelineAgent, TimelineQuery } from './window-query';

type TimeOffRow = [number, string, string, number | null, number, string, string | null];

/** Places BU-local markers (date + minute offset) in instants in the unit's zone; null for a date that is not one. */
export type MarkerPlacer = (businessUnitDate: string, offsetMinutes: number | null) => number | null;

export function markerPlacer(db: Database.Database, businessUnitId: string): { place: MarkerPlacer; clock: ZoneClock } {
  const zone = prepared(db, 'SELECT time_zone FROM business_units WHERE id = ? AND time_zone IS NOT NULL LIMIT 1')
    .pluck()
    .get(businessUnitId) as string | undefined;
  // The analysis' zone clock: offsets memoised per zone for the process, where luxon costs microseconds a call.
  // A zone it does not know is read as UTC; the analysis reports that zone as a finding.
  const clock = ZoneClock.of(zone) ?? (ZoneClock.of('UTC') as ZoneClock);
  const midnight = new Map<string, number>();
  const place: MarkerPlacer = (businessUnitDate, offsetMinutes) => {
    let start = midnight.get(businessUnitDate);
    if (start === undefined) {
      const day = parseDate(businessUnitDate);
      if (day === null) return null; // not a date: nothing to place (the analysis reports it)
      midnight.set(businessUnitDate, (start = clock.dayStart(day)));
    }
    return start + (offsetMinutes ?? 0) * 60_000;
  };
  return { place, clock };
}

export function addTimeOff(db: Database.Database, q: TimelineQuery, ids: string, agents: TimelineAgent[]): void {
  const { place, clock } = markerPlacer(db, q.businessUnitId);
  const date = (ms: number) => isoDate(clock.localDay(ms));
  const rows = prepared(
    db,
    `SELECT j.key, t.schedule_id, t.business_unit_date, t.start_offset_minutes, t.length_minutes, t.activity_code_id, t.time_off_request_id
     FROM json_each(@ids) j JOIN full_day_time_off t ON t.agent_id = j.value
     WHERE t.business_unit_date BETWEEN @firstDate AND @lastDate ${q.scheduleId ? 'AND t.schedule_id = @scheduleId' : ''}`,
  )
    .raw()
    .all({
      ids,
      firstDate: date(q.from - dayMs),
      lastDate: date(q.to + dayMs),
      scheduleId: q.scheduleId,
    }) as TimeOffRow[];
  for (const [
    agentIndex,
    scheduleId,
    businessUnitDate,
    offset,
    lengthMinutes,
    activityCodeId,
    timeOffRequestId,
  ] of rows) {
    const startMs = place(businessUnitDate, offset);
    if (startMs === null) continue;
    const endMs = startMs + lengthMinutes * 60_000;
    if (startMs >= q.to || endMs <= q.from) continue;
    agents[agentIndex]!.timeOff.push({
      scheduleId,
      businessUnitDate,
      startMs,
      endMs,
      lengthMinutes,
      activityCodeId,
      timeOffRequestId,
    });
  }
  for (const a of agents) if (a.timeOff.length > 1) a.timeOff.sort((x, y) => x.startMs - y.startMs);
}
