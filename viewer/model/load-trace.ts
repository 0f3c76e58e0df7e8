/** Bytes of a Chrome-trace JSON file → TraceModel. Pure: runs in the worker, in tests and as fallback. */
import { buildModel } from './build-model.js';
import { scanTrace } from './scan-trace.js';
import type { TraceModel } from './trace-model.js';

export function loadTrace(bytes: Uint8Array): TraceModel {
  const { raw, extras, warnings } = scanTrace(bytes);
  const model = buildModel(raw, extras, warnings);
  if (model.start.length === 0 && model.instants.ts.length === 0 && model.counters.length === 0) {
    model.warnings.unshift('The trace has no events to show.');
  }
  return model;
}

/** Every typed-array buffer of the model, for a zero-copy postMessage. */
export function transferables(m: TraceModel): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [m.start, m.dur, m.end, m.self, m.name, m.depth, m.track, m.argsRef, m.levelOffsets];
  arrays.push(m.instants.ts, m.instants.name, m.instants.track, m.flows.fromTs, m.flows.fromTrack, m.flows.toTs, m.flows.toTrack);
  for (const c of m.counters) arrays.push(c.ts, c.value);
  for (const s of [m.stats.name, m.stats.count, m.stats.total, m.stats.self, m.stats.max]) arrays.push(s);
  for (const t of [m.treeAll, m.treeByThread]) arrays.push(t.name, t.parent, t.total, t.self, t.count, t.firstChild, t.nextSibling);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
