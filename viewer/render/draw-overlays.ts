/** The timeline's frame: track headers and the time ruler. */
import { formatDuration, tickStep } from '../model/format.js';
import type { TraceModel } from '../model/trace-model.js';
import { HEADER_H, RULER_H, type TrackBox } from './track-layout.js';
import type { Viewport } from './viewport.js';

export function drawHeaders(ctx: CanvasRenderingContext2D, m: TraceModel, vp: Viewport, boxes: TrackBox[], first: number, top: number): void {
  ctx.font = '12px system-ui, sans-serif';
  for (let bi = first; bi < boxes.length; bi++) {
    const box = boxes[bi]!;
    const y = top + box.y;
    if (y > vp.height) break;
    if (y + HEADER_H < RULER_H) continue;
    const t = m.tracks[box.track]!;
    ctx.fillStyle = 'rgba(238, 240, 244, 0.92)';
    ctx.fillRect(0, y, vp.width, HEADER_H);
    ctx.fillStyle = '#c5c9d0';
    ctx.fillRect(0, y, vp.width, 1);
    ctx.fillStyle = '#222';
    const what = t.kind === 'counter' ? 'counter' : `${t.sliceCount.toLocaleString()} slices${t.instantCount > 0 ? `, ${t.instantCount.toLocaleString()} instants` : ''}`;
    const label = `${box.collapsed ? '▸' : '▾'} ${t.processName} › ${t.name}  (pid ${t.pid}${t.kind === 'thread' ? `, tid ${t.tid}` : ''}) · ${what}`;
    ctx.fillText(label, 6, y + HEADER_H / 2 + 1);
  }
  ctx.font = '11px system-ui, sans-serif';
}

export function drawRuler(ctx: CanvasRenderingContext2D, vp: Viewport): void {
  ctx.fillStyle = '#f7f7f9';
  ctx.fillRect(0, 0, vp.width, RULER_H);
  ctx.fillStyle = '#aaa';
  ctx.fillRect(0, RULER_H - 1, vp.width, 1);
  const step = tickStep(1 / vp.scale, 100);
  ctx.fillStyle = '#333';
  ctx.strokeStyle = '#bbb';
  ctx.beginPath();
  for (let t = Math.ceil(vp.t0 / step) * step; t < vp.t1; t += step) {
    const x = Math.round(vp.xOf(t)) + 0.5;
    ctx.moveTo(x, RULER_H - 8);
    ctx.lineTo(x, RULER_H);
    ctx.fillText(formatDuration(t), x + 3, 9);
  }
  ctx.stroke();
  const label = `window ${formatDuration(vp.t1 - vp.t0)}`;
  const w = ctx.measureText(label).width;
  ctx.fillStyle = '#f7f7f9';
  ctx.fillRect(vp.width - w - 12, 0, w + 12, RULER_H - 1);
  ctx.fillStyle = '#666';
  ctx.fillText(label, vp.width - w - 6, 15);
}
