/**
 * Ingest of 5,000 agents × 6 weeks (the sandbox's own payloads, fetched once
 * through the app's client) into a fresh mirror with the schedule writer,
 * one transaction per schedule as sync does it; against the physical floor:
 * a plain INSERT loop of the same rows in one transaction, same schema.
 * Ingest runs in a child process so its peak RSS is its own, and RSS is
 * sampled after each week (memory must not grow with weeks).
 * Goal: writer within 2× of the floor.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { databaseFileName, openDatabase } from '../../main/mirror/database';
import { encodeAgentWeek, type PackedShift } from '../../main/mirror/timeline/packed-week';
import { createScheduleStore, type ScheduleSnapshot } from '../../main/mirror/schedule-store';
import { payloadDir, preparePayloads, readReference, readWeek, saveReference } from '../mirror/bench-payloads';

const agents = 5000;
const weeks = 6;
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/** The rows of one schedule as plain arrays, shift keys and packed agent weeks made up front (what a bare INSERT loop would be given). */
function flatten(s: ScheduleSnapshot, firstKey: number) {
  const rows = {
    agentSchedules: [] as unknown[][],
    shifts: [] as unknown[][],
    activities: [] as unknown[][],
    markers: [] as unknown[][],
    weeks: [] as unknown[][],
  };
  const codes = new Map<string, number>();
  const codeOf = (id: string) => codes.get(id) ?? (codes.set(id, codes.size), codes.size - 1);
  let key = firstKey;
  for (const mu of s.managementUnits) {
    for (const a of mu.agentSchedules) {
      rows.agentSchedules.push([
        s.header.id,
        a.user.id,
        mu.managementUnitId,
        a.metadata.version,
        a.metadata.dateModified ?? null,
        s.fetchedAt,
      ]);
      const packed: PackedShift[] = [];
      for (const sh of a.shifts) {
        const start = Date.parse(sh.startDate);
        const end = start + sh.lengthMinutes * 60_000;
        rows.shifts.push([
          ++key,
          sh.id ?? null,
          s.header.id,
          a.user.id,
          start,
          end,
          sh.startDate,
          sh.lengthMinutes,
          sh.manuallyEdited ? 1 : 0,
        ]);
        sh.activities.forEach((x, seq) =>
          rows.activities.push([
            key,
            seq,
            Date.parse(x.startDate),
            x.lengthMinutes,
            x.activityCodeId,
            x.paid ? 1 : 0,
            x.description ?? null,
          ]),
        );
        const activities = sh.activities.map((x) => ({
          offsetMs: Date.parse(x.startDate) - start,
          lengthMinutes: x.lengthMinutes,
          codeIndex: codeOf(x.activityCodeId),
          paid: x.paid ?? null,
        }));
        packed.push({
          key,
          id: sh.id ?? null,
          startMs: start,
          endMs: end,
          manuallyEdited: sh.manuallyEdited === true,
          activities,
        });
      }
      if (packed.length > 0)
        rows.weeks.push([
          s.header.id,
          a.user.id,
          packed[0]!.startMs,
          Math.max(...packed.map((p) => p.endMs)),
          encodeAgentWeek(packed),
        ]);
      a.fullDayTimeOffMarkers.forEach((m, seq) =>
        rows.markers.push([
          s.header.id,
          a.user.id,
          seq,
          m.businessUnitDate,
          m.startOffsetMinutes ?? null,
          m.endOffsetMinutes ?? null,
          m.lengthMinutes,
          m.activityCodeId,
          m.paid ? 1 : 0,
          m.description ?? null,
          m.timeOffRequestId ?? null,
        ]),
      );
    }
  }
  const spans = rows.weeks as Array<[string, string, number, number, Buffer]>;
  const firstStart = spans.length ? Math.min(...spans.map((w) => w[2])) : null;
  const lastEnd = spans.length ? Math.max(...spans.map((w) => w[3])) : null;
  return { rows, codes: JSON.stringify([...codes.keys()]), lastKey: key, firstStart, lastEnd };
}

