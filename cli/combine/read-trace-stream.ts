/**
 * Walks a Chrome trace in JSON Object Format (`{"traceEvents": [...], ...}`) without holding it
 * whole: each element of `traceEvents` is handed over as its raw bytes, one at a time; the other
 * top-level values (viztracer_metadata, file_info, ...) are returned raw, keyed by name. Anything
 * that is not such a file, including one cut off anywhere, is an invalidTrace() error.
 */
import { ByteSource, isSpace } from './byte-source.js';
import { invalidTrace } from './invalid-trace.js';
import { newScanState, readJsonValue, scan, truncated } from './read-json-value.js';

export type EventVisitor = (raw: Buffer, index: number) => void;

/** Reads `file` to its end; returns the top-level values other than traceEvents. */
export async function readTraceStream(file: string, onEvent: EventVisitor): Promise<Map<string, Buffer>> {
  const src = ByteSource.open(file);
  try {
    return await readTopLevel(src, onEvent);
  } finally {
    await src.close();
  }
}

async function readTopLevel(src: ByteSource, onEvent: EventVisitor): Promise<Map<string, Buffer>> {
  const first = await src.peek();
  if (first < 0) throw invalidTrace('it is empty');
  if (first === 0x5b) throw invalidTrace('it is not a trace in JSON Object Format (a bare array of events)');
  if (first !== 0x7b) throw notJson(src, first);
  src.pos++;
  const others = new Map<string, Buffer>();
  let sawEvents = false;
  let c = await src.peek();
  if (c === 0x7d) src.pos++;
  while (c !== 0x7d) {
    if (c !== 0x22) throw c < 0 ? truncated() : notJson(src, c);
    const key = parseKey(await readJsonValue(src));
    await expect(src, 0x3a);
    if (key === 'traceEvents') {
      await readEvents(src, onEvent);
      sawEvents = true;
    } else {
      others.set(key, await readJsonValue(src));
    }
    c = await src.peek();
    if (c === 0x2c) {
      src.pos++;
      c = await src.peek();
    } else if (c === 0x7d) {
      src.pos++;
    } else {
      throw c < 0 ? truncated() : notJson(src, c);
    }
  }
  const rest = await src.peek();
  if (rest >= 0) throw notJson(src, rest);
  if (!sawEvents) throw invalidTrace('it is not a trace (no traceEvents array)');
  return others;
}

async function readEvents(src: ByteSource, onEvent: EventVisitor): Promise<void> {
  const open = await src.peek();
  if (open !== 0x5b) throw open < 0 ? truncated() : invalidTrace('it is not a trace (traceEvents is not an array)');
  src.pos++;
  let c = await src.peek();
  if (c === 0x5d) {
    src.pos++;
    return;
  }
  for (let index = 0; ; index++) {
    index = eventsInChunk(src, onEvent, index);
    // One element that crosses into the next chunk (or the last one): the general path.
    onEvent(await readJsonValue(src), index);
    c = await src.peek();
    src.pos++;
    if (c === 0x5d) return;
    if (c !== 0x2c) throw c < 0 ? truncated() : notJson(src, c);
  }
}

/**
 * The fast path, without an await per event: hands over every `element,` wholly inside the current
 * chunk; stops before the first one that is not (or that ends the array). Returns the next index.
 */
function eventsInChunk(src: ByteSource, onEvent: EventVisitor, index: number): number {
  const { buf } = src;
  for (;;) {
    const start = skipSpaces(buf, src.pos);
    if (start >= buf.length) return index;
    const end = scan(buf, start, newScanState());
    if (end < 0) return index;
    const sep = skipSpaces(buf, end);
    if (sep >= buf.length || buf[sep] === 0x5d) return index;
    if (buf[sep] !== 0x2c) {
      src.pos = sep;
      throw notJson(src, buf[sep]!);
    }
    onEvent(buf.subarray(start, end), index++);
    src.pos = sep + 1;
  }
}

function skipSpaces(buf: Buffer, i: number): number {
  while (i < buf.length && isSpace(buf[i]!)) i++;
  return i;
}

function parseKey(raw: Buffer): string {
  try {
    return JSON.parse(raw.toString('utf8')) as string;
  } catch (e) {
    throw invalidTrace(`it is not JSON (${(e as Error).message})`);
  }
}

async function expect(src: ByteSource, byte: number): Promise<void> {
  const c = await src.peek();
  if (c !== byte) throw c < 0 ? truncated() : notJson(src, c);
  src.pos++;
}

function notJson(src: ByteSource, c: number): Error {
  const shown = c >= 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16)}`;
  return invalidTrace(`it is not JSON (unexpected ${shown} at byte ${src.offset + src.pos})`);
}
