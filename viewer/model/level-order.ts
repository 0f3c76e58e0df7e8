/**
 * Slices into level order (track, depth, start) with a counting sort on the track's level base +
 * depth, stable over the (track, start) order so each level stays sorted by start: a level is then
 * a zero-copy range, which drawing and hit testing binary-search (viewer-design.md §5). Args are
 * renumbered in the same order, so slice i's args entry is the next one of the table.
 */
import { ArgsBuilder } from './args-table.js';
import type { ArgsTable, TraceModel, TrackInfo } from './trace-model.js';

/** The model's slice columns, in level order. */
export type LevelColumns = Pick<TraceModel, 'start' | 'dur' | 'end' | 'name' | 'depth' | 'track' | 'argsRef' | 'levelOffsets'>;

export interface RawSlices {
  order: Uint32Array;
  track: Int32Array;
  depth: Uint16Array;
  ts: Float64Array;
  dur: Float64Array;
  name: Int32Array;
  argsRef: Int32Array;
}

/** Sets each track's levelBase and sliceCount; appends the slices' args to `args` in level order. */
export function levelOrder(tracks: TrackInfo[], s: RawSlices, origin: number, rawArgs: ArgsTable, args: ArgsBuilder): LevelColumns {
  const n = s.order.length;
  let base = 0;
  for (const t of tracks) {
    t.levelBase = base;
    base += t.levelCount;
  }
  const levelOffsets = new Int32Array(base + 1);
  const base0 = Int32Array.from(tracks, (t) => t.levelBase);
  for (let i = 0; i < n; i++) {
    const t = s.track[i]!;
    tracks[t]!.sliceCount++;
    levelOffsets[base0[t]! + s.depth[i]! + 1]!++;
  }
  for (let l = 0; l < base; l++) levelOffsets[l + 1]! += levelOffsets[l]!;
  const fill = levelOffsets.slice(0, base);
  const c: LevelColumns = {
    start: new Float64Array(n),
    dur: new Float64Array(n),
    end: new Float64Array(n),
    name: new Int32Array(n),
    depth: new Uint16Array(n),
    track: new Uint16Array(n),
    argsRef: new Int32Array(n),
    levelOffsets,
  };
  // Position of each raw slice in level order, for the args pass below.
  const at = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = s.order[k]!;
    const t = s.track[i]!;
    const j = fill[base0[t]! + s.depth[i]!]!++;
    const s0 = s.ts[i]! - origin;
    c.start[j] = s0;
    c.dur[j] = s.dur[i]!;
    c.end[j] = s0 + s.dur[i]!;
    c.name[j] = s.name[i]!;
    c.depth[j] = s.depth[i]!;
    c.track[j] = t;
    at[j] = i;
  }
  for (let j = 0; j < n; j++) {
    const ref = s.argsRef[at[j]!]!;
    c.argsRef[j] = ref < 0 ? -1 : args.copy(rawArgs, ref);
  }
  return c;
}
