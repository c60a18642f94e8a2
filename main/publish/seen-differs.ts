/**
 * Which unedited agents a publish of a draft over a published week changes: those whose draft week differs
 * from what they see now in the span (shift and activity times and codes, days off). A "same" answer means
 * the weeks are alike as an agent sees them; a "differs" answer may still be alike (an order of ties), which
 * reading those few agents' weeks whole then settles (seen-now.ts).
 *
 * The shifts come from the timeline's packed weeks (one blob per agent schedule, written with the rows) and
 * are compared field by field: made in SQL from the rows as one text per agent, the comparison of 2 × 4,000
 * agents took half a second of the publish's start, most of it SQLite turning 170,000 activities' integers
 * into text. When the packed weeks cannot be trusted (a blob damaged, or not one per agent schedule with
 * shifts) the rows' texts answer. Days off are few, and compared as texts from their rows.
 */
import type Database from 'better-sqlite3';
import { prepared } from '../mirror/statement-cache';
import { decodeAgentWeek, PackedWeekError, type DecodedShift } from '../mirror/timeline/packed-week';

export interface SeenSpan {
  /** The span's instants, from the BU's midnight of its first day. */
  start: number;
  end: number;
  /** Its BU dates, the end exclusive. */
  firstDate: string;
  endDate: string;
}

type Texts = Map<string, string>;

/** Whether agent `agentId`'s draft week differs from what they see now; agents in `skip` are not asked about. */
export type SeenDiffers = (agentId: string) => boolean;

export function seenDiffers(
  db: Database.Database,
  draftId: string,
  publishedIds: readonly string[],
  span: SeenSpan,
  skip: readonly string[],
): SeenDiffers {
  const skipped = new Set(skip);
  const draft = packedShifts(db, [draftId], span, skipped);
  const now = draft && packedShifts(db, publishedIds, span, skipped);
  if (!draft || !now) return seenDiffersFromRows(db, draftId, publishedIds, span, skip);
  const draftMarkers = markerTexts(db, paramsOf([draftId], span, skip));
  const markersNow = markerTexts(db, paramsOf(publishedIds, span, skip));
  return (id) => !sameShifts(draft.get(id), now.get(id)) || (draftMarkers.get(id) ?? '') !== (markersNow.get(id) ?? '');
}

/** The same from the rows alone (the record the packed weeks are derived from), as one text per agent. */
export function seenDiffersFromRows(
  db: Database.Database,
  draftId: string,
  publishedIds: readonly string[],
  span: SeenSpan,
  skip: readonly string[],
): SeenDiffers {
  const textsOf = (ids: readonly string[]) => {
    const params = paramsOf(ids, span, skip);
    const texts = rowShiftTexts(db, params);
    for (const [agent, text] of markerTexts(db, params)) texts.set(agent, `${texts.get(agent) ?? '#'}${text}`);
    return texts;
  };
  const draft = textsOf([draftId]);
  const now = textsOf(publishedIds);
  return (id) => (draft.get(id) ?? '#') !== (now.get(id) ?? '#');
}

const paramsOf = (scheduleIds: readonly string[], span: SeenSpan, skip: readonly string[]): Params => ({
  schedules: JSON.stringify(scheduleIds),
  skip: JSON.stringify(skip),
  ...span,
});

type Params = SeenSpan & { schedules: string; skip: string };

/** Per agent, shifts starting in the span in (start, length, key) order, each `start:length:activities`, then `#`. */
function rowShiftTexts(db: Database.Database, params: Params): Texts {
  const shifts = prepared(
    db,
    `SELECT s.agent_id AS agent,
       group_concat(s.start_ms || ':' || s.length_minutes || ':' || coalesce(
         (SELECT group_concat(a.start_ms || '+' || a.length_minutes || '@' || a.activity_code_id, ',' ORDER BY a.seq)
          FROM activities a WHERE a.shift_key = s.key), ''), '|' ORDER BY s.start_ms, s.length_minutes, s.key) AS text
     FROM shifts s
     WHERE s.schedule_id IN (SELECT value FROM json_each(@schedules)) AND s.start_ms >= @start AND s.start_ms < @end
       AND s.agent_id NOT IN (SELECT value FROM json_each(@skip))
     GROUP BY s.agent_id`,
  ).all(params) as Array<{ agent: string; text: string }>;
  return new Map(shifts.map((r) => [r.agent, `${r.text}#`]));
}

