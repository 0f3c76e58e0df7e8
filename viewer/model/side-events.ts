/**
 * Everything but slices, once the tracks are ordered and the slices are in level order: instants
 * sorted by (track, time) with a range per track, counter series sorted by time, flows bound to
 * slices, object events with their process names. Times become relative to the trace origin;
 * args entries are appended after the slices' (instants', then objects').
 */
import type { ArgsBuilder } from './args-table.js';
import { bindFlows, type SliceLevels } from './bind-flows.js';
import type { RawTrace } from './raw-trace.js';
import type { ArgsTable, CounterSeries, Flows, Instants, ObjectEvent, TrackInfo } from './trace-model.js';

export function buildInstants(raw: RawTrace, remap: Int32Array, tracks: TrackInfo[], origin: number, rawArgs: ArgsTable, args: ArgsBuilder): Instants {
  const n = raw.instTs.n;
  const rawTs = raw.instTs.a;
  const trk = Int32Array.from(raw.instTrack.a.subarray(0, n), (t) => remap[t]!);
  const idx = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => trk[a]! - trk[b]! || rawTs[a]! - rawTs[b]! || a - b);
  const out: Instants = {
    ts: new Float64Array(n),
    name: new Int32Array(n),
    track: new Uint16Array(n),
    scope: new Uint8Array(n),
    argsRef: new Int32Array(n),
  };
  for (let k = 0; k < n; k++) {
    const i = idx[k]!;
    const t = trk[i]!;
    out.ts[k] = rawTs[i]! - origin;
    out.name[k] = raw.instName.a[i]!;
    out.track[k] = t;
    out.scope[k] = raw.instScope.a[i]!;
    const ref = raw.instArgs.a[i]!;
    out.argsRef[k] = ref < 0 ? -1 : args.copy(rawArgs, ref);
    if (tracks[t]!.instantCount++ === 0) tracks[t]!.instantBase = k;
  }
  return out;
}

export function buildCounters(raw: RawTrace, remap: Int32Array, origin: number): CounterSeries[] {
  return raw.counters.map((c): CounterSeries => {
    const n = c.ts.n;
    const ts = c.ts.a;
    const idx = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => ts[a]! - ts[b]! || a - b);
    const value = Float64Array.from(idx, (i) => c.value.a[i]!);
    let min = Infinity;
    let max = -Infinity;
    for (const v of value) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return { name: c.name, track: remap[c.track]!, ts: Float64Array.from(idx, (i) => ts[i]! - origin), value, min, max };
  });
}

export function buildFlows(raw: RawTrace, remap: Int32Array, origin: number, slices: SliceLevels, tracks: TrackInfo[]): Flows {
  const n = raw.flowFromTs.n;
  const rel = (a: Float64Array): Float64Array => Float64Array.from(a.subarray(0, n), (v) => v - origin);
  const track = (a: Int32Array): Uint16Array => Uint16Array.from(a.subarray(0, n), (t) => remap[t]!);
  const ends = {
    fromTs: rel(raw.flowFromTs.a),
    fromTrack: track(raw.flowFromTrack.a),
    toTs: rel(raw.flowToTs.a),
    toTrack: track(raw.flowToTrack.a),
    toEnclosing: raw.flowToEnclosing.a.subarray(0, n),
  };
  const { fromSlice, toSlice } = bindFlows(slices, tracks, ends);
  return { name: raw.flowName.done(), fromTs: ends.fromTs, fromTrack: ends.fromTrack, fromSlice, toTs: ends.toTs, toTrack: ends.toTrack, toSlice };
}

export function buildObjects(raw: RawTrace, origin: number, processName: (pid: number) => string, rawArgs: ArgsTable, args: ArgsBuilder): ObjectEvent[] {
  return raw.objects.map((o) => ({
    name: o.name,
    ph: o.ph,
    ts: o.ts - origin,
    id: o.id,
    process: processName(o.pid),
    argsRef: o.argsRef < 0 ? -1 : args.copy(rawArgs, o.argsRef),
  }));
}
