/** The timeline's non-slice layers: instants, flow arrows, counter charts, track headers, the ruler. */
import { formatDuration, tickStep } from '../model/format.js';
import type { TraceModel } from '../model/trace-model.js';
import { lowerBound } from './level-query.js';
import { boxOf, HEADER_H, ROW_H, RULER_H, type TrackBox } from './track-layout.js';
import type { Viewport } from './viewport.js';

export function drawInstants(ctx: CanvasRenderingContext2D, m: TraceModel, vp: Viewport, boxes: TrackBox[], top: number): void {
  const n = m.instants.ts.length;
  if (n === 0) return;
  const lastX = new Map<number, number>();
  ctx.fillStyle = '#c0392b';
  ctx.beginPath();
  for (let k = 0; k < n && k < 500_000; k++) {
    const x = Math.round(vp.xOf(m.instants.ts[k]!));
    if (x < -4 || x > vp.width + 4) continue;
    const t = m.instants.track[k]!;
    if (lastX.get(t) === x) continue;
    lastX.set(t, x);
    const box = boxOf(boxes, t);
    if (box === undefined) continue;
    const y = top + box.y + HEADER_H - 7;
    ctx.moveTo(x, y);
    ctx.lineTo(x + 4, y + 6);
    ctx.lineTo(x - 4, y + 6);
    ctx.closePath();
  }
  ctx.fill();
}

export function drawFlows(ctx: CanvasRenderingContext2D, m: TraceModel, vp: Viewport, boxes: TrackBox[], top: number): void {
  const f = m.flows;
  if (f.fromTs.length === 0) return;
  ctx.strokeStyle = 'rgba(60, 60, 60, 0.7)';
  ctx.fillStyle = 'rgba(60, 60, 60, 0.7)';
  for (let k = 0; k < f.fromTs.length && k < 20_000; k++) {
    const x0 = vp.xOf(f.fromTs[k]!);
    const x1 = vp.xOf(f.toTs[k]!);
    if (Math.max(x0, x1) < 0 || Math.min(x0, x1) > vp.width) continue;
    const b0 = boxOf(boxes, f.fromTrack[k]!);
    const b1 = boxOf(boxes, f.toTrack[k]!);
    if (b0 === undefined || b1 === undefined) continue;
    const y0 = top + b0.rowsY + ROW_H / 2;
    const y1 = top + b1.rowsY + ROW_H / 2;
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.bezierCurveTo(x0 + 30, y0, x1 - 30, y1, x1, y1);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x1 - 6, y1 - 3);
    ctx.lineTo(x1 - 6, y1 + 3);
    ctx.fill();
  }
}

export function drawCounter(ctx: CanvasRenderingContext2D, m: TraceModel, track: number, vp: Viewport, y: number): void {
  const c = m.counters[m.tracks[track]!.counter];
  if (c === undefined || c.ts.length === 0) return;
  const h = 36;
  const range = c.max - Math.min(0, c.min) || 1;
  const yOf = (v: number): number => y + h - ((v - Math.min(0, c.min)) / range) * h;
  let k = Math.max(0, lowerBound(c.ts, 0, c.ts.length, vp.t0) - 1);
  ctx.fillStyle = 'rgba(41, 128, 185, 0.35)';
  ctx.strokeStyle = '#2980b9';
  ctx.beginPath();
  ctx.moveTo(Math.max(0, vp.xOf(c.ts[k]!)), y + h);
  let lastX = -Infinity;
  for (; k < c.ts.length; k++) {
    const x = Math.min(vp.width, Math.max(0, vp.xOf(c.ts[k]!)));
    if (x - lastX < 0.5 && k + 1 < c.ts.length && x < vp.width) continue;
    lastX = x;
    ctx.lineTo(x, k > 0 ? yOf(c.value[k - 1]!) : y + h);
    ctx.lineTo(x, yOf(c.value[k]!));
    if (c.ts[k]! > vp.t1) break;
  }
  ctx.lineTo(lastX, y + h);
  ctx.fill();
  ctx.fillStyle = '#555';
  ctx.fillText(`max ${c.max.toPrecision(4)}`, vp.width - 90, y + 6);
}

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
    const label = `${box.collapsed ? '▸' : '▾'} ${t.processName} › ${t.name}  (pid ${t.pid}${t.kind === 'thread' ? `, tid ${t.tid}` : ''}) · ${t.sliceCount.toLocaleString()} slices`;
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
