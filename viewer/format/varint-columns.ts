/** Whole varint columns decoded at once (varint.ts has the format). */
import { VarReader } from './varint.js';

/**
 * A whole column of unsigned varints into `out` (its length is the count), in one tight loop:
 * decoding runs once per trace, in code V8 has not optimized yet, and one loop it can optimize on
 * the spot beats a method call per value. Writing straight into the final array also avoids a
 * temporary (fresh memory costs page faults: notes/viewer-design.md §4).
 */
export function readUints<T extends Float64Array | Int32Array>(buf: Uint8Array, out: T): T {
  const count = out.length;
  let p = 0;
  for (let i = 0; i < count; i++) {
    let b = buf[p++]!;
    let v = b & 0x7f;
    if (b >= 0x80) {
      b = buf[p++]!;
      v |= (b & 0x7f) << 7;
      if (b >= 0x80) {
        b = buf[p++]!;
        v |= (b & 0x7f) << 14;
        if (b >= 0x80) {
          const r = new VarReader(buf, p - 3, buf.length);
          v = r.uint();
          p = r.pos;
        }
      }
    }
    out[i] = v;
  }
  if (p > buf.length) throw new RangeError('varint column ends early');
  return out;
}

/** `count` unsigned varints as a new Float64Array. */
export function readUintColumn(buf: Uint8Array, count: number): Float64Array {
  return readUints(buf, new Float64Array(count));
}

/** Zigzag varints into `out`. */
export function readInts(buf: Uint8Array, out: Float64Array): Float64Array {
  readUints(buf, out);
  for (let i = 0; i < out.length; i++) {
    const z = out[i]!;
    out[i] = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
  return out;
}

/** `count` zigzag varints as a new Float64Array. */
export function readIntColumn(buf: Uint8Array, count: number): Float64Array {
  return readInts(buf, new Float64Array(count));
}
