/**
 * Raw columns → TraceModel: close unfinished B events, order tracks, sort slices by (track, start,
 * longer first), assign depths with one stack per track, and in the same pass compute self time,
 * per-function stats (recursion counted once) and the two call trees. Slices that overlap their
 * parent without nesting are moved to the first free level and reported.
 */
import { CallTreeBuilder } from './call-tree-builder.js';
import { orderTracks } from './order-tracks.js';
import { sortSlices } from './sort-slices.js';
import type { RawTrace } from './raw-trace.js';
import type { CounterSeries, TraceModel } from './trace-model.js';

/** 1 ns in µs: the smallest gap we tell apart. */
const NS = 1e-3 + 1e-9;
/**
 * Producers that round ts and dur to whole µs (Chrome's own traces) can make a child end up to
 * 1 µs after its parent: nested, not overlapping.
 */
const ROUNDING = 1 + 1e-9;

export function buildModel(raw: RawTrace, extras: Record<string, unknown>, scanWarnings: string[]): TraceModel {
  const warnings = [...scanWarnings];
  const n = raw.ts.n;
  const ts = raw.ts.a;
  const dur = raw.dur.a;
  let maxEnd = -Infinity;
  let minTs = Infinity;
  for (let i = 0; i < n; i++) {
    if (ts[i]! < minTs) minTs = ts[i]!;
    const e = ts[i]! + (Number.isNaN(dur[i]!) ? 0 : dur[i]!);
    if (e > maxEnd) maxEnd = e;
  }
  for (let i = 0; i < raw.instTs.n; i++) {
    minTs = Math.min(minTs, raw.instTs.a[i]!);
    maxEnd = Math.max(maxEnd, raw.instTs.a[i]!);
  }
  for (const c of raw.counters) {
    for (let i = 0; i < c.ts.n; i++) {
      minTs = Math.min(minTs, c.ts.a[i]!);
      maxEnd = Math.max(maxEnd, c.ts.a[i]!);
    }
  }
  if (!Number.isFinite(minTs)) minTs = maxEnd = 0;
  let unclosed = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(dur[i]!)) {
      dur[i] = maxEnd - ts[i]!;
      unclosed++;
    }
  }
  if (unclosed > 0) raw.problems.set('begin events never ended (closed at the end of the trace)', unclosed);

  const { tracks, remap } = orderTracks(raw);
  const trk = raw.track.a;
  const newTrack = new Int32Array(n);
  for (let i = 0; i < n; i++) newTrack[i] = remap[trk[i]!]!;
  const order = sortSlices(newTrack, ts, dur, n);

  const names = raw.names.names;
  const depth = new Uint16Array(n);
  const self = new Float64Array(n);
  const stCount = new Float64Array(names.length);
  const stTotal = new Float64Array(names.length);
  const stSelf = new Float64Array(names.length);
  const stMax = new Float64Array(names.length);
  const active = new Int32Array(names.length);
  const byThread = new CallTreeBuilder();
  const all = new CallTreeBuilder();
  const stack: number[] = [];
  /** End of each stack entry, clamped to its parent's end when it overran it by rounding. */
  const stackEnd: number[] = [];
  const childSum: number[] = [];
  const nodeT: number[] = [];
  const nodeA: number[] = [];
  const levelEnd: number[] = [];
  let overlaps = 0;
  let cur = -1;
  const pop = (): void => {
    const i = stack.pop()!;
    stackEnd.pop();
    const cs = childSum.pop()!;
    const s = Math.max(0, dur[i]! - cs);
    self[i] = s;
    const nm = raw.name.a[i]!;
    stSelf[nm]! += s;
    if (--active[nm]! === 0) stTotal[nm]! += dur[i]!;
    byThread.self[nodeT.pop()!]! += s;
    all.self[nodeA.pop()!]! += s;
  };
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const t = remap[trk[i]!]!;
    if (t !== cur) {
      while (stack.length > 0) pop();
      if (cur >= 0) tracks[cur]!.levelCount = levelEnd.length;
      levelEnd.length = 0;
      cur = t;
    }
    const start = ts[i]!;
    const end = start + dur[i]!;
    while (stack.length > 0 && stackEnd[stack.length - 1]! <= start + NS) pop();
    let d = stack.length;
    let effEnd = end;
    if (d > 0) {
      const pEnd = stackEnd[d - 1]!;
      if (end > pEnd + NS) {
        if (end - pEnd <= ROUNDING) effEnd = pEnd;
        else overlaps++;
      }
      childSum[d - 1]! += Math.max(0, Math.min(end, pEnd) - start);
    }
    while (d < levelEnd.length && levelEnd[d]! > start + NS) d++;
    depth[i] = Math.min(d, 65535);
    levelEnd[d] = effEnd;
    const nm = raw.name.a[i]!;
    stCount[nm]!++;
    if (dur[i]! > stMax[nm]!) stMax[nm] = dur[i]!;
    active[nm]!++;
    const pt = nodeT.length > 0 ? nodeT[nodeT.length - 1]! : byThread.child(0, names.length + t);
    const pa = nodeA.length > 0 ? nodeA[nodeA.length - 1]! : 0;
    const ct = byThread.child(pt, nm);
    const ca = all.child(pa, nm);
    byThread.total[ct]! += dur[i]!;
    byThread.count[ct]!++;
    all.total[ca]! += dur[i]!;
    all.count[ca]!++;
    stack.push(i);
    stackEnd.push(effEnd);
    childSum.push(0);
    nodeT.push(ct);
    nodeA.push(ca);
  }
  while (stack.length > 0) pop();
  if (cur >= 0) tracks[cur]!.levelCount = levelEnd.length;
  if (overlaps > 0) raw.problems.set('slices that overlap their parent instead of nesting (drawn on a lower free level)', overlaps);

  // Level order: counting sort by (track level base + depth), stable over the (track, ts) order
  // (the fill loop below must walk `order`, so each level stays sorted by start).
  let base = 0;
  for (const t of tracks) {
    t.levelBase = base;
    base += t.levelCount;
  }
  const levelOffsets = new Int32Array(base + 1);
  for (let i = 0; i < n; i++) {
    const t = newTrack[i]!;
    tracks[t]!.sliceCount++;
    levelOffsets[tracks[t]!.levelBase + depth[i]! + 1]!++;
  }
  for (let l = 0; l < base; l++) levelOffsets[l + 1]! += levelOffsets[l]!;
  const fill = levelOffsets.slice(0, base);
  const m = {
    start: new Float64Array(n),
    dur: new Float64Array(n),
    end: new Float64Array(n),
    self: new Float64Array(n),
    name: new Int32Array(n),
    depth: new Uint16Array(n),
    track: new Uint16Array(n),
    argsRef: new Int32Array(n),
  };
  const { start: oStart, dur: oDur, end: oEnd, self: oSelf, name: oName, depth: oDepth, track: oTrack, argsRef: oArgs } = m;
  const rawName = raw.name.a;
  const rawArgs = raw.argsRef.a;
  const base0 = Int32Array.from(tracks, (t) => t.levelBase);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const t = newTrack[i]!;
    const j = fill[base0[t]! + depth[i]!]!++;
    const s0 = ts[i]! - minTs;
    oStart[j] = s0;
    oDur[j] = dur[i]!;
    oEnd[j] = s0 + dur[i]!;
    oSelf[j] = self[i]!;
    oName[j] = rawName[i]!;
    oDepth[j] = depth[i]!;
    oTrack[j] = t;
    oArgs[j] = rawArgs[i]!;
  }

  const statNames: number[] = [];
  for (let nm = 0; nm < names.length; nm++) if (stCount[nm]! > 0) statNames.push(nm);
  const pick = (a: Float64Array): Float64Array => Float64Array.from(statNames, (nm) => a[nm]!);

  const instTs = Float64Array.from(raw.instTs.a.subarray(0, raw.instTs.n), (v) => v - minTs);
  const counters: CounterSeries[] = raw.counters.map((c) => {
    const cts = Float64Array.from(c.ts.a.subarray(0, c.ts.n), (v) => v - minTs);
    const value = c.value.done();
    const idx = Array.from(cts.keys()).sort((a, b) => cts[a]! - cts[b]!);
    let min = Infinity;
    let max = -Infinity;
    for (const v of value) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return { name: c.name, ts: Float64Array.from(idx, (i) => cts[i]!), value: Float64Array.from(idx, (i) => value[i]!), min, max };
  });

  for (const [kind, count] of raw.problems) warnings.push(`${count} ${kind}.`);
  const meta = extras['viztracer_metadata'] as Record<string, unknown> | undefined;
  if (meta?.['overflow'] === true) warnings.push(`The recording buffer overflowed: the oldest ${String(meta['dropped'] ?? 'some')} calls were dropped.`);
  const fi = extras['file_info'] as TraceModel['fileInfo'] | undefined;
  return {
    names,
    tracks,
    ...m,
    args: raw.args,
    levelOffsets,
    instants: { ts: instTs, name: raw.instName.done(), track: Uint16Array.from(raw.instTrack.a.subarray(0, raw.instTrack.n), (t) => remap[t]!) },
    flows: {
      fromTs: Float64Array.from(raw.flowFromTs.a.subarray(0, raw.flowFromTs.n), (v) => v - minTs),
      fromTrack: Uint16Array.from(raw.flowFromTrack.a.subarray(0, raw.flowFromTrack.n), (t) => remap[t]!),
      toTs: Float64Array.from(raw.flowToTs.a.subarray(0, raw.flowToTs.n), (v) => v - minTs),
      toTrack: Uint16Array.from(raw.flowToTrack.a.subarray(0, raw.flowToTrack.n), (t) => remap[t]!),
    },
    counters,
    stats: { name: Int32Array.from(statNames), count: pick(stCount), total: pick(stTotal), self: pick(stSelf), max: pick(stMax) },
    treeByThread: byThread.finish(),
    treeAll: all.finish(),
    origin: minTs,
    span: Math.max(0, maxEnd - minTs),
    warnings,
    fileInfo: fi !== undefined && fi !== null && typeof fi === 'object' && typeof fi.files === 'object' ? fi : null,
    metadata: meta ?? null,
    objects: raw.objects,
  };
}
