/**
 * One handler per trace-event phase (a table, as DESIGN.md §9 asks): B/E pairs become slices, async
 * b/e spans get their own tracks; instants, counters, flows and object snapshots are kept apart
 * (log-event-handlers.ts).
 */
import { nameOf, parseArgs, type Handler } from './event-fields.js';
import { counter, flowEnd, flowStart, instant, object } from './log-event-handlers.js';

const complete: Handler = (raw, rec, r) => {
  raw.completeEvents++;
  let dur = rec.dur;
  if (!Number.isFinite(dur) || dur < 0) {
    raw.problem('X events without a valid dur (shown with dur 0)');
    dur = 0;
  }
  raw.pushSlice(rec.ts, dur, nameOf(raw, rec), raw.threadTrack(rec.pid, rec.tid), rec, r);
};

const begin: Handler = (raw, rec, r) => {
  const t = raw.threadTrack(rec.pid, rec.tid);
  raw.tracks[t]!.open.push(raw.pushSlice(rec.ts, NaN, nameOf(raw, rec), t, rec, r));
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
  raw.tracks[t]!.open.push(raw.pushSlice(rec.ts, NaN, nameOf(raw, rec), t, rec, r));
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
