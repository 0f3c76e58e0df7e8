/**
 * Binds flow arrows to slices, as Chrome's trace viewer does: an end point belongs to the deepest
 * slice on its thread that encloses its time; a flow end (`f` without `"bp":"e"`) with no enclosing
 * slice binds to the next slice that starts on that thread. Unbound ends stay -1 (drawn at level 0).
 */
import { lowerBound, upperBound } from './bounds.js';
import type { TrackInfo } from './trace-model.js';

export interface SliceLevels {
  start: Float64Array;
  end: Float64Array;
  levelOffsets: Int32Array;
}

/** The deepest slice of `track` enclosing `ts`, or -1. */
export function enclosingSlice(m: SliceLevels, tracks: TrackInfo[], track: number, ts: number): number {
  const t = tracks[track];
  if (t === undefined) return -1;
  for (let d = t.levelCount - 1; d >= 0; d--) {
    const lo = m.levelOffsets[t.levelBase + d]!;
    const hi = m.levelOffsets[t.levelBase + d + 1]!;
    const i = upperBound(m.start, lo, hi, ts) - 1;
    if (i >= lo && m.end[i]! >= ts) return i;
  }
  return -1;
}

/** The first slice of `track` starting at or after `ts` (the outermost on ties), or -1. */
export function nextSlice(m: SliceLevels, tracks: TrackInfo[], track: number, ts: number): number {
  const t = tracks[track];
  if (t === undefined) return -1;
  let best = -1;
  for (let d = 0; d < t.levelCount; d++) {
    const lo = m.levelOffsets[t.levelBase + d]!;
    const hi = m.levelOffsets[t.levelBase + d + 1]!;
    const i = lowerBound(m.start, lo, hi, ts);
    if (i < hi && (best < 0 || m.start[i]! < m.start[best]!)) best = i;
  }
  return best;
}

export interface FlowEnds {
  fromTs: Float64Array;
  fromTrack: Uint16Array;
  toTs: Float64Array;
  toTrack: Uint16Array;
  /** 1 = the end binds only to an enclosing slice. */
  toEnclosing: Int32Array;
}

export function bindFlows(m: SliceLevels, tracks: TrackInfo[], f: FlowEnds): { fromSlice: Int32Array; toSlice: Int32Array } {
  const n = f.fromTs.length;
  const fromSlice = new Int32Array(n);
  const toSlice = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    fromSlice[k] = enclosingSlice(m, tracks, f.fromTrack[k]!, f.fromTs[k]!);
    let to = enclosingSlice(m, tracks, f.toTrack[k]!, f.toTs[k]!);
    if (to < 0 && f.toEnclosing[k] === 0) to = nextSlice(m, tracks, f.toTrack[k]!, f.toTs[k]!);
    toSlice[k] = to;
  }
  return { fromSlice, toSlice };
}
