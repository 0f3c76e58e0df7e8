/**
 * Times as integer nanoseconds when that is lossless. Our traces (and most others) write µs with
 * three decimals, so every value is n / 1000 for an integer n: stored as n (zigzag varint deltas)
 * it costs 1-3 bytes instead of 8, and decodes to the very same double. A column where any value
 * is not of that form is stored as raw float64 instead, so decoding is always exact.
 */
import type { ByteWriter, VarReader } from './varint.js';

/** The absolute integer ns of `value` (µs relative to `baseNs / 1000`); exact when `isNsExact` said so. */
export function toNs(value: number, baseNs: number): number {
  return Math.round((value + baseNs / 1000) * 1000);
}

/**
 * Whether every value (µs relative to `baseNs / 1000`) has an integer ns with
 * `ns / 1000 - baseNs / 1000 === value`. A check, not a column of ns: at 10^7 slices that would
 * be 80 MB more while encoding.
 */
export function isNsExact(values: Float64Array, baseNs: number): boolean {
  const base = baseNs / 1000;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const n = Math.round((v + base) * 1000);
    if (n / 1000 - base !== v || !Number.isSafeInteger(n)) return false;
  }
  return true;
}

/** The origin's own ns, or null when the origin is not a whole number of ns. */
export function originNs(origin: number): number | null {
  const n = Math.round(origin * 1000);
  return Number.isSafeInteger(n) && n / 1000 === origin ? n : null;
}

/** Writes ns-exact values as zigzag deltas of their ns from the previous one (the first from `baseNs`). */
export function writeDeltas(w: ByteWriter, values: Float64Array, baseNs: number): void {
  let prev = baseNs;
  for (let i = 0; i < values.length; i++) {
    const n = toNs(values[i]!, baseNs);
    w.int(n - prev);
    prev = n;
  }
}

/** Reads `count` values written by writeDeltas, as µs relative to `baseNs / 1000`. */
export function readDeltas(r: VarReader, count: number, baseNs: number): Float64Array {
  const out = new Float64Array(count);
  const base = baseNs / 1000;
  let prev = baseNs;
  for (let i = 0; i < count; i++) {
    prev += r.int();
    out[i] = prev / 1000 - base;
  }
  return out;
}
