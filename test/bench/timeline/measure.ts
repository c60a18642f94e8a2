/**
 * What the timeline bench measures inside the page (its probe, test/bench/timeline/probe.js): frame
 * statistics, the idle page, the scripted scroll with the heap after it, and the first paint.
 */
import type { Page } from 'playwright';
import { profiled } from './profile';

export function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
  const r = (n: number) => Math.round(n * 100) / 100;
  return { frames: s.length, p50: r(q(0.5)), p95: r(q(0.95)), p99: r(q(0.99)), max: r(s.at(-1) ?? NaN) };
}

export interface ScrollResult {
  deltas: number[];
  seconds: number;
  maxTop: number;
  samples: number;
  rowsSeen: number;
  blankRows: number;
  framesWithBlank: number;
  longTasks: number;
  longestTaskMs: number;
  longTaskAt?: Array<[number, number]>;
  finalScrollTop: number;
}

export async function idleFrames(page: Page) {
  const deltas = (await page.evaluate(() =>
    (window as unknown as { __bench: { idle(ms: number): Promise<number[]> } }).__bench.idle(2000),
  )) as number[];
  return stats(deltas);
}

export async function scrollAndHeap(page: Page, kind: 'app' | 'vis', scrollMs: number) {
  const idle = await idleFrames(page);
  const scroll = (await profiled(page, () =>
    page.evaluate(
      ([k, ms]) =>
        (
          window as unknown as { __bench: { startScroll(k: string, ms: number): Promise<unknown> } }
        ).__bench.startScroll(k as string, ms as number),
      [kind, scrollMs] as const,
    ),
  )) as ScrollResult;
  // Elements in the page after the scroll: what style, layout and paint walk every frame.
  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  // Frame deltas are only as fine as the page's clock: 0.1 ms unless the page is cross-origin isolated.
  const clockIsolated = await page.evaluate(() => window.crossOriginIsolated);
  const cdp = await page.context().newCDPSession(page);
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  await cdp.send('HeapProfiler.collectGarbage');
  const afterGc = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
  const { deltas, ...rest } = scroll;
  return {
    idleFrame: idle,
    frame: stats(deltas),
    fps: Math.round((deltas.length / scroll.seconds) * 10) / 10,
    ...rest,
    longestTaskMs: Math.round(scroll.longestTaskMs),
    domNodes,
    clockIsolated,
    heapUsedMB: mb(heap.usedSize),
    heapUsedAfterGcMB: mb(afterGc.usedSize),
  };
}

export type BenchWindow = {
  __bench: {
    navAt: number | null;
    firstBarsAt: number | null;
    filledAt: number | null;
    armed?: boolean;
    inFlight: number;
    calls: Array<{ name: string; start: number; end: number }>;
    watchFirstPaint(kind: string): void;
  };
};

export async function firstPaint(page: Page, kind: 'app' | 'vis', timeoutMs: number) {
  try {
    await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.filledAt !== null, null, {
      timeout: timeoutMs,
      polling: 50,
    });
  } catch (err) {
    const seen = await page
      .evaluate(
        (k) => JSON.stringify((window as unknown as { __bench: { sample(k: string): unknown } }).__bench.sample(k)),
        kind,
      )
      .catch(() => 'nothing');
    throw new Error(`${kind}: rows not painted in ${timeoutMs} ms (the viewport: ${seen})`, { cause: err });
  }
  // No helper functions inside: tsx would wrap them in __name, which the page lacks.
  const b = await page.evaluate(() => {
    const { navAt, firstBarsAt, filledAt } = (window as unknown as BenchWindow).__bench;
    return { navAt: navAt!, firstBarsAt: firstBarsAt!, filledAt: filledAt! };
  });
  const r = (n: number) => Math.round(n * 10) / 10;
  return { firstBarsMs: r(b.firstBarsAt - b.navAt), rowsFilledMs: r(b.filledAt - b.navAt) };
}

/**
 * Until the page has had no contract call in flight for `quietMs` (at most `timeoutMs`): the screen a
 * supervisor navigates from has its answers. Pressing a key while it still loads times that screen too.
 */
export async function settled(page: Page, quietMs = 500, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction(
    (quiet) => {
      const b = (window as unknown as BenchWindow).__bench;
      const lastEnd = b.calls.reduce((m, c) => Math.max(m, c.end), 0);
      return b.inFlight === 0 && performance.now() - lastEnd >= quiet;
    },
    quietMs,
    { timeout: timeoutMs, polling: 100 },
  );
}
