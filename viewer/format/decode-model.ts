/**
 * Binary container → TraceModel (the inverse of encode-model.ts): no JSON parse per event and no
 * model building, only varint columns unpacked into typed arrays. Runs in the parse worker.
 */
import type { ArgsTable, CounterSeries, TraceModel } from '../model/trace-model.js';
import { ContainerReader } from './container.js';
import type { ModelHeader } from './model-header.js';
import { readDeltas } from './time-column.js';
import { VarReader } from './varint.js';
import { readInts, readUintColumn, readUints } from './varint-columns.js';

export function decodeModel(bytes: Uint8Array): TraceModel {
  const c = new ContainerReader<ModelHeader>(bytes);
  const h = c.header;
  const n = h.slices;
  const base = h.originNs ?? 0;
  const varint = (name: string): VarReader => {
    const b = c.bytesOf(name);
    return new VarReader(b, 0, b.length);
  };

  // Slices: dur (whole ns when exact), start as the gap after the previous slice's end. Decoded in
  // place into the model's own arrays: no temporaries (fresh memory costs a page fault per 4 KB).
  const dur = h.times.dur === 'ns' ? readUints(c.bytesOf('slice.dur'), new Float64Array(n)) : c.f64('slice.dur');
  const durIsNs = h.times.dur === 'ns';
  const end = new Float64Array(n);
  let start: Float64Array;
  if (h.times.start === 'ns') {
    // Here dur is in whole ns (start is only 'ns' when dur is).
    start = readInts(c.bytesOf('slice.start'), new Float64Array(n));
    const origin = base / 1000;
    let prevEnd = base;
    for (let i = 0; i < n; i++) {
      const s = prevEnd + start[i]!;
      const d = dur[i]!;
      start[i] = s / 1000 - origin;
      prevEnd = s + d;
    }
  } else start = c.f64('slice.start');
  if (durIsNs) for (let i = 0; i < n; i++) dur[i] = dur[i]! / 1000;
  for (let i = 0; i < n; i++) end[i] = start[i]! + dur[i]!;
  const name = readUints(c.bytesOf('slice.name'), new Int32Array(n));
  const argsRef = readArgPairs(varint('slice.args'), n, h.sliceArgs);

  const levelSizes = readUintColumn(c.bytesOf('levels'), h.tracks.reduce((s, t) => s + t.levelCount, 0));
  const levelOffsets = new Int32Array(levelSizes.length + 1);
  const depth = new Uint16Array(n);
  const track = new Uint16Array(n);
  for (let l = 0; l < levelSizes.length; l++) levelOffsets[l + 1] = levelOffsets[l]! + levelSizes[l]!;
  h.tracks.forEach((t, ti) => {
    for (let d = 0; d < t.levelCount; d++) {
      depth.fill(d, levelOffsets[t.levelBase + d]!, levelOffsets[t.levelBase + d + 1]!);
      track.fill(ti, levelOffsets[t.levelBase + d]!, levelOffsets[t.levelBase + d + 1]!);
    }
  });

  const ni = h.instants;
  const instTrack = new Uint16Array(ni);
  h.tracks.forEach((t, ti) => instTrack.fill(ti, t.instantBase, t.instantBase + t.instantCount));
  const instants = {
    ts: h.times.instants === 'ns' ? readDeltas(varint('instant.ts'), ni, base) : c.f64('instant.ts'),
    name: readUints(c.bytesOf('instant.name'), new Int32Array(ni)),
    track: instTrack,
    scope: c.u8('instant.scope'),
    argsRef: readArgPairs(varint('instant.args'), ni, h.instantArgs),
  };

  const flows = {
    name: c.i32('flow.name'),
    fromTs: c.f64('flow.fromTs'),
    fromTrack: c.u16('flow.fromTrack'),
    fromSlice: c.i32('flow.fromSlice'),
    toTs: c.f64('flow.toTs'),
    toTrack: c.u16('flow.toTrack'),
    toSlice: c.i32('flow.toSlice'),
  };

  return {
    names: c.json<string[]>('names'),
    tracks: h.tracks,
    start, dur, end, name, depth, track, argsRef,
    args: readArgs(c, h.args),
    levelOffsets,
    instants,
    flows,
    counters: readCounters(c, h, base),
    objects: c.json<TraceModel['objects']>('objects'),
    stats: { name: c.i32('stats.name'), count: c.f64('stats.count'), total: c.f64('stats.total'), self: c.f64('stats.self'), max: c.f64('stats.max') },
    origin: h.origin,
    span: h.span,
    warnings: h.warnings,
    fileInfo: c.json<TraceModel['fileInfo']>('fileInfo'),
    metadata: h.metadata,
  };
}

function readArgPairs(r: VarReader, rows: number, pairs: number): Int32Array {
  const refs = new Int32Array(rows).fill(-1);
  let i = -1;
  let ref = -1;
  for (let k = 0; k < pairs; k++) {
    i += r.uint() + 1;
    ref += r.int() + 1;
    refs[i] = ref;
  }
  return refs;
}

function readArgs(c: ContainerReader<ModelHeader>, count: number): ArgsTable {
  const lengths = readUintColumn(c.bytesOf('args.length'), count);
  const offsets = new Uint32Array(count + 1);
  for (let k = 0; k < count; k++) offsets[k + 1] = offsets[k]! + lengths[k]!;
  return { bytes: c.u8('args.bytes'), offsets };
}

function readCounters(c: ContainerReader<ModelHeader>, h: ModelHeader, base: number): CounterSeries[] {
  const tsBytes = c.bytesOf('counter.ts');
  const values = c.f64('counter.value');
  const r = new VarReader(tsBytes, 0, tsBytes.length);
  let at = 0;
  return h.counters.map((s) => {
    const ts = h.times.counters === 'ns' ? readDeltas(r, s.count, base) : new Float64Array(new Uint8Array(tsBytes.subarray(at * 8, (at + s.count) * 8)).buffer);
    const value = values.slice(at, at + s.count);
    at += s.count;
    return { name: s.name, track: s.track, ts, value, min: s.min, max: s.max };
  });
}
