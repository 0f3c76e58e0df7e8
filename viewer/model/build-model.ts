/**
 * Raw columns → TraceModel: close unfinished B events, order tracks, sort slices by (track, start,
 * longer first), nest them (nest-slices.ts), lay them out in level order (level-order.ts), then
 * instants, counters, flows and objects (side-events.ts), and the warnings.
 */
import { ArgsBuilder } from './args-table.js';
import { levelOrder } from './level-order.js';
import { nestSlices } from './nest-slices.js';
import { orderTracks, processNameOf } from './order-tracks.js';
import type { RawTrace } from './raw-trace.js';
import { buildCounters, buildFlows, buildInstants, buildObjects } from './side-events.js';
import { sortSlices } from './sort-slices.js';
import type { TraceModel } from './trace-model.js';

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
  const widen = (a: Float64Array, count: number): void => {
    for (let i = 0; i < count; i++) {
      if (a[i]! < minTs) minTs = a[i]!;
      if (a[i]! > maxEnd) maxEnd = a[i]!;
    }
  };
  widen(raw.instTs.a, raw.instTs.n);
  for (const c of raw.counters) widen(c.ts.a, c.ts.n);
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
  const track = new Int32Array(n);
  for (let i = 0; i < n; i++) track[i] = remap[trk[i]!]!;
  const order = sortSlices(track, ts, dur, n);
  const names = raw.names.names;
  const nest = nestSlices(order, track, ts, dur, raw.name.a, names.length, tracks.length);
  tracks.forEach((t, i) => (t.levelCount = nest.levelCount[i]!));
  if (nest.overlaps > 0) raw.problems.set('slices that overlap their parent instead of nesting (drawn on a lower free level)', nest.overlaps);

  const rawArgs = raw.args.done();
  const args = new ArgsBuilder();
  const slices = { order, track, depth: nest.depth, ts, dur, name: raw.name.a, argsRef: raw.argsRef.a };
  const cols = levelOrder(tracks, slices, minTs, rawArgs, args);
  const instants = buildInstants(raw, remap, tracks, minTs, rawArgs, args);
  const counters = buildCounters(raw, remap, minTs);
  counters.forEach((c, i) => tracks[c.track]!.series.push(i));
  const flows = buildFlows(raw, remap, minTs, cols, tracks);
  const objects = buildObjects(raw, minTs, (pid) => processNameOf(raw, pid), rawArgs, args);

  const statNames: number[] = [];
  for (let nm = 0; nm < names.length; nm++) if (nest.stCount[nm]! > 0) statNames.push(nm);
  const pick = (a: Float64Array): Float64Array => Float64Array.from(statNames, (nm) => a[nm]!);

  if (raw.args.dropped + args.dropped > 0) raw.problems.set('args beyond 4 GB of them (not kept)', raw.args.dropped + args.dropped);
  for (const [kind, count] of raw.problems) warnings.push(`${count} ${kind}.`);
  const meta = extras['viztracer_metadata'] as Record<string, unknown> | undefined;
  if (meta?.['overflow'] === true) warnings.push(`The recording buffer overflowed: the oldest ${String(meta['dropped'] ?? 'some')} calls were dropped.`);
  if (typeof meta?.['log_dropped'] === 'number' && meta['log_dropped'] > 0) warnings.push(`The log buffer overflowed: ${meta['log_dropped']} logged events (instants, counters, objects) were dropped.`);
  const fi = extras['file_info'] as TraceModel['fileInfo'] | undefined;
  return {
    names,
    tracks,
    ...cols,
    args: args.done(),
    instants,
    flows,
    counters,
    objects,
    stats: { name: Int32Array.from(statNames), count: pick(nest.stCount), total: pick(nest.stTotal), self: pick(nest.stSelf), max: pick(nest.stMax) },
    origin: minTs,
    span: Math.max(0, maxEnd - minTs),
    warnings,
    fileInfo: fi !== undefined && fi !== null && typeof fi === 'object' && typeof fi.files === 'object' ? fi : null,
    metadata: meta ?? null,
  };
}
