/**
 * Counts what a Chrome-trace JSON byte stream holds without parsing it (traces can exceed V8's
 * longest string): complete events (`"ph":"X"`, the runtime's "events"), and the dropped-call count
 * of `viztracer_metadata`, so a converted report says what the runtime would have said.
 */
import { Transform } from 'node:stream';

export interface TraceTally {
  /** Complete (`X`) events: calls. */
  events: number;
  /** Uncompressed JSON bytes seen. */
  jsonBytes: number;
  /** `viztracer_metadata.dropped`, when present. */
  dropped: number;
  /** Last non-whitespace byte: `}` or `]` for a whole trace, anything else for a truncated one. */
  lastByte: number;
}

const KEY = Buffer.from('"ph"');
const META = Buffer.from('"viztracer_metadata"');
const DROPPED = /"dropped":\s*(\d+)/;
/** Bytes kept from one chunk to the next: longer than anything matched across a boundary. */
const OVERLAP = 64;
const SPACE = new Set([0x20, 0x0a, 0x0d, 0x09]);

/** A pass-through that tallies the JSON flowing through it; read `tally` once it has ended. */
export function traceTally(): Transform & { tally: TraceTally } {
  const tally: TraceTally = { events: 0, jsonBytes: 0, dropped: 0, lastByte: -1 };
  // Keeps the end of the previous chunk so a key split across chunks is still seen.
  let carry: Buffer = Buffer.alloc(0);
  let metaSeen = false;
  const sink = new Transform({
    transform(chunk: Buffer, _encoding, done): void {
      tally.jsonBytes += chunk.length;
      for (let i = chunk.length - 1; i >= 0; i--) {
        if (!SPACE.has(chunk[i]!)) {
          tally.lastByte = chunk[i]!;
          break;
        }
      }
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      // Keys in the last OVERLAP bytes are only looked at once the next chunk has arrived.
      const stop = bytes.length - OVERLAP;
      let at = bytes.indexOf(KEY);
      let consumed = 0;
      while (at >= 0 && at < stop) {
        if (isPhaseX(bytes, at + KEY.length)) tally.events++;
        consumed = at + KEY.length;
        at = bytes.indexOf(KEY, consumed);
      }
      let keep = Math.max(consumed, stop, 0);
      if (!metaSeen) {
        const meta = bytes.indexOf(META);
        const end = meta >= 0 ? bytes.indexOf(0x7d, meta) : -1; // its closing brace (the object is flat)
        if (end >= 0) {
          metaSeen = true;
          const found = DROPPED.exec(bytes.toString('latin1', meta + META.length, end + 1));
          if (found) tally.dropped = Number(found[1]);
        } else if (meta >= 0) {
          keep = Math.min(keep, meta); // wait for the rest of the metadata object
        }
      }
      carry = Buffer.from(bytes.subarray(keep));
      done(null, chunk);
    },
    flush(done): void {
      let at = carry.indexOf(KEY);
      while (at >= 0) {
        if (isPhaseX(carry, at + KEY.length)) tally.events++;
        at = carry.indexOf(KEY, at + KEY.length);
      }
      done();
    },
  });
  return Object.assign(sink, { tally });
}

/** After `"ph"`: optional spaces, `:`, optional spaces, `"X"`. */
function isPhaseX(bytes: Buffer, i: number): boolean {
  while (SPACE.has(bytes[i] ?? 0)) i++;
  if (bytes[i] !== 0x3a) return false;
  i++;
  while (SPACE.has(bytes[i] ?? 0)) i++;
  return bytes[i] === 0x22 && bytes[i + 1] === 0x58 && bytes[i + 2] === 0x22;
}
