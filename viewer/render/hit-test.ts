/**
 * What is under a point: the track from y; then its header, an instant in its marker row (±5 px),
 * a time on its counter graph, or a slice: level from the row, a binary search with ±3 px slop.
 */
import { upperBound } from '../model/bounds.js';
import type { TraceModel } from '../model/trace-model.js';
import { instantAt } from './draw-instants.js';
import { HEADER_H, INSTANT_H, ROW_H, RULER_H, type TrackBox } from './track-layout.js';
import type { Viewport } from './viewport.js';

export type Hit =
  | { kind: 'slice'; index: number }
  | { kind: 'instant'; index: number }
  | { kind: 'counter'; track: number; t: number }
  | { kind: 'header'; track: number }
  | { kind: 'none' };

export function hitTest(m: TraceModel, vp: Viewport, boxes: TrackBox[], x: number, y: number): Hit {
  if (y < RULER_H) return { kind: 'none' };
  const cy = y - RULER_H + vp.scrollY;
  const box = findBox(boxes, cy);
  if (box === undefined) return { kind: 'none' };
  if (cy < box.y + HEADER_H) return { kind: 'header', track: box.track };
  if (box.instantsY >= 0 && cy < box.instantsY + INSTANT_H) {
    const k = instantAt(m, vp, box.track, x);
    return k >= 0 ? { kind: 'instant', index: k } : { kind: 'none' };
  }
  const t = m.tracks[box.track]!;
  if (t.kind === 'counter') return { kind: 'counter', track: box.track, t: vp.timeAt(x) };
  const d = Math.floor((cy - box.rowsY) / ROW_H);
  if (d < 0 || d >= t.levelCount) return { kind: 'none' };
  const L = t.levelBase + d;
  const lo = m.levelOffsets[L]!;
  const hi = m.levelOffsets[L + 1]!;
  const at = vp.timeAt(x);
  const slop = 3 / vp.scale;
  const i = upperBound(m.start, lo, hi, at) - 1;
  if (i >= lo && m.end[i]! >= at) return { kind: 'slice', index: i };
  // Nearest within the slop: the one before (ends just left) or after (starts just right).
  const before = i >= lo && at - m.end[i]! <= slop ? at - m.end[i]! : Infinity;
  const after = i + 1 < hi && m.start[i + 1]! - at <= slop ? m.start[i + 1]! - at : Infinity;
  if (before === Infinity && after === Infinity) return { kind: 'none' };
  return { kind: 'slice', index: before <= after ? i : i + 1 };
}

/** The box containing content y (boxes are sorted by y). */
function findBox(boxes: TrackBox[], cy: number): TrackBox | undefined {
  let lo = 0;
  let hi = boxes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (boxes[mid]!.y + boxes[mid]!.height <= cy) lo = mid + 1;
    else hi = mid;
  }
  const b = boxes[lo];
  return b !== undefined && cy >= b.y ? b : undefined;
}
