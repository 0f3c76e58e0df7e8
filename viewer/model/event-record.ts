/**
 * Reads one trace event object into a reused record. Known keys are dispatched by their bytes;
 * `args` stays a byte range, decoded only for events that keep it. Values of the wrong type become
 * NaN / -1 and are reported by the builder, never thrown.
 */
import { ByteReader, MalformedInput } from './byte-reader.js';
import type { NameInterner } from './name-interner.js';

export interface EventRecord {
  /** First byte of `ph` (e.g. 0x58 'X'), 0 when missing or not a string. */
  ph: number;
  /** Whole `ph` when longer than one character (unknown phase), else ''. */
  phText: string;
  name: number;
  cat: number;
  /** Numbers, or interned strings encoded as `-1 - id` (some producers write string ids). */
  pid: number;
  tid: number;
  ts: number;
  dur: number;
  /** `id` (or `id2.local`/`id2.global`) as text, '' when missing. */
  id: string;
  /** Instant scope `s` first byte, or flow binding `bp` first byte. */
  scope: number;
  bp: number;
  argsStart: number;
  argsEnd: number;
  /** Count of values with a wrong type in this event. */
  badTypes: number;
}

export function newRecord(): EventRecord {
  return { ph: 0, phText: '', name: -1, cat: -1, pid: 0, tid: 0, ts: NaN, dur: NaN, id: '', scope: 0, bp: 0, argsStart: -1, argsEnd: -1, badTypes: 0 };
}

function keyIs(buf: Uint8Array, from: number, to: number, key: string): boolean {
  if (to - from !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (buf[from + i] !== key.charCodeAt(i)) return false;
  return true;
}

/** Reads `{...}` at the cursor into `rec`. */
export function readEvent(r: ByteReader, names: NameInterner, strings: NameInterner, rec: EventRecord): void {
  rec.ph = 0;
  rec.phText = '';
  rec.name = -1;
  rec.cat = -1;
  rec.pid = 0;
  rec.tid = NaN;
  rec.ts = NaN;
  rec.dur = NaN;
  rec.id = '';
  rec.scope = 0;
  rec.bp = 0;
  rec.argsStart = -1;
  rec.argsEnd = -1;
  rec.badTypes = 0;
  r.expect(0x7b);
  if (r.peek() === 0x7d) {
    r.pos++;
    return;
  }
  const buf = r.buf;
  for (;;) {
    r.readStringRange();
    const k0 = r.strStart;
    const k1 = r.strEnd;
    r.expect(0x3a);
    const len = k1 - k0;
    const first = buf[k0];
    if (len === 2 && first === 0x74 && buf[k0 + 1] === 0x73) rec.ts = number(r, rec);
    else if (len === 2 && first === 0x70 && buf[k0 + 1] === 0x68) readPhase(r, rec);
    else if (len === 3 && keyIs(buf, k0, k1, 'dur')) rec.dur = number(r, rec);
    else if (len === 3 && keyIs(buf, k0, k1, 'pid')) rec.pid = idValue(r, strings, rec);
    else if (len === 3 && keyIs(buf, k0, k1, 'tid')) rec.tid = idValue(r, strings, rec);
    else if (len === 4 && keyIs(buf, k0, k1, 'name')) rec.name = stringValue(r, names, rec);
    else if (len === 3 && keyIs(buf, k0, k1, 'cat')) rec.cat = stringValue(r, strings, rec);
    else if (len === 4 && keyIs(buf, k0, k1, 'args')) {
      rec.argsStart = r.skipValue();
      rec.argsEnd = r.pos;
    } else if ((len === 2 && keyIs(buf, k0, k1, 'id')) || (len === 3 && keyIs(buf, k0, k1, 'id2'))) rec.id = idText(r);
    else if (len === 1 && first === 0x73) rec.scope = firstByte(r);
    else if (len === 2 && keyIs(buf, k0, k1, 'bp')) rec.bp = firstByte(r);
    else r.skipValue();
    const c = r.peek();
    r.pos++;
    if (c === 0x7d) return;
    if (c !== 0x2c) throw new MalformedInput(r.pos - 1, "expected ',' or '}' in an event");
  }
}

function number(r: ByteReader, rec: EventRecord): number {
  const c = r.peek();
  if (c === 0x22) {
    // "ts": "12.5" — some producers quote numbers; accept, but count it.
    rec.badTypes++;
    return Number(r.readString());
  }
  const v = r.readNumber();
  if (Number.isNaN(v)) rec.badTypes++;
  return v;
}

function readPhase(r: ByteReader, rec: EventRecord): void {
  if (r.peek() !== 0x22) {
    rec.badTypes++;
    r.skipValue();
    return;
  }
  r.readStringRange();
  rec.ph = r.strEnd > r.strStart ? r.buf[r.strStart]! : 0;
  if (r.strEnd - r.strStart !== 1) rec.phText = r.lastString();
}

function idValue(r: ByteReader, strings: NameInterner, rec: EventRecord): number {
  const c = r.peek();
  if (c === 0x22) {
    r.readStringRange();
    return -1 - strings.internLast(r);
  }
  const v = r.readNumber();
  if (Number.isNaN(v)) rec.badTypes++;
  return v;
}

function stringValue(r: ByteReader, table: NameInterner, rec: EventRecord): number {
  if (r.peek() !== 0x22) {
    const from = r.skipValue();
    rec.badTypes++;
    return table.intern(r.text(from, r.pos));
  }
  r.readStringRange();
  return table.internLast(r);
}

function idText(r: ByteReader): string {
  const c = r.peek();
  if (c === 0x22) return r.readString();
  if (c === 0x7b) {
    const from = r.skipValue();
    try {
      const o = JSON.parse(r.text(from, r.pos)) as Record<string, unknown>;
      return String(o['local'] ?? o['global'] ?? '');
    } catch {
      return '';
    }
  }
  const from = r.skipValue();
  return r.text(from, r.pos);
}

function firstByte(r: ByteReader): number {
  if (r.peek() !== 0x22) {
    r.skipValue();
    return 0;
  }
  r.readStringRange();
  return r.strEnd > r.strStart ? r.buf[r.strStart]! : 0;
}
