/**
 * Reads one complete JSON value (object, array, string or scalar) from a ByteSource as its raw
 * bytes, without parsing it: the caller parses the small ones (events) and decides what to do
 * with the rest. Works on bytes: UTF-8 continuation bytes are never ASCII, so quotes, brackets and
 * backslashes are found byte by byte. A value split over chunks is gathered in parts (one concat
 * at the end), so a large value costs O(size).
 */
import { isSpace, type ByteSource } from './byte-source.js';
import { invalidTrace } from './invalid-trace.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export interface ScanState {
  depth: number;
  inString: boolean;
  escaped: boolean;
  /** A number, true, false or null at depth 0: it ends at the next delimiter. */
  scalar: boolean;
}

/** Reads the value starting at the next non-space byte; throws "truncated" at the end of the file. */
export async function readJsonValue(src: ByteSource): Promise<Buffer> {
  if ((await src.peek()) < 0) throw truncated();
  const state = newScanState();
  const parts: Buffer[] = [];
  for (;;) {
    const start = src.pos;
    const end = scan(src.buf, start, state);
    if (end >= 0) {
      src.pos = end;
      const last = src.buf.subarray(start, end);
      return parts.length === 0 ? last : Buffer.concat([...parts, last]);
    }
    parts.push(src.buf.subarray(start));
    src.pos = src.buf.length;
    if (!(await src.more())) {
      // A scalar may end with the file; anything else is cut off.
      if (state.scalar) return Buffer.concat(parts);
      throw truncated();
    }
  }
}

export function newScanState(): ScanState {
  return { depth: 0, inString: false, escaped: false, scalar: false };
}

export function truncated(): Error {
  return invalidTrace('it is truncated (the file ends inside the JSON)');
}

/** Index after the value's last byte, or -1 when `buf` ends first (the state carries over). */
export function scan(buf: Buffer, i: number, s: ScanState): number {
  // Locals, not the state object, in the loop: this runs over every byte of the trace.
  let { depth, inString, escaped } = s;
  const n = buf.length;
  if (s.scalar) {
    while (i < n && !isScalarEnd(buf[i]!)) i++;
    return i < n ? i : -1;
  }
  for (; i < n; i++) {
    const c = buf[i]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) {
        inString = false;
        if (depth === 0) return i + 1;
      }
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
    } else if (c === 0x7d || c === 0x5d) {
      if (--depth === 0) return i + 1;
      if (depth < 0) throw invalidTrace(`it is not JSON (unexpected '${String.fromCharCode(c)}')`);
    } else if (depth === 0) {
      s.scalar = true;
      return scan(buf, i, s);
    }
  }
  s.depth = depth;
  s.inString = inString;
  s.escaped = escaped;
  return -1;
}

function isScalarEnd(c: number): boolean {
  return c === 0x2c || c === 0x5d || c === 0x7d || isSpace(c);
}
