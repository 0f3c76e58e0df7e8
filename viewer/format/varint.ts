/**
 * LEB128 varints (7 bits a byte, low first) for integers up to 2^53, and zigzag for signed ones:
 * ids, ns durations and ns gaps are mostly small, so a column costs 1-3 bytes per value before gzip
 * instead of 4-8 (viewer-design.md §4, layout D). Bit operations only below 2^28, so values past
 * 32 bits stay exact.
 */

export class ByteWriter {
  buf: Uint8Array;
  pos = 0;

  constructor(initial = 1 << 16) {
    this.buf = new Uint8Array(initial);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  /** Unsigned integer in [0, 2^53). */
  uint(v: number): void {
    // A negative or fractional value here is a bug in the encoder: fail loudly, not corrupt the column.
    if (!(v >= 0 && v <= Number.MAX_SAFE_INTEGER && Math.floor(v) === v)) throw new RangeError(`not a varint: ${v}`);
    this.room(8);
    const buf = this.buf;
    let p = this.pos;
    while (v >= 0x80000000) {
      buf[p++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    while (v >= 0x80) {
      buf[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[p++] = v;
    this.pos = p;
  }

  /** Signed integer in (-2^52, 2^52). */
  int(v: number): void {
    this.uint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Zero bytes up to a multiple of `n` (typed-array views need aligned offsets). */
  align(n: number): void {
    const pad = (n - (this.pos % n)) % n;
    this.room(pad);
    this.buf.fill(0, this.pos, this.pos + pad);
    this.pos += pad;
  }

  done(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}

export class VarReader {
  pos: number;
  readonly buf: Uint8Array;
  private readonly end: number;

  constructor(buf: Uint8Array, from = 0, to = buf.length) {
    this.buf = buf;
    this.pos = from;
    this.end = to;
  }

  uint(): number {
    const buf = this.buf;
    let p = this.pos;
    if (p >= this.end) throw new RangeError('varint column ends early');
    let b = buf[p++]!;
    let v = b & 0x7f;
    if (b >= 0x80) {
      b = buf[p++]!;
      v |= (b & 0x7f) << 7;
      if (b >= 0x80) {
        b = buf[p++]!;
        v |= (b & 0x7f) << 14;
        if (b >= 0x80) {
          b = buf[p++]!;
          v |= (b & 0x7f) << 21;
          let mul = 0x10000000;
          while (b >= 0x80) {
            b = buf[p++]!;
            v += (b & 0x7f) * mul;
            mul *= 0x80;
          }
        }
      }
    }
    this.pos = p;
    return v;
  }

  int(): number {
    const z = this.uint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
}
