import { describe, expect, it } from 'vitest';
import { msAt, scaleFor, trackWidth } from './bar-geometry';
import { cullMoved, cullWindow } from './cull-window';
import { nameColPx } from './row-layout';

const hour = 3_600_000;
const from = Date.parse('2026-11-30T06:00:00Z');

describe('the rows’ culling window during a horizontal scroll', () => {
  it.each([900, 1366, 1920])('always holds the view and an hour each side (scroller %i px wide)', (width) => {
    const scale = scaleFor(from, from + 168 * hour, width - nameColPx, 24);
    // The window the rows drew, taken again only when cullMoved says so, as the grid's scroll handler does.
    let shown = cullWindow(scale, 0, width);
    let renders = 0;
    for (let left = 0; left <= trackWidth(scale) - width; left += 7) {
      if (cullMoved(scale, left, width, shown)) {
        shown = cullWindow(scale, left, width);
        renders++;
      }
      expect(shown[0]).toBeLessThanOrEqual(msAt(scale, left) - hour);
      expect(shown[1]).toBeGreaterThanOrEqual(msAt(scale, left + width - nameColPx) + hour);
    }
    // In steps, not every position: a week is crossed in a few dozen renders.
    expect(renders).toBeGreaterThan(40);
    expect(renders).toBeLessThan(2 * 56 + 2);
  });
});
