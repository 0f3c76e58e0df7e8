/** Which slice is under a point: track from y, level from the row, then a binary search with ±3 px slop. */
import type { TraceModel } from '../model/trace-model.js';
import { upperBound } from './level-query.js';
import { HEADER_H, ROW_H, RULER_H, type TrackBox } from './track-layout.js';
import type { Viewport } from './viewport.js';

export type Hit = { kind: 'slice'; index: number } | { kind: 'header'; track: number } | { kind: 'none' };

export function hitTest(m: TraceModel, vp: Viewport, boxes: TrackBox[], x: number, y: number): Hit {
  if (y < RULER_H) return { kind: 'none' };
  const cy = y - RULER_H + vp.scrollY;
  const box = boxes.find((b) => cy >= b.y && cy < b.y + b.height);
  if (box === undefined) return { kind: 'none' };
  if (cy < box.y + HEADER_H) return { kind: 'header', track: box.track };
  const t = m.tracks[box.track]!;
  if (t.kind === 'counter') return { kind: 'none' };
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
