/**
 * Where a page's main thread spends a run, on stderr (the bench's figures are unchanged):
 *   BENCH_PROFILE=1  self time by JS function (CDP Profiler);
 *   BENCH_TRACE=1    time by renderer event: script, style, layout, paint, raster (CDP Tracing), which
 *                    says what the profiler's "(program)" is.
 *   BENCH_PROFILE_PHASE=cold|warm  the cold or warm first paint instead of the scroll.
 */
import type { Page } from 'playwright';

export async function profiled<T>(
  page: Page,
  run: () => Promise<T>,
  phase: 'cold' | 'warm' | 'scroll' = 'scroll',
): Promise<T> {
  // BENCH_PROFILE_PHASE=cold profiles the cold first paint instead of the scroll.
  if ((process.env.BENCH_PROFILE_PHASE ?? 'scroll') !== phase) return run();
  if (process.env.BENCH_TRACE) return traced(page, run);
  if (process.env.BENCH_PROFILE === 'alloc') return allocProfiled(page, run);
  if (process.env.BENCH_PROFILE) return jsProfiled(page, run);
  return run();
}

/** The CDP Profiler's answer, as far as these summaries read it. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
const frameName = (f: CallFrame) =>
  `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;

/** Self time by JS function, on stderr. */
async function jsProfiled<T>(page: Page, run: () => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const value = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await cdp.detach();
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const name = frameName(byNode.get(id)!.callFrame);
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [name, ms] of top) console.error(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
  if (process.env.BENCH_PROFILE === 'inclusive') printInclusive(profile);
  if (process.env.BENCH_PROFILE === 'longtasks') printLongTasks(profile as CpuProfile & { startTime: number }, value);
  return value;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts?: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

/** Durations of complete events on the renderer's main and compositor/raster threads, by thread and name. */
async function traced<T>(page: Page, run: () => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories:
      'devtools.timeline,disabled-by-default-devtools.timeline,blink,cc,viz,v8,devtools.timeline.gc,disabled-by-default-v8.gc',
    transferMode: 'ReportEvents',
  });
  const value = await run();
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  if (process.env.BENCH_TRACE === 'tasks') printTasks(events);
  if (process.env.BENCH_TRACE === 'gc') printGc(events);
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const total = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const thread = threads.get(`${e.pid}:${e.tid}`) ?? '?';
    if (!/CrRendererMain|Compositor|Raster|VizCompositor|CrGpuMain/.test(thread)) continue;
    const key = `${thread} ${e.name}`;
    total.set(key, (total.get(key) ?? 0) + e.dur / 1000);
  }
  const top = [...total].sort((a, b) => b[1] - a[1]).slice(0, 30);
  for (const [name, ms] of top) console.error(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
  return value;
}

/**
 * BENCH_TRACE=tasks: the main thread's tasks, each with what ran inside it: over 4 ms from the key press of a
 * first paint, or over 30 ms from the start of the scroll (the phase without a key press).
 */
function printTasks(events: TraceEvent[]): void {
  const nav = events.find((e) => e.name === 'TimeStamp' && JSON.stringify(e.args ?? {}).includes('bench-nav'));
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return;
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  const start = nav ?? onMain.reduce((a, b) => ((b.ts ?? 0) < (a.ts ?? 0) ? b : a), onMain[0]!);
  if (!start) return;
  const over = Number(process.env.BENCH_TRACE_OVER_MS ?? (nav ? 4 : 30)) * 1000;
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.ts ?? 0) >= start.ts! && e.dur! > over);
  for (const t of tasks) {
    const inside = onMain
      .filter(
        (e) => e !== t && e.ts! >= t.ts! && e.ts! < t.ts! + t.dur! && (e.dur! > 2000 || /GC|Scavenge/.test(e.name)),
      )
      .map((e) => `${e.name} ${(e.dur! / 1000).toFixed(0)}`)
      .slice(0, Number(process.env.BENCH_TRACE_INSIDE ?? 6));
    console.error(
      `task at ${((t.ts! - start.ts!) / 1000).toFixed(0)} ms, ${(t.dur! / 1000).toFixed(0)} ms: ${inside.join(', ')}`,
    );
  }
}

