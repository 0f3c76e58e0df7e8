/**
 * JSON bytes into one reused buffer, flushed to a sink when full: memory stays bounded whatever
 * the trace size (a whole-trace string would stop at V8's ~512 MB limit). Plain Uint8Array and
 * TextEncoder, so the same writer runs in Node, browsers and workers.
 */
import type { ByteSink } from './byte-sink-types.js';

export const DEFAULT_CHUNK_SIZE = 1 << 20;
/** Room for the longest event (names are clipped to fit). */
export const MIN_CHUNK_SIZE = 1 << 16;

const encoder = new TextEncoder();

/** UTF-8 bytes of `s` (for prefixes cached once per function). */
export const utf8 = (s: string): Uint8Array => encoder.encode(s);

export class ByteWriter {
  readonly buf: Uint8Array;
  /** Next free byte of `buf`; hot loops read it into a local and store it back. */
  pos = 0;
  readonly sink: ByteSink;

  constructor(sink: ByteSink, size: number = DEFAULT_CHUNK_SIZE) {
    this.sink = sink;
    this.buf = new Uint8Array(Math.max(size, MIN_CHUNK_SIZE));
  }

  flush(): void {
    if (this.pos > 0) this.sink.write(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  /** Makes room for `n` bytes (n must not exceed the buffer size). */
  ensure(n: number): void {
    if (this.pos + n > this.buf.length) this.flush();
  }

  /** Any string, UTF-8 encoded; long ones go to the sink directly. */
  text(s: string): void {
    if (s.length * 3 <= this.buf.length) {
      this.ensure(s.length * 3);
      this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
    } else {
      this.flush();
      this.sink.write(encoder.encode(s));
    }
  }

  bytes(b: Uint8Array): void {
    if (b.length <= this.buf.length) {
      this.ensure(b.length);
      this.buf.set(b, this.pos);
      this.pos += b.length;
    } else {
      this.flush();
      this.sink.write(b);
    }
  }

  /** Flushes and ends the sink. */
  end(): void {
    this.flush();
    this.sink.end();
  }
}
