/**
 * The coverage strip checked from outside: read one interval's numbers off the screen (its text
 * alternative) and which day it is (the axis' day labels), then count the schedule's agents on queue
 * in that interval from `timeline.window` — raw shifts and activity codes, not the services' coverage
 * computation — so a bug in either shows as a mismatch.
 */
import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';

export interface ScreenInterval {
  /** "10:15–10:30: 42 on queue, 45 required, 3 short" */
  label: string;
  clock: string;
  onQueue: number;
  required: number | null;
  /** The axis' name of the interval's day, "Wed 9 Dec". */
  day: string;
}

const labelPattern = /^(\d\d:\d\d)–\d\d:\d\d: ([\d.]+) on queue(?:, ([\d.]+) required)?/;

/**
 * The busiest quarter hour fully on screen, and its day: the last day line left of it, or, with none,
 * the day named at the axis' left edge (or the day before the first day line).
 */
export async function busiestVisibleInterval(page: Page): Promise<ScreenInterval> {
  const seen = await page.evaluate(() => {
    const scroll = document.querySelector('.tl-scroll')!.getBoundingClientRect();
    const trackLeft = scroll.left + 230;
    const inView = (r: DOMRect) => r.left >= trackLeft && r.right <= scroll.right;
    const cells = [...document.querySelectorAll('[data-testid="coverage-cell"]')]
      .map((el) => ({ label: el.getAttribute('aria-label') ?? '', r: el.getBoundingClientRect() }))
      .filter((c) => inView(c.r))
      .map((c) => ({ label: c.label, x: c.r.left }));
    const days = [...document.querySelectorAll('.tl-tick-day')]
      .map((el) => ({ day: el.querySelector('.tl-day')?.textContent ?? '', x: el.getBoundingClientRect().left }))
      .filter((d) => d.x >= trackLeft && d.x <= scroll.right);
    const edge = document.querySelector('.tl-day-edge')?.textContent ?? null;
    return { cells, days, edge };
  });
  const parsed = seen.cells.flatMap((c) => {
    const m = labelPattern.exec(c.label);
    return m ? [{ ...c, clock: m[1]!, onQueue: Number(m[2]), required: m[3] === undefined ? null : Number(m[3]) }] : [];
  });
  if (parsed.length === 0) throw new Error(`no coverage cell on screen says its numbers: ${JSON.stringify(seen)}`);
  const busiest = parsed.reduce((a, b) => (b.onQueue > a.onQueue ? b : a));
  const before = seen.days.filter((d) => d.x <= busiest.x + 0.5).at(-1);
  const day = before?.day ?? seen.edge ?? (seen.days[0] ? `${seen.days[0].day}|previous` : null);
  if (!day) throw new Error('the axis names no day on screen');
  return { label: busiest.label, clock: busiest.clock, onQueue: busiest.onQueue, required: busiest.required, day };
}

/** The interval's start in the BU zone: its day (the year is the one that puts it near the week) and clock. */
export function intervalStart(interval: ScreenInterval, week: string, zone: string): number {
  const [dayText, previous] = interval.day.split('|');
  const weekStart = DateTime.fromISO(week, { zone });
  const candidates = [-1, 0, 1].map((dy) =>
    DateTime.fromFormat(`${dayText} ${weekStart.year + dy} ${interval.clock}`, 'ccc d LLL yyyy HH:mm', { zone }),
  );
  const near = candidates.find((c) => c.isValid && Math.abs(c.diff(weekStart, 'days').days) <= 10);
  if (!near) throw new Error(`"${interval.day}" is not a day of the week of ${week}`);
  return (previous ? near.minus({ days: 1 }) : near).toMillis();
}

interface WindowAgent {
  id: string;
  shifts: Array<{ activities: Array<{ startMs: number; lengthMinutes: number; activityCodeId: string }> }>;
}

/**
 * Agents on queue in [from, to): per agent the union of its on-queue activities clipped to the interval,
 * as a share of it (the strip counts a half-covered quarter hour as half an agent); also how many
 * agents are on queue at all in it, and how many for the whole of it.
 */
export function countOnQueue(agents: WindowAgent[], onQueueCodes: Set<string>, from: number, to: number) {
  let agentTime = 0;
  let any = 0;
  let whole = 0;
  for (const agent of agents) {
    const spans = agent.shifts
      .flatMap((s) => s.activities)
      .filter((a) => onQueueCodes.has(a.activityCodeId))
      .map((a) => [Math.max(a.startMs, from), Math.min(a.startMs + a.lengthMinutes * 60_000, to)] as const)
      .filter(([s, e]) => e > s)
      .sort((a, b) => a[0] - b[0]);
    let covered = 0;
    let reached = from;
    for (const [s, e] of spans) {
      if (e <= reached) continue;
      covered += e - Math.max(s, reached);
      reached = e;
    }
    if (covered > 0) any++;
    if (covered === to - from) whole++;
    agentTime += covered / (to - from);
  }
  return { agentTime, any, whole };
}
