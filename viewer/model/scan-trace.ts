/**
 * Top level of a Chrome trace, `{"traceEvents": [...], ...}` or a bare `[...]`, read from chunks
 * as they arrive (a 1 GB trace is never one buffer, let alone one string). Each step (one event,
 * one top-level value) either completes or, cut by the chunk's end, is retried from its first byte
 * once more bytes came (pending-bytes.ts). A cut-off file keeps every event read before the cut,
 * with a warning.
 */
import { ByteReader, MalformedInput, TruncatedInput } from './byte-reader.js';
import { newRecord, readEvent } from './event-record.js';
import { NameInterner } from './name-interner.js';
import { PendingBytes } from './pending-bytes.js';
import { RawTrace } from './raw-trace.js';

export interface ScanResult {
  raw: RawTrace;
  /** Top-level values other than traceEvents, parsed (file_info, viztracer_metadata, ...). */
  extras: Record<string, unknown>;
  warnings: string[];
}

type State =
  | 'start' // before the first { or [
  | 'key' // in the top object, before a key or }
  | 'next-key' // in the top object, after a value: , or }
  | 'events' // in traceEvents (or the bare array), before an event or ]
  | 'next-event' // after an event: , or ]
  | 'done' // the whole trace was read
  | 'damaged'; // malformed bytes: the rest is ignored

export class TraceScanner {
  readonly raw = new RawTrace(new NameInterner(), new NameInterner());
  readonly extras: Record<string, unknown> = {};
  readonly warnings: string[] = [];
  private state: State = 'start';
  private bare = false;
  private readonly pending = new PendingBytes();
  /** Absolute offset of the first pending byte. */
  private consumed = 0;
  private readonly rec = newRecord();

  push(chunk: Uint8Array): void {
    if (chunk.length === 0 || this.state === 'done' || this.state === 'damaged') return;
    if (this.pending.add(chunk)) this.scan();
  }

  /** Call after the last chunk. */
  finish(): ScanResult {
    if (this.pending.waiting) {
      // A long value still waiting for more bytes: there are no more, so try it once now.
      this.pending.retryNow();
      this.scan();
    }
    if (this.state !== 'done' && this.state !== 'damaged') {
      const at = this.consumed + this.pending.size;
      this.warnings.push(`The trace file is truncated (it ends at byte ${at}): showing the ${this.count()} events read before the cut.`);
    }
    this.pending.clear();
    return { raw: this.raw, extras: this.extras, warnings: this.warnings };
  }

  /** Reads every complete step of the pending bytes; keeps the rest. */
  private scan(): void {
    const buf = this.pending.bytes();
    const r = new ByteReader(buf);
    let from = r.pos;
    try {
      for (;;) {
        from = r.pos;
        if (!this.step(r)) break;
      }
      from = r.pos;
    } catch (e) {
      if (e instanceof MalformedInput) {
        this.state = 'damaged';
        this.warnings.push(`The trace file is damaged (${e.message.replace(/\d+$/, String(this.consumed + e.at))}): showing the ${this.count()} events read before it.`);
        return this.pending.clear();
      }
      if (!(e instanceof TruncatedInput)) throw e;
    }
    this.consumed += from;
    this.pending.keep(buf.subarray(from));
  }

  private count(): number {
    return this.raw.ts.n + this.raw.instTs.n;
  }

  /** Reads one step; false when the trace is complete. Throws TruncatedInput when cut. */
  private step(r: ByteReader): boolean {
    switch (this.state) {
      case 'start': {
        const c = r.peek();
        if (c === 0xef) {
          // A UTF-8 byte order mark (EF BB BF), possibly cut by the chunk's end.
          if (r.pos + 3 > r.buf.length) throw new TruncatedInput(r.buf.length);
          if (r.buf[r.pos + 1] === 0xbb && r.buf[r.pos + 2] === 0xbf) {
            r.pos += 3;
            return true;
          }
        }
        if (c !== 0x5b && c !== 0x7b) throw new MalformedInput(r.pos, 'a trace starts with { or [');
        r.pos++;
        this.bare = c === 0x5b;
        this.state = this.bare ? 'events' : 'key';
        return true;
      }
      case 'key':
        return this.topValue(r);
      case 'next-key': {
        const c = r.peek();
        if (c === 0x7d) {
          r.pos++;
          this.state = 'done';
          return false;
        }
        if (c !== 0x2c) throw new MalformedInput(r.pos, "expected ',' or '}' after a top-level value");
        r.pos++;
        this.state = 'key';
        return true;
      }
      case 'events':
        return this.event(r);
      case 'next-event': {
        const c = r.peek();
        if (c === 0x2c) {
          r.pos++;
          this.state = 'events';
          return true;
        }
        if (c !== 0x5d) throw new MalformedInput(r.pos, "expected ',' or ']' between events");
        r.pos++;
        return this.endEvents();
      }
      default:
        return false;
    }
  }

  private topValue(r: ByteReader): boolean {
    // `}` of an empty object, or after a trailing comma.
    if (r.peek() === 0x7d) {
      r.pos++;
      this.state = 'done';
      return false;
    }
    const key = r.readString();
    r.expect(0x3a);
    if (key === 'traceEvents' && r.peek() === 0x5b) {
      r.pos++;
      this.state = 'events';
      return true;
    }
    const from = r.skipValue();
    try {
      this.extras[key] = JSON.parse(r.text(from, r.pos)) as unknown;
    } catch {
      this.warnings.push(`The top-level "${key}" value is not valid JSON (ignored).`);
    }
    this.state = 'next-key';
    return true;
  }

  private event(r: ByteReader): boolean {
    const c = r.peek();
    // `]` right after `[` or after a trailing comma (Chrome's own writer leaves one when cut).
    if (c === 0x5d) {
      r.pos++;
      return this.endEvents();
    }
    if (c === 0x7b) {
      readEvent(r, this.raw.names, this.raw.strings, this.rec);
      this.raw.add(this.rec, r);
    } else {
      r.skipValue();
      this.raw.problem('array entries that are not event objects (ignored)');
    }
    this.state = 'next-event';
    return true;
  }

  private endEvents(): boolean {
    this.state = this.bare ? 'done' : 'next-key';
    return !this.bare;
  }
}

/** The whole trace in one buffer. */
export function scanTrace(bytes: Uint8Array): ScanResult {
  const s = new TraceScanner();
  s.push(bytes);
  return s.finish();
}
