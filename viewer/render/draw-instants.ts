/**
 * Instant events as markers in their track's marker row: a downward triangle coloured by scope
 * (thread, process, global), at most one per pixel column (a binary search skips the rest, so a
 * dense row costs O(px · log n)). Global instants also get a dashed line across every track.
 */
import { lowerBound } from '../model/bounds.js';
import type { TraceModel } from '../model/trace-model.js';
import { INSTANT_H, RULER_H, type TrackBox } from './track-layout.js';
import type { Viewport } from './viewport.js';

/** Marker colour per scope char code. */
export const SCOPE_COLORS: Record<number, string> = { 0x74: '#c0392b', 0x70: '#d68910', 0x67: '#7d3c98' };

export function drawInstants(ctx: CanvasRenderingContext2D, m: TraceModel, vp: Viewport, boxes: TrackBox[], first: number, top: number, selected: number): void {
  const inst = m.instants;
  const globals: number[] = [];
  for (let bi = first; bi < boxes.length; bi++) {
    const box = boxes[bi]!;
    if (top + box.y > vp.height) break;
    if (box.instantsY < 0) continue;
    const y = top + box.instantsY + 2;
    if (y + INSTANT_H < RULER_H) continue;
    const t = m.tracks[box.track]!;
    const hi = t.instantBase + t.instantCount;
    let k = lowerBound(inst.ts, t.instantBase, hi, vp.timeAt(-5));
    const last = vp.timeAt(vp.width + 5);
    while (k < hi && inst.ts[k]! <= last) {
      const x = Math.round(vp.xOf(inst.ts[k]!));
      const scope = inst.scope[k]!;
      ctx.fillStyle = SCOPE_COLORS[scope] ?? SCOPE_COLORS[0x74]!;
      ctx.beginPath();
      ctx.moveTo(x - 5, y);
      ctx.lineTo(x + 5, y);
      ctx.lineTo(x, y + 9);
      ctx.closePath();
      ctx.fill();
      if (scope === 0x67) globals.push(x);
      k = Math.max(k + 1, lowerBound(inst.ts, k + 1, hi, vp.timeAt(x + 1.5)));
    }
  }
  if (globals.length > 0) {
    ctx.strokeStyle = 'rgba(125, 60, 152, 0.45)';
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    for (const x of globals) {
      ctx.moveTo(x + 0.5, RULER_H);
      ctx.lineTo(x + 0.5, vp.height);
    }
    ctx.stroke();
    ctx.setLineDash([]);
  }
  drawSelectedInstant(ctx, m, vp, boxes, top, selected);
}

function drawSelectedInstant(ctx: CanvasRenderingContext2D, m: TraceModel, vp: Viewport, boxes: TrackBox[], top: number, k: number): void {
  if (k < 0) return;
  const box = boxes.find((b) => b.track === m.instants.track[k]);
  if (box === undefined || box.instantsY < 0) return;
  const x = Math.round(vp.xOf(m.instants.ts[k]!));
  const y = top + box.instantsY + 2;
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#111';
  ctx.beginPath();
  ctx.moveTo(x - 6, y - 1);
  ctx.lineTo(x + 6, y - 1);
  ctx.lineTo(x, y + 10);
  ctx.closePath();
  ctx.stroke();
  ctx.lineWidth = 1;
}

/** The instant nearest to x (within 5 px) in the marker row of `track`, or -1. */
export function instantAt(m: TraceModel, vp: Viewport, track: number, x: number): number {
  const t = m.tracks[track]!;
  const hi = t.instantBase + t.instantCount;
  const ts = m.instants.ts;
  let k = lowerBound(ts, t.instantBase, hi, vp.timeAt(x - 5));
  let best = -1;
  for (; k < hi && ts[k]! <= vp.timeAt(x + 5); k++) {
    if (best < 0 || Math.abs(vp.xOf(ts[k]!) - x) < Math.abs(vp.xOf(ts[best]!) - x)) best = k;
  }
  return best;
}
