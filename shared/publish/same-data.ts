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
