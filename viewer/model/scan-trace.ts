/**
 * Top level of a Chrome trace: `{"traceEvents": [...], ...}` or a bare `[...]`. Events go to the
 * RawTrace one at a time; a cut-off file keeps every event read before the cut, with a warning.
 */
import { ByteReader, MalformedInput, TruncatedInput } from './byte-reader.js';
import { newRecord, readEvent } from './event-record.js';
import { NameInterner } from './name-interner.js';
import { RawTrace } from './raw-trace.js';

export interface ScanResult {
  raw: RawTrace;
  /** Top-level values other than traceEvents, parsed (file_info, viztracer_metadata, ...). */
  extras: Record<string, unknown>;
  warnings: string[];
}

export function scanTrace(bytes: Uint8Array): ScanResult {
  const r = new ByteReader(bytes);
  const raw = new RawTrace(new NameInterner(), new NameInterner());
  const extras: Record<string, unknown> = {};
  const warnings: string[] = [];
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) r.pos = 3;
  try {
    const c = r.peek();
    if (c === 0x5b) scanEvents(r, raw);
    else if (c === 0x7b) scanObject(r, raw, extras, warnings);
    else throw new MalformedInput(r.pos, 'a trace starts with { or [');
  } catch (e) {
    if (e instanceof TruncatedInput) {
      warnings.push(`The trace file is truncated (it ends at byte ${e.at}): showing the ${raw.ts.n + raw.instTs.n} events read before the cut.`);
    } else if (e instanceof MalformedInput) {
      warnings.push(`The trace file is damaged (${e.message}): showing the ${raw.ts.n + raw.instTs.n} events read before it.`);
    } else throw e;
  }
  return { raw, extras, warnings };
}

function scanObject(r: ByteReader, raw: RawTrace, extras: Record<string, unknown>, warnings: string[]): void {
  r.expect(0x7b);
  if (r.peek() === 0x7d) return;
  for (;;) {
    const key = r.readString();
    r.expect(0x3a);
    if (key === 'traceEvents' && r.peek() === 0x5b) scanEvents(r, raw);
    else {
      const from = r.skipValue();
      try {
        extras[key] = JSON.parse(r.text(from, r.pos)) as unknown;
      } catch {
        warnings.push(`The top-level "${key}" value is not valid JSON (ignored).`);
      }
    }
    const c = r.peek();
    r.pos++;
    if (c === 0x7d) return;
    if (c !== 0x2c) throw new MalformedInput(r.pos - 1, "expected ',' or '}' after a top-level value");
  }
}

function scanEvents(r: ByteReader, raw: RawTrace): void {
  r.expect(0x5b);
  const rec = newRecord();
  if (r.peek() === 0x5d) {
    r.pos++;
    return;
  }
  for (;;) {
    if (r.peek() === 0x7b) {
      readEvent(r, raw.names, raw.strings, rec);
      raw.add(rec, r);
    } else {
      r.skipValue();
      raw.problem('array entries that are not event objects (ignored)');
    }
    const c = r.peek();
    r.pos++;
    if (c === 0x5d) return;
    if (c !== 0x2c) throw new MalformedInput(r.pos - 1, "expected ',' or ']' between events");
    // A trailing comma before ] (Chrome's own writer leaves one when cut): accept it.
    if (r.peek() === 0x5d) {
      r.pos++;
      return;
    }
  }
}
