/**
 * Handlers of the events that are not slices: instants (a marker row per track), counters (a track
 * per counter name and process, a series per arg key), flows (bound to slices by the builder) and
 * object events (listed). See phase-handlers.ts for the table.
 */
import { GrowF64 } from './growable.js';
import { nameOf, parseArgs, type Handler } from './event-fields.js';

/** Object events kept at most (they are listed, one row each). */
const MAX_OBJECTS = 100_000;

export const instant: Handler = (raw, rec, r) => {
  // Scope "g" (global) and "p" (process) instants go on the process's main track; the renderer
  // draws them across all tracks / the process's tracks.
  const scope = rec.scope === 0x67 || rec.scope === 0x70 ? rec.scope : 0x74;
  raw.instTs.push(rec.ts);
  raw.instName.push(nameOf(raw, rec));
  raw.instTrack.push(raw.threadTrack(rec.pid, scope === 0x74 ? rec.tid : rec.pid));
  raw.instScope.push(scope);
  raw.instArgs.push(raw.argsOf(rec, r));
};

/** One track per counter name (and id) per process; one series per arg key. */
export const counter: Handler = (raw, rec, r) => {
  const args = parseArgs(rec, r);
  if (args === null) {
    raw.problem('C events without args (ignored)');
    return;
  }
  const base = rec.name >= 0 ? raw.names.names[rec.name]! : 'counter';
  const label = rec.id === '' ? base : `${base} ${rec.id}`;
  let track = -1;
  for (const [key, value] of Object.entries(args)) {
    const v = Number(value);
    if (typeof value === 'boolean' || !Number.isFinite(v)) continue;
    const ck = `${rec.pid}|${label}|${key}`;
    let c = raw.counterIndex.get(ck);
    if (c === undefined) {
      if (track < 0) track = raw.trackOf(rec.pid, 0, 'counter', label);
      c = raw.counters.length;
      raw.counters.push({ name: key, track, ts: new GrowF64(), value: new GrowF64() });
      raw.counterIndex.set(ck, c);
    }
    raw.counters[c]!.ts.push(rec.ts);
    raw.counters[c]!.value.push(v);
  }
};

export const flowStart: Handler = (raw, rec) => {
  raw.flowOpen.set(rec.id, { ts: rec.ts, track: raw.threadTrack(rec.pid, rec.tid) });
};

export const flowEnd: Handler = (raw, rec) => {
  const from = raw.flowOpen.get(rec.id);
  if (from === undefined) {
    raw.problem('flow ends without a start (ignored)');
    return;
  }
  const to = raw.threadTrack(rec.pid, rec.tid);
  raw.flowName.push(nameOf(raw, rec));
  raw.flowFromTs.push(from.ts);
  raw.flowFromTrack.push(from.track);
  raw.flowToTs.push(rec.ts);
  raw.flowToTrack.push(to);
  // A step ("t") and "bp":"e" bind to the enclosing slice; a plain "f" to the next slice too.
  raw.flowToEnclosing.push(rec.ph === 0x74 || rec.bp === 0x65 ? 1 : 0);
  if (rec.ph === 0x74) raw.flowOpen.set(rec.id, { ts: rec.ts, track: to });
  else raw.flowOpen.delete(rec.id);
};

export const object: Handler = (raw, rec, r) => {
  if (raw.objects.length >= MAX_OBJECTS) {
    raw.problem(`object events beyond the first ${MAX_OBJECTS.toLocaleString('en')} (not listed)`);
    return;
  }
  const ph = rec.ph === 0x4e ? 'N' : rec.ph === 0x4f ? 'O' : 'D';
  raw.objects.push({ name: rec.name >= 0 ? raw.names.names[rec.name]! : '', ph, ts: rec.ts, id: rec.id, pid: rec.pid, argsRef: raw.argsOf(rec, r) });
};
