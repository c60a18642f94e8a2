import { describe, expect, it } from 'vitest';
import { byStart, forEachIntersecting, groupHasIntersection } from './sweep';

/** A tiny seeded generator (an LCG): enough to draw test spans. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return {
    int: (min: number, max: number) =>
      min + ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) % (max - min + 1)),
  };
}

describe('forEachIntersecting', () => {
  it('reports exactly the pairs a brute-force check finds', () => {
    const rng = seeded(5);
    for (let round = 0; round < 50; round++) {
      const spans = Array.from({ length: rng.int(0, 30) }, (_, i) => {
        const startMs = rng.int(0, 200);
        return { id: `s${i}`, startMs, endMs: startMs + rng.int(1, 40) };
      }).sort(byStart);
      const found: string[] = [];
      forEachIntersecting(spans, (a, b) => found.push([a.id, b.id].sort().join()));
      const expected = spans.flatMap((a, i) =>
        spans
          .slice(i + 1)
          .filter((b) => a.startMs < b.endMs && b.startMs < a.endMs)
          .map((b) => [a.id, b.id].sort().join()),
      );
      expect(found.sort()).toEqual(expected.sort());
      const order = Int32Array.from(spans.map((_, i) => i));
      const has = groupHasIntersection(
        order,
        0,
        spans.length,
        Float64Array.from(spans.map((s) => s.startMs)),
        Float64Array.from(spans.map((s) => s.endMs)),
      );
      expect(has).toBe(expected.length > 0);
    }
  });
});