/** Per agent, the shifts starting in the span in (start, end, key) order; null when the blobs cannot be trusted. */
function packedShifts(
  db: Database.Database,
  scheduleIds: readonly string[],
  span: SeenSpan,
  skip: ReadonlySet<string>,
): Map<string, DecodedShift[]> | null {
  const byAgent = new Map<string, DecodedShift[]>();
  for (const scheduleId of scheduleIds) {
    const codesJson = prepared(db, 'SELECT activity_codes_json FROM schedules WHERE id = ?').pluck().get(scheduleId) as
      string | null | undefined;
    const codes = codesJson ? (JSON.parse(codesJson) as string[]) : [];
    const blobs = prepared(db, 'SELECT agent_id, packed FROM timeline_weeks WHERE schedule_id = ?')
      .raw()
      .all(scheduleId) as Array<[string, Buffer]>;
    // One blob per agent schedule that has shifts, else they are not of these rows.
    const withShifts = prepared(db, 'SELECT count(DISTINCT agent_id) FROM shifts WHERE schedule_id = ?')
      .pluck()
      .get(scheduleId) as number;
    if (blobs.length !== withShifts) return null;
    try {
      for (const [agentId, packed] of blobs) {
        if (skip.has(agentId)) continue;
        const shifts = byAgent.get(agentId) ?? [];
        decodeAgentWeek(packed, scheduleId, codes, span.start, span.end, shifts);
        byAgent.set(agentId, shifts);
      }
    } catch (err) {
      if (err instanceof PackedWeekError) return null;
      throw err;
    }
  }
  for (const [agentId, all] of byAgent) {
    // Overlapping the span is not starting in it: a shift from the day before is not the span's.
    const shifts = all.filter((s) => s.startMs >= span.start && s.startMs < span.end);
    shifts.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs || a.key - b.key);
    byAgent.set(agentId, shifts);
  }
  return byAgent;
}

/** What the rows' texts compare, field by field: times, lengths and codes of the shifts and their activities. */
function sameShifts(a: readonly DecodedShift[] = [], b: readonly DecodedShift[] = []): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.startMs !== y.startMs || x.endMs !== y.endMs || x.activities.length !== y.activities.length) return false;
    for (let k = 0; k < x.activities.length; k++) {
      const p = x.activities[k]!;
      const q = y.activities[k]!;
      if (p.startMs !== q.startMs || p.lengthMinutes !== q.lengthMinutes || p.activityCodeId !== q.activityCodeId)
        return false;
    }
  }
  return true;
}

/** Each agent's days off in the span, as one text. */
function markerTexts(db: Database.Database, params: Params): Texts {
  const markers = prepared(
    db,
    `SELECT m.agent_id AS agent,
       group_concat(m.business_unit_date || '@' || coalesce(m.start_offset_minutes, '') || '+' || m.length_minutes
         || ':' || m.activity_code_id, '|' ORDER BY m.business_unit_date, m.start_offset_minutes) AS text
     FROM full_day_time_off m
     WHERE m.schedule_id IN (SELECT value FROM json_each(@schedules))
       AND m.business_unit_date >= @firstDate AND m.business_unit_date < @endDate
       AND m.agent_id NOT IN (SELECT value FROM json_each(@skip))
     GROUP BY m.agent_id`,
  ).all(params) as Array<{ agent: string; text: string }>;
  return new Map(markers.map((r) => [r.agent, r.text]));
}
