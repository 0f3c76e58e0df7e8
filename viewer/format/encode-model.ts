/**
 * TraceModel → binary container (container.ts), written once in Node by `vizviewer` and the report
 * writer so the page only unpacks columns (decode-model.ts). Slices are stored in level order, so
 * depth and track are implied by the level; a start is stored as its gap after the previous slice's
 * end, in ns when that is exact (time-column.ts). Everything decodes to the same doubles.
 */
import type { ArgsTable, TraceModel } from '../model/trace-model.js';
import { ContainerWriter } from './container.js';
import type { ModelHeader, TimeEncoding } from './model-header.js';
import { isNsExact, originNs, toNs, writeDeltas } from './time-column.js';
import type { ByteWriter } from './varint.js';

export function encodeModel(m: TraceModel): Uint8Array {
  const c = new ContainerWriter();
  const base = originNs(m.origin);
  const n = m.start.length;
  c.json('names', m.names);

  const durExact = isNsExact(m.dur, 0);
  const startExact = base !== null && durExact && isNsExact(m.start, base);
  if (startExact) {
    c.section('slice.start', (w) => {
      let prevEnd = base;
      for (let i = 0; i < n; i++) {
        const s = toNs(m.start[i]!, base);
        w.int(s - prevEnd);
        prevEnd = s + toNs(m.dur[i]!, 0);
      }
    });
  } else c.raw('slice.start', m.start);
  if (durExact) c.section('slice.dur', (w) => m.dur.forEach((v) => w.uint(toNs(v, 0))));
  else c.raw('slice.dur', m.dur);
  c.section('slice.name', (w) => m.name.forEach((v) => w.uint(v)));
  const sliceArgs = argPairs(c, 'slice.args', m.argsRef);
  c.section('levels', (w) => {
    for (let l = 0; l + 1 < m.levelOffsets.length; l++) w.uint(m.levelOffsets[l + 1]! - m.levelOffsets[l]!);
  });

  const inst = m.instants;
  const instExact = base !== null && isNsExact(inst.ts, base);
  if (instExact) c.section('instant.ts', (w) => writeDeltas(w, inst.ts, base));
  else c.raw('instant.ts', inst.ts);
  c.section('instant.name', (w) => inst.name.forEach((v) => w.uint(v)));
  c.raw('instant.scope', inst.scope);
  const instantArgs = argPairs(c, 'instant.args', inst.argsRef);

  const f = m.flows;
  for (const [key, col] of Object.entries(f)) c.raw(`flow.${key}`, col as ArrayBufferView);

  const countersExact = base !== null && m.counters.every((s) => isNsExact(s.ts, base));
  c.section('counter.ts', (w) => {
    for (const s of m.counters) {
      if (countersExact) writeDeltas(w, s.ts, base);
      else w.bytes(bytesOf(s.ts));
    }
  });
  c.section('counter.value', (w) => m.counters.forEach((s) => w.bytes(bytesOf(s.value))));

  writeArgs(c, m.args);
  c.json('objects', m.objects);
  c.json('fileInfo', m.fileInfo);
  for (const [key, col] of Object.entries(m.stats)) c.raw(`stats.${key}`, col as ArrayBufferView);

  const time = (exact: boolean): TimeEncoding => (exact ? 'ns' : 'f64');
  const header: Omit<ModelHeader, 'version' | 'sections'> = {
    slices: n,
    instants: inst.ts.length,
    flows: f.fromTs.length,
    sliceArgs,
    instantArgs,
    args: m.args.offsets.length - 1,
    origin: m.origin,
    originNs: base,
    span: m.span,
    times: { start: time(startExact), dur: time(durExact), instants: time(instExact), counters: time(countersExact) },
    tracks: m.tracks,
    counters: m.counters.map((s) => ({ name: s.name, track: s.track, count: s.ts.length, min: s.min, max: s.max })),
    warnings: m.warnings,
    metadata: m.metadata,
  };
  return c.finish(header as Record<string, unknown>);
}

function bytesOf(a: Float64Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** (index, args entry) of every row with args, both as deltas: sequential entries cost ~2 bytes. */
function argPairs(c: ContainerWriter, name: string, refs: Int32Array): number {
  let count = 0;
  c.section(name, (w: ByteWriter) => {
    let prevI = -1;
    let prevRef = -1;
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i]!;
      if (ref < 0) continue;
      w.uint(i - prevI - 1);
      w.int(ref - prevRef - 1);
      prevI = i;
      prevRef = ref;
      count++;
    }
  });
  return count;
}

function writeArgs(c: ContainerWriter, args: ArgsTable): void {
  c.section('args.length', (w) => {
    for (let k = 0; k + 1 < args.offsets.length; k++) w.uint(args.offsets[k + 1]! - args.offsets[k]!);
  });
  c.raw('args.bytes', args.bytes);
}
