/**
 * One handler per trace-event phase (a table, as DESIGN.md §9 asks): B/E pairs become slices, async
 * b/e spans get their own tracks; instants, counters, flows and object snapshots are kept apart.
 */
import type { ByteReader } from './byte-reader.js';
import type { EventRecord } from './event-record.js';
import { GrowF64 } from './growable.js';
import type { RawTrace } from './raw-trace.js';

function parseArgs(rec: EventRecord, r: ByteReader): Record<string, unknown> | null {
  if (rec.argsStart < 0) return null;
  try {
    const v: unknown = JSON.parse(r.text(rec.argsStart, rec.argsEnd));
    return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export type Handler = (raw: RawTrace, rec: EventRecord, r: ByteReader) => void;

const complete: Handler = (raw, rec, r) => {
  let dur = rec.dur;
  if (!Number.isFinite(dur) || dur < 0) {
    raw.problem('X events without a valid dur (shown with dur 0)');
    dur = 0;
  }
  raw.pushSlice(rec.ts, dur, rec.name, raw.threadTrack(rec.pid, rec.tid), rec, r);
};

const begin: Handler = (raw, rec, r) => {
  const t = raw.threadTrack(rec.pid, rec.tid);
  raw.tracks[t]!.open.push(raw.pushSlice(rec.ts, NaN, rec.name, t, rec, r));
};

const end: Handler = (raw, rec) => {
  const t = raw.threadTrack(rec.pid, rec.tid);
  const i = raw.tracks[t]!.open.pop();
  if (i === undefined) {
    raw.problem('E events without a matching B (ignored)');
    return;
  }
  raw.dur.a[i] = Math.max(0, rec.ts - raw.ts.a[i]!);
};

const instant: Handler = (raw, rec) => {
  // Scope "g" (global) and "p" (process) instants go on the process's main track.
  const tid = rec.scope === 0x67 || rec.scope === 0x70 ? rec.pid : rec.tid;
  raw.instTs.push(rec.ts);
  raw.instName.push(rec.name);
  raw.instTrack.push(raw.threadTrack(rec.pid, tid));
};

const counter: Handler = (raw, rec, r) => {
  const args = parseArgs(rec, r);
  if (args === null) {
    raw.problem('C events without args (ignored)');
    return;
  }
  const base = rec.name >= 0 ? raw.names.names[rec.name]! : 'counter';
  for (const [key, value] of Object.entries(args)) {
    const v = Number(value);
    if (!Number.isFinite(v)) continue;
    const label = Object.keys(args).length === 1 && key === 'value' ? base : `${base} ${key}`;
    const ck = `${rec.pid}|${label}|${rec.id}`;
    let c = raw.counterIndex.get(ck);
    if (c === undefined) {
      c = raw.counters.length;
      raw.counters.push({ name: label, ts: new GrowF64(), value: new GrowF64() });
      raw.counterIndex.set(ck, c);
      raw.tracks[raw.trackOf(rec.pid, 0, 'counter', ck)]!.counter = c;
    }
    raw.counters[c]!.ts.push(rec.ts);
    raw.counters[c]!.value.push(v);
  }
};

const metadata: Handler = (raw, rec, r) => {
  const kind = rec.name >= 0 ? raw.names.names[rec.name] : '';
  const args = parseArgs(rec, r);
  if (kind === 'process_name' && typeof args?.['name'] === 'string') raw.processNames.set(rec.pid, args['name']);
  else if (kind === 'thread_name' && typeof args?.['name'] === 'string') raw.threadNames.set(`${rec.pid}|${rec.tid}`, args['name']);
  else if (kind === 'process_sort_index' && typeof args?.['sort_index'] === 'number') raw.sortIndex.set(`${rec.pid}`, args['sort_index']);
  else if (kind === 'thread_sort_index' && typeof args?.['sort_index'] === 'number') raw.sortIndex.set(`${rec.pid}|${rec.tid}`, args['sort_index']);
};

const asyncBegin: Handler = (raw, rec, r) => {
  const label = `${rec.cat >= 0 ? raw.strings.names[rec.cat] : ''}:${rec.id}`;
  const t = raw.trackOf(rec.pid, 0, 'async', label);
  raw.tracks[t]!.open.push(raw.pushSlice(rec.ts, NaN, rec.name, t, rec, r));
};

const asyncEnd: Handler = (raw, rec) => {
  const label = `${rec.cat >= 0 ? raw.strings.names[rec.cat] : ''}:${rec.id}`;
  const t = raw.trackIndex.get(`async|${rec.pid}|0|${label}`);
  const i = t === undefined ? undefined : raw.tracks[t]!.open.pop();
  if (i === undefined) {
    raw.problem('async end events without a matching begin (ignored)');
    return;
  }
  raw.dur.a[i] = Math.max(0, rec.ts - raw.ts.a[i]!);
};

const flowStart: Handler = (raw, rec) => {
  raw.flowOpen.set(rec.id, { ts: rec.ts, track: raw.threadTrack(rec.pid, rec.tid) });
};

const flowEnd: Handler = (raw, rec) => {
  const from = raw.flowOpen.get(rec.id);
  if (from === undefined) {
    raw.problem('flow ends without a start (ignored)');
    return;
  }
  const to = raw.threadTrack(rec.pid, rec.tid);
  raw.flowFromTs.push(from.ts);
  raw.flowFromTrack.push(from.track);
  raw.flowToTs.push(rec.ts);
  raw.flowToTrack.push(to);
  if (rec.ph === 0x74) raw.flowOpen.set(rec.id, { ts: rec.ts, track: to });
  else raw.flowOpen.delete(rec.id);
};

const object: Handler = (raw, rec) => {
  if (raw.objects.length < 10_000) {
    raw.objects.push({ name: rec.name >= 0 ? raw.names.names[rec.name]! : '', ph: String.fromCharCode(rec.ph), ts: rec.ts, id: rec.id });
  }
};

const ignore: Handler = () => {};

const HANDLERS: Record<string, Handler> = {
  X: complete, // complete slice
  B: begin, // slice begin
  E: end, // slice end
  I: instant, // instant
  i: instant, // instant (lowercase spelling)
  R: instant, // mark
  n: instant, // async instant
  C: counter, // counter sample
  M: metadata, // process / thread names and sort order
  b: asyncBegin, // nestable async begin
  e: asyncEnd, // nestable async end
  S: asyncBegin, // legacy async begin
  F: asyncEnd, // legacy async end
  T: ignore, // legacy async step
  p: ignore, // legacy async step
  s: flowStart, // flow start
  t: flowEnd, // flow step (ends one arrow, starts the next)
  f: flowEnd, // flow end
  N: object, // object created
  O: object, // object snapshot
  D: object, // object destroyed
  P: ignore, // sample
  c: ignore, // clock sync
  V: ignore, // memory dump
  v: ignore, // memory dump
  '(': ignore, // context enter
  ')': ignore, // context exit
};

/** HANDLERS indexed by the phase's char code: no string built per event. */
export const BY_CODE: (Handler | undefined)[] = Array.from({ length: 128 }, (_, c) => HANDLERS[String.fromCharCode(c)]);
