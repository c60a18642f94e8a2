/**
 * A deep copy of plain data (the org's records: objects, arrays, strings, numbers, booleans, null), as
 * `structuredClone` makes but without its serializer: an update of 1,000 agents copies each agent's shifts
 * into its history, and `structuredClone` was most of applying it. Anything that is not a plain object or
 * array (a Date, a Map) is handed to `structuredClone`, so the copy is never shallower than before.
 */
export function plainCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(plainCopy) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = plainCopy((value as Record<string, unknown>)[key]);
  return out as T;
}
