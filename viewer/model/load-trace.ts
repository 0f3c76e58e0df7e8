/** Bytes of a Chrome-trace JSON file → TraceModel. Pure: runs in the worker, in Node and in tests. */
import { buildModel } from './build-model.js';
import { scanTrace, type ScanResult } from './scan-trace.js';
import type { TraceModel } from './trace-model.js';

export function loadTrace(bytes: Uint8Array): TraceModel {
  return modelOf(scanTrace(bytes));
}

/** The model of a finished scan (TraceScanner.finish()), with a warning when nothing is drawable. */
export function modelOf(scan: ScanResult): TraceModel {
  const model = buildModel(scan.raw, scan.extras, scan.warnings);
  if (model.start.length === 0 && model.instants.ts.length === 0 && model.counters.length === 0 && model.objects.length === 0) {
    model.warnings.unshift('The trace has no events to show.');
  }
  return model;
}

/** Every typed-array buffer of the model, for a zero-copy postMessage. */
export function transferables(m: TraceModel): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [m.start, m.dur, m.end, m.name, m.depth, m.track, m.argsRef, m.levelOffsets, m.args.bytes, m.args.offsets];
  arrays.push(...Object.values(m.instants), ...Object.values(m.flows));
  for (const c of m.counters) arrays.push(c.ts, c.value);
  arrays.push(...Object.values(m.stats));
  // A buffer may back several views (decoded sections): list each once.
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
