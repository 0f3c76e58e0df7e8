/**
 * `window.__viztracerViewer`: what Playwright tests assert on, so they need no pixel matching.
 * `ready` resolves once a trace is loaded and drawn (rejects when loading failed).
 */
import type { TraceFormat } from '../load/open-bytes.js';
import type { StatsRow } from '../model/stats-rows.js';
import type { App, ViewName } from './app.js';
import { groupObjects } from './objects-panel.js';
import { pointOf, pointOfInstant, pointOfTime } from './timeline-points.js';

type Point = { x: number; y: number } | null;

export interface ViewerHook {
  ready: Promise<void>;
  state: {
    tracks: { name: string; pid: number | string; tid: number | string; sliceCount: number; kind: string; instantCount: number; series: string[] }[];
    sliceCount: number;
    instantCount: number;
    flowCount: number;
    objectCount: number;
    warnings: string[];
    /** 'worker' normally; 'page' when the worker could not start and the page parsed the trace. */
    parsedIn: 'worker' | 'page';
    /** 'binary' when the page got columns converted by vizviewer / the report writer, 'json' otherwise. */
    format: TraceFormat;
  };
  /** Selects the longest slice with exactly this name (or, failing that, containing it); returns its index or -1. */
  selectByName(name: string): number;
  /** Selects the first instant with exactly this name and shows its details; returns its index or -1. */
  selectInstant(name: string): number;
  /** Runs a search as typed in the box; returns the number of matching slices. */
  search(query: string): number;
  setView(view: ViewName): void;
  stats(): StatsRow[];
  /** The details panel's text (name, location, times, args, source line), for assertions. */
  details(): string;
  /** Every flow as the names of the slices it binds (null when unbound). */
  flows(): { name: string; from: string | null; to: string | null }[];
  /** Objects of the Objects view: name, id and their events' phases in time order. */
  objects(): { name: string; id: string; phases: string }[];
  /** Rects, milliseconds and count of timeline frames drawn so far (the last frame's rects and ms). */
  lastFrame(): { rects: number; ms: number; frames: number };
  /** Milliseconds since navigation: trace bytes in hand, parsed (or unpacked), first frame drawn. */
  timings(): { found: number; parsed: number; drawn: number };
  /** The visible time window, µs from the trace start. */
  viewport(): { t0: number; t1: number };
  /** Page coordinates of the middle of slice `index` as drawn now (null when off screen), to click it. */
  pointOf(index: number): Point;
  /** Page coordinates of instant `index`'s marker (null when off screen). */
  pointOfInstant(index: number): Point;
  /** Page coordinates of time `t` (µs from the trace start) on the first row of the track named `track`. */
  pointOfTime(track: string, t: number): Point;
}

export function createHook(): {
  hook: ViewerHook;
  attach(app: App, where: 'worker' | 'page', format: TraceFormat): void;
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
  const sliceName = (i: number): string | null => (i < 0 ? null : need().model.names[need().model.name[i]!]!);
  const hook: ViewerHook = {
    ready,
    state: { tracks: [], sliceCount: 0, instantCount: 0, flowCount: 0, objectCount: 0, warnings: [], parsedIn: 'worker', format: 'json' },
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
    selectInstant(name) {
      const a = need();
      const k = Array.from(a.model.instants.name).findIndex((id) => a.model.names[id] === name);
      if (k >= 0) {
        a.setView('timeline');
        a.timeline.revealInstant(k);
        a.details.showInstant(k);
      }
      return k;
    },
    search: (q) => need().search.run(q),
    setView: (v) => need().setView(v),
    stats: () => need().stats.rows(),
    details: () => need().details.el.innerText,
    flows: () => {
      const f = need().model.flows;
      return Array.from(f.fromSlice, (from, k) => ({ name: need().model.names[f.name[k]!] ?? '', from: sliceName(from), to: sliceName(f.toSlice[k]!) }));
    },
    objects: () => groupObjects(need().model.objects).map((o) => ({ name: o.name, id: o.id, phases: o.events.map((e) => e.ph).join('') })),
    lastFrame: () => ({ rects: need().timeline.lastRects, ms: need().timeline.lastDrawMs, frames: need().timeline.frames }),
    timings: () => ({ ...timings }),
    viewport: () => ({ t0: need().timeline.vp.t0, t1: need().timeline.vp.t1 }),
    pointOf: (i) => pointOf(need().timeline, i),
    pointOfInstant: (k) => pointOfInstant(need().timeline, k),
    pointOfTime: (track, t) => pointOfTime(need().timeline, need().model.tracks.findIndex((x) => x.name === track), t),
  };
  return {
    hook,
    attach(a, where, format) {
      hook.state.parsedIn = where;
      hook.state.format = format;
      app = a;
      const m = a.model;
      hook.state.tracks = m.tracks.map((t) => ({
        name: t.name, pid: t.pid, tid: t.tid, sliceCount: t.sliceCount, kind: t.kind, instantCount: t.instantCount, series: t.series.map((s) => m.counters[s]!.name),
      }));
      hook.state.sliceCount = m.start.length;
      hook.state.instantCount = m.instants.ts.length;
      hook.state.flowCount = m.flows.fromTs.length;
      hook.state.objectCount = m.objects.length;
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
