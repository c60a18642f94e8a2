// Injected into both pages before their scripts: frame deltas, long tasks, first paint of rows, a timed scroll.
/* global window, document, performance, requestAnimationFrame, setTimeout, PerformanceObserver, console */
(() => {
  const b = {
    longTasks: [],
    navAt: null,
    firstBarsAt: null,
    filledAt: null,
    scroll: null,
  };
  window.__bench = b;
  // Every contract call the page makes (browser mode POSTs them): what the first paint waits for.
  b.calls = [];
  /** Calls sent and not yet answered: the page is settled when none are, for a while. */
  b.inFlight = 0;
  const realFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    let name = '';
    try {
      const body = JSON.parse(String(init?.body ?? '{}'));
      name = body.method ?? '';
      // Which page a window asks for: its unit (first characters) and offset.
      if (name === 'timeline.window' && body.args?.managementUnitId)
        name += ` ${body.args.managementUnitId.slice(0, 4)}+${body.args.offset}`;
    } catch {
      // not a contract call
    }
    const start = performance.now();
    b.inFlight++;
    try {
      const res = await realFetch(input, init);
      b.calls.push({ name, start, end: performance.now() });
      return res;
    } finally {
      b.inFlight--;
    }
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no longtask entries in this browser: counted as none
  }

  // Alt+4 opens the Timeline: the navigation starts at the key, seen before the app's own handler.
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.altKey && e.key === '4' && b.navAt === null && b.armed) {
        b.navAt = performance.now();
        // The trace's mark for "the key was pressed" (BENCH_TRACE=tasks lists main-thread tasks from it).
        console.timeStamp('bench-nav');
      }
    },
    true,
  );

  const inView = (r, v) => r.bottom > v.top && r.top < v.bottom && r.right > v.left && r.left < v.right;

  /** What the viewport shows: rows that are in it, those lacking a name or bars (skeleton), and gaps with no row. */
  b.sample = (kind) => {
    if (kind === 'app') {
      const scroller = document.querySelector('.tl-scroll');
      if (!scroller) return null;
      const v = scroller.getBoundingClientRect();
      const axis = scroller.querySelector('.tl-axis');
      const top = axis ? Math.max(v.top, axis.getBoundingClientRect().bottom) : v.top;
      const view = { top, bottom: v.bottom, left: v.left, right: v.right };
      const rows = [...scroller.querySelectorAll('[role="row"][data-testid^="agent-row-"], .tl-row.tl-unit')];
      let shown = 0,
        blank = 0,
        bars = 0;
      const spans = [];
      for (const row of rows) {
        const r = row.getBoundingClientRect();
        if (!(r.bottom > view.top && r.top < view.bottom)) continue;
        spans.push([Math.max(r.top, view.top), Math.min(r.bottom, view.bottom)]);
        if (row.classList.contains('tl-unit')) continue;
        shown++;
        const name = row.querySelector('.tl-name-text')?.textContent?.trim();
        const skeleton = row.querySelector('.tl-skeleton-bar');
        if (row.querySelector('.tl-shift')) bars++;
        if (!name || skeleton) blank++;
      }
      // Viewport height no row covers (a virtualizer behind the scroll): counted in rows of 34 px.
      spans.sort((a, c) => a[0] - c[0]);
      let covered = 0,
        at = view.top;
      for (const [s, e] of spans) {
        if (e <= at) continue;
        covered += e - Math.max(s, at);
        at = e;
      }
      const gapRows = Math.floor(Math.max(0, view.bottom - view.top - covered) / 34);
      return { shown, blank: blank + gapRows, bars };
    }
    const center = document.querySelector('.vis-panel.vis-center');
    if (!center) return null;
    const v = center.getBoundingClientRect();
    const labels = [...document.querySelectorAll('.vis-panel.vis-left .vis-label')].filter((l) =>
      inView(l.getBoundingClientRect(), { top: v.top, bottom: v.bottom, left: 0, right: 1e9 }),
    );
    const items = [...center.querySelectorAll('.vis-item')].filter((i) => inView(i.getBoundingClientRect(), v));
    return { shown: labels.length, blank: labels.filter((l) => !l.textContent.trim()).length, bars: items.length };
  };

  /** First paint: the first frame after the one whose DOM had agent rows with bars (and, later, no unfilled row). */
  b.watchFirstPaint = (kind) => {
    const tick = () => {
      const s = b.sample(kind);
      if (s && s.bars > 0 && b.firstBarsAt === null) requestAnimationFrame(() => (b.firstBarsAt = performance.now()));
      if (s && s.bars > 0 && s.blank === 0 && s.shown > 0) {
        requestAnimationFrame(() => (b.filledAt = performance.now()));
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };

  /** Frame deltas with nothing moving: what this machine's Chromium gives the page at rest. */
  b.idle = (ms) =>
    new Promise((resolve) => {
      const deltas = [];
      let t0 = null;
      let last = 0;
      const frame = (now) => {
        if (t0 === null) t0 = now;
        else deltas.push(now - last);
        last = now;
        if (now - t0 < ms) requestAnimationFrame(frame);
        else resolve(deltas);
      };
      requestAnimationFrame(frame);
    });

  /**
   * A scroll through every row and across the whole week in `ms`, position by elapsed time (a slow page
   * shows fewer frames, not a longer run). Every frame: its delta, then a sample of what the last one showed.
   */
  b.startScroll = (kind, ms) =>
    new Promise((resolve) => {
      const deltas = [];
      let blankRows = 0,
        framesWithBlank = 0,
        samples = 0,
        rowsSeen = 0;
      let el, maxTop, maxLeft, tl, week;
      if (kind === 'app') {
        el = document.querySelector('.tl-scroll');
        maxTop = el.scrollHeight - el.clientHeight;
        maxLeft = el.scrollWidth - el.clientWidth;
        el.scrollTop = 0;
        el.scrollLeft = 0;
      } else {
        tl = window.__vis;
        el = tl.dom.left.parentNode;
        maxTop = el.scrollHeight - el.clientHeight;
        week = window.__visWeek;
        el.scrollTop = 0;
        tl.setWindow(week.from, week.from + 86400000, { animation: false });
      }
      const longBefore = b.longTasks.length;
      const t0 = performance.now();
      let last = t0;
      const frame = (now) => {
        deltas.push(now - last);
        last = now;
        const s = b.sample(kind);
        if (s) {
          samples++;
          rowsSeen += s.shown;
          blankRows += s.blank;
          if (s.blank > 0) framesWithBlank++;
        }
        const f = Math.min(1, (now - t0) / ms);
        if (kind === 'app') {
          el.scrollTop = f * maxTop;
          el.scrollLeft = f * maxLeft;
        } else {
          el.scrollTop = f * maxTop;
          const start = week.from + f * (week.to - week.from - 86400000);
          tl.setWindow(start, start + 86400000, { animation: false });
        }
        if (f < 1) requestAnimationFrame(frame);
        else
          setTimeout(() => {
            const tasks = b.longTasks.slice(longBefore).filter((t) => t.start >= t0);
            resolve({
              deltas: deltas.slice(1),
              seconds: (now - t0) / 1000,
              maxTop,
              maxLeft: maxLeft ?? null,
              samples,
              rowsSeen,
              blankRows,
              framesWithBlank,
              longTasks: tasks.length,
              longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
              // Where in the scroll each long task began (ms from its start) and how long it took: to find them.
              longTaskAt: tasks.map((t) => [Math.round(t.start - t0), Math.round(t.duration)]),
              finalScrollTop: el.scrollTop,
            });
          }, 200);
      };
      requestAnimationFrame((now) => {
        last = now;
        requestAnimationFrame(frame);
      });
    });
})();
