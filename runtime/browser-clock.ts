/**
 * The browser's clocks. `performance.now()` is the only monotonic source; outside cross-origin
 * isolation Chrome coarsens it (to 100 µs), so many calls would share one timestamp and a child
 * could tie with its parent, which viewers may draw swapped (DESIGN.md §6). The clock therefore
 * never repeats a value: a reading that is not ahead of the last one becomes last + 1 ns. Order
 * and nesting stay exact; times drift by at most 1 ns per call within one clock tick.
 */
import type { NsClock } from './recorder-options.js';

export interface PerformanceLike {
  now(): number;
  readonly timeOrigin: number;
}

/** Strictly increasing ns since `perf.timeOrigin`. */
export function createPerformanceClock(perf: PerformanceLike): NsClock {
  let last = 0;
  return () => {
    const t = Math.round(perf.now() * 1e6);
    last = t > last ? t : last + 1;
    return BigInt(last);
  };
}

/** Wall clock in ns since the epoch (µs resolution at best). */
export function createWallClock(perf: PerformanceLike): NsClock {
  return () => BigInt(Math.round((perf.timeOrigin + perf.now()) * 1000)) * 1000n;
}

/**
 * ns to add to a clock of a context whose time origin is `from` to put it on the clock of a
 * context whose time origin is `to` (each worker has its own `performance.timeOrigin`).
 */
export function originShiftNs(from: number, to: number): bigint {
  return BigInt(Math.round((from - to) * 1e6));
}
