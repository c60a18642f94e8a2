/**
 * One agent's shifts of one schedule, packed into a BLOB for the timeline
 * (table timeline_weeks). A 200-agent week is ~1,000 shifts and ~7,000
 * activities; reading them as rows or as JSON text costs more than a timeline
 * scroll may take, reading 200 small blobs and walking them does not.
 *
 * Layout, little-endian:
 *   u8  format (1)
 *   u32 shift count
 *   per shift, in start order:
 *     f64 key, f64 startMs, f64 endMs, u8 flags (bit 0: manually edited),
 *     u16 id byte length + 1 (0: no id), id bytes (UTF-8),
 *     u16 activity count, per activity:
 *       f64 start offset from the shift's start (ms), i32 length (minutes),
 *       u32 code index into the schedule's activity_codes_json, i8 paid (-1 unknown, 0, 1)
 * Change the layout only with a new format number (and a migration).
 */

export const packedWeekFormat = 1;

export interface PackedActivity {
  offsetMs: number;
  lengthMinutes: number;
  codeIndex: number;
  paid: boolean | null;
}

export interface PackedShift {
  key: number;
  id: string | null;
  startMs: number;
  endMs: number;
  manuallyEdited: boolean;
  activities: readonly PackedActivity[];
}

/** A blob that is not a week this build can read: the mirror copy is damaged or from another version. */
export class PackedWeekError extends Error {
  constructor(detail: string) {
    super(`A mirrored agent week cannot be read (${detail}). Sync the week again to rebuild it.`);
    this.name = 'PackedWeekError';
  }
}

const shiftFixedBytes = 8 * 3 + 1 + 2 + 2;
const activityBytes = 8 + 4 + 4 + 1;

/** Shifts must come in start order (the reader stops at the window's end). */
export function encodeAgentWeek(shifts: readonly PackedShift[]): Buffer {
  const ids = shifts.map((s) => (s.id === null ? null : Buffer.from(s.id, 'utf8')));
  let size = 1 + 4;
  shifts.forEach((s, i) => (size += shiftFixedBytes + (ids[i]?.length ?? 0) + s.activities.length * activityBytes));
  const b = Buffer.allocUnsafe(size);
  let o = b.writeUInt8(packedWeekFormat, 0);
  o = b.writeUInt32LE(shifts.length, o);
  shifts.forEach((s, i) => {
    o = b.writeDoubleLE(s.key, o);
    o = b.writeDoubleLE(s.startMs, o);
    o = b.writeDoubleLE(s.endMs, o);
    o = b.writeUInt8(s.manuallyEdited ? 1 : 0, o);
    const id = ids[i];
    // writeUInt16LE throws a RangeError for an id over 64 KB or a shift of over 65,535 activities: no silent truncation.
    o = b.writeUInt16LE(id ? id.length + 1 : 0, o);
    if (id) o += id.copy(b, o);
    o = b.writeUInt16LE(s.activities.length, o);
    for (const a of s.activities) {
      o = b.writeDoubleLE(a.offsetMs, o);
      o = b.writeInt32LE(a.lengthMinutes, o);
      o = b.writeUInt32LE(a.codeIndex, o);
      o = b.writeInt8(a.paid === null ? -1 : a.paid ? 1 : 0, o);
    }
  });
  return b;
}

/** A decoded week is what the timeline draws: the contract's shapes. */
export type { TimelineActivity as DecodedActivity, TimelineShift as DecodedShift } from '../../../shared/timeline';
import type { TimelineActivity as DecodedActivity, TimelineShift as DecodedShift } from '../../../shared/timeline';

/**
 * The shifts of a packed week overlapping [from, to), with activity codes
 * resolved through the schedule's code list, appended to `into`.
 */
export function decodeAgentWeek(
  b: Buffer,
  scheduleId: string,
  codes: readonly string[],
  from: number,
  to: number,
  into: DecodedShift[],
): void {
  if (b.length < 5 || b[0] !== packedWeekFormat) throw new PackedWeekError(b.length === 0 ? 'empty' : `format ${b[0]}`);
  try {
    const count = b.readUInt32LE(1);
    let o = 5;
    for (let n = 0; n < count; n++) {
      const key = b.readDoubleLE(o);
      const startMs = b.readDoubleLE(o + 8);
      if (startMs >= to) return; // start order: nothing later overlaps
      const endMs = b.readDoubleLE(o + 16);
      const manuallyEdited = b[o + 24] === 1;
      const idField = b.readUInt16LE(o + 25);
      o += 27;
      let id: string | null = null;
      if (idField > 0) {
        if (o + idField - 1 > b.length) throw new RangeError('id runs past the end');
        id = b.toString('utf8', o, o + idField - 1);
        o += idField - 1;
      }
      const activityCount = b.readUInt16LE(o);
      o += 2;
      if (endMs <= from) {
        o += activityCount * activityBytes;
        continue;
      }
      // A plain loop into a sized array: a window builds thousands of these.
      const activities: DecodedActivity[] = new Array(activityCount);
      for (let i = 0; i < activityCount; i++) {
        const code = codes[b.readUInt32LE(o + 12)];
        if (code === undefined) throw new RangeError("activity code index outside the schedule's list");
        const paid = b.readInt8(o + 16);
        activities[i] = {
          startMs: startMs + b.readDoubleLE(o),
          lengthMinutes: b.readInt32LE(o + 8),
          activityCodeId: code,
          paid: paid < 0 ? null : paid === 1,
        };
        o += activityBytes;
      }
      into.push({ key, id, scheduleId, startMs, endMs, manuallyEdited, activities });
    }
  } catch (err) {
    throw new PackedWeekError(err instanceof RangeError ? err.message : String(err));
  }
}
