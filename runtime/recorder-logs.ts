/**
 * The logging side of the recorder: compile-time log sites (`l`, `g`, `v` of the probe protocol)
 * and custom events, stored in the log ring and the per-call args store. Never throws and never
 * runs program code: values are kept raw (primitives) or captured (value-snapshot.ts).
 */
import { createCallArgsStore, type CallArgsStore } from './recorder-call-args.js';
import { createLogRing, CUSTOM, SITE, type LogRing } from './recorder-log-ring.js';
import { createLogSiteRegistry, type LogSiteRegistry } from './recorder-log-sites.js';
import type { CustomEvent } from './custom-event.js';
import { append } from './safe-builtins.js';
import type { SafeRepr } from './safe-repr.js';
import { ReprText } from './log-value.js';
import { createSlotPool } from './slot-pool.js';
import type { ValueCapture } from './value-snapshot.js';

export interface LogDeps {
  clock: () => bigint;
  tracerEntries: number;
  stackCapacity: number;
  repr: SafeRepr;
  /** How an object or function value is kept until save time. */
  capture: ValueCapture;
  warn: (message: string) => void;
  /** Open frames on this thread. */
  depth(): number;
  /** Start key (recorder-call-args.ts startKey) of open frame `d`. */
  frameStart(d: number): number;
  /** Would a call at depth `d` be recorded (max-stack-depth, the sparse window)? */
  recordable(d: number): boolean;
}

export interface RecorderLogs {
  readonly sites: LogSiteRegistry;
  readonly ring: LogRing;
  readonly args: CallArgsStore;
  /** Log site `site` saw `v` (the body of `l`). */
  site(site: number, v: unknown): void;
  /** Arguments of open frame `d`, named by log site `site` (the body of `g`). */
  funcArgs(d: number, site: number, values: readonly unknown[]): void;
  /** Return value of open frame `d` (the body of `v`). */
  returnValue(d: number, v: unknown): void;
  /** `e` propagated out of open frame `d` (the body of `t`). */
  threw(d: number, e: unknown): void;
  /** Forget every log event and snapshot. */
  clear(): void;
  /** A custom event now. */
  custom(event: CustomEvent): void;
  /** A custom duration event. */
  span(start: bigint, end: bigint, event: CustomEvent): void;
}

/** A logged object whose snapshot more recent ones overwrote (more than the pool holds). */
const OVERWRITTEN = new ReprText('[Object: snapshot overwritten]');

export function createRecorderLogs(deps: LogDeps): RecorderLogs {
  const { repr, capture } = deps;
  const sites = createLogSiteRegistry();
  // Room for the ring's snapshots: 16 slots an entry is an object of about 6 keys in each.
  const pool = createSlotPool(16 * deps.tracerEntries);
  const ring = createLogRing(deps.tracerEntries, deps.clock, (pos) => capture.read(pool, pos) ?? OVERWRITTEN);
  const args = createCallArgsStore(deps.stackCapacity, deps.tracerEntries);
  const warned: number[] = [];

  function openFrame(d: number): ReturnType<CallArgsStore['frame']> | undefined {
    if (d < 0 || d >= deps.depth() || !deps.recordable(d)) return undefined;
    return args.frame(d, deps.frameStart(d));
  }

  function warnOnce(site: number, v: unknown): void {
    for (let i = 0; i < warned.length; i++) if (warned[i] === site) return;
    append(warned, site);
    deps.warn(`viztracer: --log-number: ${sites.texts[site]} (${sites.files[site]}:${sites.lines[site]}) `
      + `is not a number (${repr(v)}); its non-number values are skipped`);
  }

  return {
    sites,
    ring,
    args,
    site(site, v) {
      switch (sites.kinds[site]) {
        case 'var':
        case 'attr':
        case 'entry':
        case 'exception':
          if (typeof v === 'object' && v !== null) {
            const pos = capture.write(v, pool);
            if (pos >= 0) return ring.pushSnapshot(site, pos);
          }
          ring.push(SITE, site, capture.capture(v));
          return;
        case 'number':
          if (typeof v === 'number' || typeof v === 'bigint') ring.push(SITE, site, v);
          else warnOnce(site, v);
          return;
        case 'exec': {
          const frame = openFrame(deps.depth() - 1);
          if (frame === undefined) return;
          const step = { site, value: capture.capture(v), next: undefined };
          if (frame.lastExec === undefined) frame.exec = step;
          else frame.lastExec.next = step;
          frame.lastExec = step;
          return;
        }
        default:
          return; // 'args' sites go through funcArgs; malformed ones record nothing
      }
    },
    funcArgs(d, site, values) {
      const frame = openFrame(d);
      if (frame === undefined) return;
      // `values` is the rest-parameter array `g` received: its slots are own, so stores are safe.
      const stored = values as unknown[];
      for (let i = 0; i < stored.length; i++) stored[i] = capture.capture(stored[i]);
      frame.argsSite = site;
      frame.argValues = stored;
    },
    returnValue(d, v) {
      const frame = openFrame(d);
      if (frame === undefined) return;
      frame.hasReturn = true;
      frame.returnValue = capture.capture(v);
    },
    threw(d, e) {
      const frame = openFrame(d);
      if (frame === undefined) return;
      frame.hasException = true;
      frame.exception = capture.capture(e);
    },
    clear() {
      ring.clear();
      pool.clear(); // drops its references to the program's objects
      args.clear();
    },
    custom(event) {
      ring.push(CUSTOM, -1, event);
    },
    span(start, end, event) {
      ring.pushSpan(start, end, event);
    },
  };
}
