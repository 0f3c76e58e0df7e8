/**
 * The hot loop of saving: one `X` event per recorded call, written as bytes. Per event there is no
 * string, no BigInt and no JSON.stringify: the name prefix is escaped once per function id and
 * cached as bytes, and timestamps are read from the BigInt64Arrays through 32-bit views
 * (hi * 2^32 + lo, exact below 2^53 ns = 104 days of uptime).
 */
import { utf8, type ByteWriter } from './byte-writer.js';
import { callArgsJson } from './call-args-json.js';
import { eventName } from './event-name.js';
import { writeNsAsUs } from './format-digits.js';
import type { FunctionInfo } from './function-registry.js';
import type { LogSiteInfo } from './recorder-log-sites.js';
import type { EventSegment } from './recorder-snapshot.js';
import type { SafeRepr } from './safe-repr.js';

const DUR = utf8(',"dur":');
const END = utf8('}');
const END_UNFINISHED = utf8(',"args":{"unfinished":true}}');
/** Bytes after the prefix: ts and dur (<= 21 bytes each), DUR, END_UNFINISHED, the separator. */
const TAIL_MAX = 96;
const TWO_32 = 4294967296;

export interface CompleteEventsResult {
  /** Events written. */
  count: number;
  /** Function ids that appear in the events (for file_info). */
  ids: number[];
}

/** Writes the segments' events, each preceded by ",\n" (metadata events come first). */
/** What call args need at save time (call-args-json.ts). */
export interface ArgsContext {
  sites: LogSiteInfo | undefined;
  repr: SafeRepr;
}

export function writeCompleteEvents(
  w: ByteWriter, segments: readonly EventSegment[], functions: FunctionInfo, pid: number, tid: number, argsContext?: ArgsContext,
): CompleteEventsResult {
  const prefixes: (Uint8Array | undefined)[] = [];
  const seen: number[] = [];
  const head = `,\n{"ph":"X","cat":"FEE","pid":${pid},"tid":${tid},"name":`;
  let count = 0;
  for (const seg of segments) {
    const ids = seg.ids;
    const starts = new Uint32Array(seg.starts.buffer, seg.starts.byteOffset, seg.starts.length * 2);
    const ends = new Uint32Array(seg.ends.buffer, seg.ends.byteOffset, seg.ends.length * 2);
    const tail = seg.unfinished ? END_UNFINISHED : END;
    const args = argsContext === undefined ? undefined : seg.args;
    const size = w.buf.length;
    let buf = w.buf;
    let pos = w.pos;
    for (let i = seg.from; i < seg.to; i++) {
      const id = ids[i]!;
      let prefix = prefixes[id];
      if (prefix === undefined) {
        prefix = utf8(`${head}${JSON.stringify(eventName(functions, id))},"ts":`);
        prefixes[id] = prefix;
        seen.push(id);
      }
      if (pos + prefix.length + TAIL_MAX > size) {
        w.pos = pos;
        w.flush();
        buf = w.buf;
        pos = 0;
      }
      buf.set(prefix, pos);
      pos += prefix.length;
      const start = (starts[2 * i + 1]! | 0) * TWO_32 + starts[2 * i]!;
      const end = (ends[2 * i + 1]! | 0) * TWO_32 + ends[2 * i]!;
      pos = writeNsAsUs(buf, pos, start);
      for (let j = 0; j < DUR.length; j++) buf[pos + j] = DUR[j]!;
      pos = writeNsAsUs(buf, pos + DUR.length, end - start);
      const logged = args?.get(i);
      if (logged !== undefined) {
        // A call with logged args: rare, so a string is fine here.
        w.pos = pos;
        w.text(`,"args":${callArgsJson(logged, argsContext!.sites, argsContext!.repr, seg.unfinished)}}`);
        buf = w.buf;
        pos = w.pos;
        count++;
        continue;
      }
      for (let j = 0; j < tail.length; j++) buf[pos + j] = tail[j]!;
      pos += tail.length;
      count++;
    }
    w.pos = pos;
  }
  return { count, ids: seen };
}