function ingest(dir: string): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const reference = readReference(dir);
  const mirrorDir = path.join(dir, '..', `mirror-${agents}x${weeks}`);
  rmSync(mirrorDir, { recursive: true, force: true });
  const { db } = openDatabase(mirrorDir);
  saveReference(db, reference);
  const store = createScheduleStore(db);
  let writerMs = 0;
  let parseMs = 0;
  let rows = 0;
  const rssByWeek: number[] = [];
  for (let i = 0; i < reference.weeks.length; i++) {
    const p = performance.now();
    const snapshot = readWeek(dir, i);
    const t = performance.now();
    const written = store.write(snapshot);
    writerMs += performance.now() - t;
    parseMs += t - p;
    rows += 1 + written.agentSchedules + written.shifts + written.activities + written.fullDayTimeOff;
    gc();
    rssByWeek.push(process.memoryUsage().rss);
  }
  const peakRss = process.resourceUsage().maxRSS * 1024;
  db.close();
  const mirrorBytes = statSync(path.join(mirrorDir, databaseFileName)).size;

  const floorDir = path.join(dir, '..', 'floor');
  rmSync(floorDir, { recursive: true, force: true });
  const floor = openDatabase(floorDir).db;
  const insert = {
    schedule: floor.prepare(
      'INSERT INTO schedules (id, business_unit_id, week_date, week_count, published, version, description, modified_at, agent_count, activity_codes_json, first_shift_start_ms, last_shift_end_ms, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    agentSchedule: floor.prepare(
      'INSERT INTO agent_schedules (schedule_id, agent_id, management_unit_id, version, modified_at, fetched_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    shift: floor.prepare(
      'INSERT INTO shifts (key, id, schedule_id, agent_id, start_ms, end_ms, start_date, length_minutes, manually_edited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    week: floor.prepare(
      'INSERT INTO timeline_weeks (schedule_id, agent_id, first_start_ms, last_end_ms, packed) VALUES (?, ?, ?, ?, ?)',
    ),
    activity: floor.prepare(
      'INSERT INTO activities (shift_key, seq, start_ms, length_minutes, activity_code_id, paid, description) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    marker: floor.prepare(
      'INSERT INTO full_day_time_off (schedule_id, agent_id, seq, business_unit_date, start_offset_minutes, end_offset_minutes, length_minutes, activity_code_id, paid, description, time_off_request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
  };
  let floorMs = 0;
  let lastKey = 0;
  floor.exec('BEGIN');
  for (let i = 0; i < reference.weeks.length; i++) {
    const s = readWeek(dir, i);
    const flat = flatten(s, lastKey);
    lastKey = flat.lastKey;
    const t = performance.now();
    insert.schedule.run(
      s.header.id,
      s.businessUnitId,
      s.header.weekDate,
      1,
      0,
      s.header.metadata.version,
      null,
      null,
      flat.rows.agentSchedules.length,
      flat.codes,
      flat.firstStart,
      flat.lastEnd,
      s.fetchedAt,
    );
    for (const r of flat.rows.agentSchedules) insert.agentSchedule.run(...r);
    for (const r of flat.rows.shifts) insert.shift.run(...r);
    for (const r of flat.rows.activities) insert.activity.run(...r);
    for (const r of flat.rows.markers) insert.marker.run(...r);
    for (const r of flat.rows.weeks) insert.week.run(...r);
    floorMs += performance.now() - t;
  }
  const c = performance.now();
  floor.exec('COMMIT');
  floorMs += performance.now() - c;
  floor.close();
  process.stdout.write(
    JSON.stringify({ rows, writerMs, parseMs, floorMs, peakRss, rssByWeek, mirrorBytes, mirrorDir }),
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = await preparePayloads(agents, weeks, (line) => console.log(line));
  console.log(
    `payloads ready in ${((performance.now() - started) / 1000).toFixed(1)} s (${payloadDir(agents, weeks)})`,
  );
  // Node itself with tsx as loader, so the measured process is the one doing the work.
  const child = spawnSync(process.execPath, ['--import', 'tsx', process.argv[1]!, '--ingest', dir], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`ingest child failed (${child.status})`);
  const r = JSON.parse(child.stdout) as {
    rows: number;
    writerMs: number;
    parseMs: number;
    floorMs: number;
    peakRss: number;
    rssByWeek: number[];
    mirrorBytes: number;
    mirrorDir: string;
  };
  const ratio = r.writerMs / r.floorMs;
  const rssAfter2 = r.rssByWeek[1]!;
  const rssAfter6 = r.rssByWeek.at(-1)!;
  console.log(
    `writer: ${r.rows} rows in ${r.writerMs.toFixed(0)} ms = ${Math.round(r.rows / (r.writerMs / 1000))} rows/s (JSON parse of the payloads, not counted: ${r.parseMs.toFixed(0)} ms)`,
  );
  console.log(
    `floor (plain INSERT loop, one transaction): ${r.floorMs.toFixed(0)} ms = ${Math.round(r.rows / (r.floorMs / 1000))} rows/s; writer/floor = ${ratio.toFixed(2)} (goal ≤ 2)`,
  );
  console.log(
    `RSS after each week (MB): ${r.rssByWeek.map(mb).join(', ')}; peak ${mb(r.peakRss)} MB; mirror file ${mb(r.mirrorBytes)} MB`,
  );
  console.log(
    JSON.stringify({
      agents,
      weeks,
      rows: r.rows,
      totalMs: Math.round(r.writerMs),
      rowsPerSecond: Math.round(r.rows / (r.writerMs / 1000)),
      floorMs: Math.round(r.floorMs),
      floorRowsPerSecond: Math.round(r.rows / (r.floorMs / 1000)),
      ratioToFloor: Number(ratio.toFixed(2)),
      withinTwiceFloor: ratio <= 2,
      peakRssMb: mb(r.peakRss),
      rssAfter2WeeksMb: mb(rssAfter2),
      rssAfter6WeeksMb: mb(rssAfter6),
      rssGrowthMb: mb(rssAfter6 - rssAfter2),
      mirrorFileMb: mb(r.mirrorBytes),
      parseMs: Math.round(r.parseMs),
    }),
  );
}

if (process.argv[2] === '--ingest') ingest(process.argv[3]!);
else await main();
