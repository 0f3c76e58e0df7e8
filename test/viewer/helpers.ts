/** Builds trace bytes for the viewer's model tests. */
import { loadTrace } from '../../viewer/model/load-trace.js';
import type { TraceModel } from '../../viewer/model/trace-model.js';

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function load(trace: unknown): TraceModel {
  return loadTrace(bytes(typeof trace === 'string' ? trace : JSON.stringify(trace)));
}

export function x(name: string, ts: number, dur: number, tid = 1, pid = 1): Record<string, unknown> {
  return { ph: 'X', cat: 'FEE', pid, tid, name, ts, dur };
}

/** Slices as "name@depth" sorted by start, for readable asserts. */
export function shape(m: TraceModel, track = 0): string[] {
  const out: [number, string][] = [];
  for (let i = 0; i < m.start.length; i++) if (m.track[i] === track) out.push([m.start[i]! * 1e6 + m.depth[i]!, `${m.names[m.name[i]!]}@${m.depth[i]}`]);
  return out.sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}
