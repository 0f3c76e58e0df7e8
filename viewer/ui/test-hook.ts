/**
 * `window.__viztracerViewer`: what Playwright tests assert on, so they need no pixel matching.
 * `ready` resolves once a trace is loaded and drawn (rejects when loading failed).
 */
import type { StatsRow } from '../model/stats-rows.js';
import type { App, ViewName } from './app.js';

export interface ViewerHook {
  ready: Promise<void>;
  state: {
    tracks: { name: string; pid: number | string; tid: number | string; sliceCount: number }[];
    sliceCount: number;
    warnings: string[];
    /** 'worker' normally; 'page' when the worker could not start and the page parsed the trace. */
    parsedIn: 'worker' | 'page';
  };
  /** Selects the longest slice with exactly this name (or, failing that, containing it); returns its index or -1. */
  selectByName(name: string): number;
  /** Runs a search as typed in the box; returns the number of matching slices. */
  search(query: string): number;
  setView(view: ViewName): void;
  stats(): StatsRow[];
  /** The details panel's text (name, location, times, source line), for assertions. */
  details(): string;
  /** Rects and milliseconds of the last timeline frame (for the bench). */
  lastFrame(): { rects: number; ms: number };
  /** Milliseconds since navigation: trace bytes in hand (decoded, gunzipped), parsed, first frame drawn. */
  timings(): { found: number; parsed: number; drawn: number };
  /** The visible time window, µs from the trace start. */
  viewport(): { t0: number; t1: number };
  /** Page coordinates of the middle of slice `index` as drawn now (null when off screen), to click it. */
  pointOf(index: number): { x: number; y: number } | null;
}

export function createHook(): {
  hook: ViewerHook;
  attach(app: App, where: 'worker' | 'page'): void;
  fail(e: unknown): void;
  timings: { found: number; parsed: number; drawn: number };
} {
  const timings = { found: 0, parsed: 0, drawn: 0 };
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const ready = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  ready.catch(() => {});
  let app: App | null = null;
  const need = (): App => {
    if (app === null) throw new Error('no trace loaded yet');
    return app;
  };
  const hook: ViewerHook = {
    ready,
    state: { tracks: [], sliceCount: 0, warnings: [], parsedIn: 'worker' },
    selectByName(name) {
      const a = need();
      const m = a.model;
      let best = -1;
      for (const exact of [true, false]) {
        for (let i = 0; i < m.name.length; i++) {
          const n = m.names[m.name[i]!]!;
          if ((exact ? n === name : n.includes(name)) && (best < 0 || m.dur[i]! > m.dur[best]!)) best = i;
        }
        if (best >= 0) break;
      }
      if (best >= 0) {
        a.setView('timeline');
        a.timeline.reveal(best, false);
        a.details.show(best);
      }
      return best;
    },
    search: (q) => need().search.run(q),
    setView: (v) => need().setView(v),
    stats: () => need().stats.rows(),
    details: () => need().details.el.innerText,
    lastFrame: () => ({ rects: need().timeline.lastRects, ms: need().timeline.lastDrawMs }),
    timings: () => ({ ...timings }),
    viewport: () => ({ t0: need().timeline.vp.t0, t1: need().timeline.vp.t1 }),
    pointOf: (i) => need().timeline.pointOf(i),
  };
  return {
    hook,
    attach(a, where) {
      hook.state.parsedIn = where;
      app = a;
      const m = a.model;
      hook.state.tracks = m.tracks.map((t) => ({ name: t.name, pid: t.pid, tid: t.tid, sliceCount: t.sliceCount }));
      hook.state.sliceCount = m.start.length;
      hook.state.warnings = m.warnings;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          timings.drawn = performance.now();
          resolve();
        }),
      );
    },
    fail: (e) => reject(e),
    timings,
  };
}
