/**
 * Flow arrows from the slice a flow leaves to the slice it enters (bind-flows.ts), at their rows;
 * an unbound end sits on the track's first row. The selected slice's flows are drawn bold.
 */
import type { TraceModel } from '../model/trace-model.js';
import { ROW_H, type TrackBox } from './track-layout.js';
import type { Viewport } from './viewport.js';

/** Arrows drawn at most per frame (they cannot be culled by a binary search). */
const MAX_FLOWS = 20_000;

export function drawFlows(ctx: CanvasRenderingContext2D, m: TraceModel, vp: Viewport, byTrack: (TrackBox | undefined)[], top: number, selected: number): void {
  const f = m.flows;
  const n = Math.min(f.fromTs.length, MAX_FLOWS);
  const rowY = (track: number, slice: number): number | null => {
    const box = byTrack[track];
    if (box === undefined || box.collapsed) return null;
    return top + box.rowsY + (slice >= 0 ? m.depth[slice]! : 0) * ROW_H + ROW_H / 2;
  };
  for (let pass = 0; pass < 2; pass++) {
    // Pass 0 draws every arrow thin, pass 1 the selected slice's arrows on top.
    ctx.strokeStyle = ctx.fillStyle = pass === 0 ? 'rgba(60, 60, 60, 0.6)' : '#1f5fd1';
    ctx.lineWidth = pass === 0 ? 1 : 2;
    for (let k = 0; k < n; k++) {
      const lit = selected >= 0 && (f.fromSlice[k] === selected || f.toSlice[k] === selected);
      if (lit !== (pass === 1)) continue;
      const x0 = vp.xOf(f.fromTs[k]!);
      const x1 = vp.xOf(f.toTs[k]!);
      if (Math.max(x0, x1) < 0 || Math.min(x0, x1) > vp.width) continue;
      const y0 = rowY(f.fromTrack[k]!, f.fromSlice[k]!);
      const y1 = rowY(f.toTrack[k]!, f.toSlice[k]!);
      if (y0 === null || y1 === null) continue;
      const bend = Math.max(20, Math.min(60, Math.abs(x1 - x0) / 2));
      ctx.beginPath();
      ctx.moveTo(x0, y0);
      ctx.bezierCurveTo(x0 + bend, y0, x1 - bend, y1, x1, y1);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x1 - 7, y1 - 4);
      ctx.lineTo(x1 - 7, y1 + 4);
      ctx.fill();
    }
  }
  ctx.lineWidth = 1;
}
