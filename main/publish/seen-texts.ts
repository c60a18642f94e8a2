/**
 * What each agent sees of a span in some schedules, as one comparable text per agent (shift and activity
 * times and codes, days off): the publish of a draft over a published week compares the draft's texts with
 * the published ones to find the unedited agents whose week it changes (seen-now.ts). Equal texts mean equal
 * weeks as an agent sees them; unequal ones may still be alike (an order of ties), which reading those few
 * agents' weeks whole then settles. Texts of different reads are compared with each other only when made by
 * the same function here.
 *
 * The shifts come from the timeline's packed weeks (one blob per agent schedule, written with the rows): made
 * in SQL from the rows, the texts of 2 × 4,000 agents took half a second of the publish's start, most of it
 * SQLite turning 170,000 activities' integers into text. When the packed weeks cannot be trusted (a blob
 * damaged, or not one per agent schedule with shifts) the rows answer.
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

/** The texts of every agent with a shift or a day off in the span, but those in `skip`. */
export function seenTexts(
  db: Database.Database,
  scheduleIds: readonly string[],
  span: SeenSpan,
  skip: readonly string[],
): Texts {
  const params = { schedules: JSON.stringify(scheduleIds), skip: JSON.stringify(skip), ...span };
  const texts = packedShiftTexts(db, scheduleIds, span, new Set(skip)) ?? rowShiftTexts(db, params);
  return withMarkers(db, texts, params);
}

/** The same from the rows alone: the record the packed weeks are derived from. */
export function seenTextsFromRows(
  db: Database.Database,
  scheduleIds: readonly string[],
  span: SeenSpan,
  skip: readonly string[],
): Texts {
  const params = { schedules: JSON.stringify(scheduleIds), skip: JSON.stringify(skip), ...span };
  return withMarkers(db, rowShiftTexts(db, params), params);
}

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

/** The same texts from the packed weeks; null when they cannot be trusted to be the rows'. */
function packedShiftTexts(
  db: Database.Database,
  scheduleIds: readonly string[],
  span: SeenSpan,
  skip: ReadonlySet<string>,
): Texts | null {
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
  // Activities start at a few hundred distinct quarter hours: each instant's digits made once, not 70,000 times.
  const digits = new Map<number, string>();
  const digitsOf = (n: number): string => {
    let d = digits.get(n);
    if (d === undefined) digits.set(n, (d = String(n)));
    return d;
  };
  const texts: Texts = new Map();
  for (const [agentId, all] of byAgent) {
    // Overlapping the span is not starting in it: a shift from the day before is not the span's.
    const shifts = all.filter((s) => s.startMs >= span.start && s.startMs < span.end);
    if (shifts.length === 0) continue;
    shifts.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs || a.key - b.key);
    const parts: string[] = [];
    for (const s of shifts) {
      const acts: string[] = new Array(s.activities.length);
      for (let i = 0; i < acts.length; i++) {
        const a = s.activities[i]!;
        acts[i] = `${digitsOf(a.startMs)}+${a.lengthMinutes}@${a.activityCodeId}`;
      }
      parts.push(`${digitsOf(s.startMs)}:${(s.endMs - s.startMs) / 60_000}:${acts.join(',')}`);
    }
    texts.set(agentId, `${parts.join('|')}#`);
  }
  return texts;
}

/** Each agent's days off in the span appended to its text (`#` first for an agent with no shift). */
function withMarkers(db: Database.Database, texts: Texts, params: Params): Texts {
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
  for (const r of markers) texts.set(r.agent, `${texts.get(r.agent) ?? '#'}${r.text}`);
  return texts;
}
