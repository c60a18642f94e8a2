/**
 * Whether two plain data values (what JSON carries: objects, arrays, strings, numbers, booleans, null)
 * hold the same data, as `JSON.stringify(a) === JSON.stringify(b)` would say but without building either
 * text, and with keys in any order. A key whose value is `undefined` counts as absent, as in JSON. A
 * re-read compares 1,000 agents' weeks with what it had; stringifying both sides was most of that.
 * `leaveOut`: keys of the two objects themselves (not of what they hold) that are not compared.
 */
export function sameData(a: unknown, b: unknown, leaveOut?: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (x[k] === undefined || leaveOut?.has(k)) continue;
    keys++;
    if (!Object.hasOwn(y, k) || !sameData(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined && !leaveOut?.has(k)) keys--;
  return keys === 0;
}

const scheduleRef: ReadonlySet<string> = new Set(['schedule']);
const weekParts: ReadonlySet<string> = new Set(['shifts', 'fullDayTimeOffMarkers']);

/**
 * Whether `read` (a week just read from Genesys) is the week `kept` as data, apart from the `schedule`
 * reference Genesys fills in on each shift it returns where `kept` has none: the mirror does not store those
 * references, so without this every agent of a publish read its first time looks changed, and all 1,000
 * agents' journal rows and views were built again for nothing. A reference `kept` has is compared.
 */
export function sameWeekAsRead(
  kept: { shifts: readonly object[]; fullDayTimeOffMarkers: readonly object[] },
  read: { shifts: readonly object[]; fullDayTimeOffMarkers: readonly object[] },
): boolean {
  if (kept === read) return true;
  if (kept.shifts.length !== read.shifts.length) return false;
  for (let i = 0; i < kept.shifts.length; i++) {
    const k = kept.shifts[i] as { schedule?: unknown };
    if (!sameData(k, read.shifts[i], k.schedule === undefined ? scheduleRef : undefined)) return false;
  }
  // The week's other keys (none today) are compared too, so a new field is never silently left out.
  return sameData(kept.fullDayTimeOffMarkers, read.fullDayTimeOffMarkers) && sameData(kept, read, weekParts);
}