/** BENCH_PROFILE=inclusive: time inside each function, callees included (a function on the stack twice counts once). */
function printInclusive(profile: CpuProfile): void {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const name = frameName(byNode.get(n)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  const top = [...total].sort((a, b) => b[1] - a[1]).slice(0, 160);
  for (const [name, ms] of top) console.error(`incl ${ms.toFixed(0).padStart(7)} ms  ${name}`);
}

/**
 * BENCH_PROFILE=longtasks: for each long task the scroll reported, the functions that took most of it
 * (callees included). The scroll's start in the profile's clock is the first sample inside the probe's
 * startScroll; the tasks' offsets are from that start.
 */
function printLongTasks(profile: CpuProfile & { startTime: number }, value: unknown): void {
  const at = (value as { longTaskAt?: Array<[number, number]> }).longTaskAt ?? [];
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const stack = (id: number) => {
    const names: string[] = [];
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n))
      names.push(frameName(byNode.get(n)!.callFrame));
    return names;
  };
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const t0 = times[profile.samples.findIndex((id) => stack(id).some((n) => n.startsWith('b.startScroll')))] ?? 0;
  for (const [start, dur] of at) {
    const total = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const ms = (times[i]! - t0) / 1000;
      if (ms < start || ms > start + dur) return;
      for (const name of new Set(stack(id)))
        total.set(name, (total.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    });
    console.error(`long task at ${start} ms, ${dur} ms:`);
    const top = [...total].sort((a, b) => b[1] - a[1]).slice(0, 45);
    for (const [name, ms] of top) console.error(`   ${ms.toFixed(1).padStart(7)} ms  ${name}`);
  }
}

/** BENCH_TRACE=gc: the garbage collector's pauses over 5 ms on the page's main thread, by kind. */
function printGc(events: TraceEvent[]): void {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return;
  const gc = events.filter(
    (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && /GC|Scavenge|MinorGC|MajorGC/.test(e.name),
  );
  const t0 = Math.min(...gc.map((e) => e.ts ?? 0));
  const by = new Map<string, { n: number; ms: number; max: number }>();
  for (const e of gc) {
    const ms = (e.dur ?? 0) / 1000;
    const b = by.get(e.name) ?? { n: 0, ms: 0, max: 0 };
    by.set(e.name, { n: b.n + 1, ms: b.ms + ms, max: Math.max(b.max, ms) });
    if (ms > 5) console.error(`gc ${e.name} at ${(((e.ts ?? 0) - t0) / 1000).toFixed(0)} ms: ${ms.toFixed(1)} ms`);
  }
  for (const [name, b] of by)
    console.error(`gc ${name}: ${b.n}×, ${b.ms.toFixed(0)} ms, longest ${b.max.toFixed(1)} ms`);
}

interface AllocNode {
  callFrame: CallFrame;
  selfSize: number;
  children: AllocNode[];
}

/** BENCH_PROFILE=alloc: bytes allocated during the run by function (self, then callees included), sampled. */
async function allocProfiled<T>(page: Page, run: () => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  } as never);
  const value = await run();
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as { profile: { head: AllocNode } };
  await cdp.detach();
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const walk = (n: AllocNode, path: Set<string>): number => {
    const name = frameName(n.callFrame);
    self.set(name, (self.get(name) ?? 0) + n.selfSize);
    let total = n.selfSize;
    const next = new Set(path).add(name);
    for (const c of n.children) total += walk(c, next);
    if (!path.has(name)) incl.set(name, (incl.get(name) ?? 0) + total);
    return total;
  };
  walk(profile.head, new Set());
  const mb = (b: number) => (b / 1048576).toFixed(1).padStart(7);
  for (const [name, b] of [...self].sort((a, c) => c[1] - a[1]).slice(0, 30))
    console.error(`self ${mb(b)} MB  ${name}`);
  for (const [name, b] of [...incl].sort((a, c) => c[1] - a[1]).slice(0, 60))
    console.error(`incl ${mb(b)} MB  ${name}`);
  return value;
}
