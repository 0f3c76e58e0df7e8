/**
 * A counter track: each series (one arg key of the counter's C events) as a step chart on one
 * shared scale from min(0, lowest) to the highest value, with a legend. Samples sharing a pixel
 * column collapse to one vertical min-max stroke, so a dense counter stays cheap to draw.
 */
import { lowerBound } from '../model/bounds.js';
import type { CounterSeries, TraceModel } from '../model/trace-model.js';
import { COUNTER_H } from './track-layout.js';
import type { Viewport } from './viewport.js';

export const SERIES_COLORS = ['#2980b9', '#27ae60', '#c0392b', '#8e44ad', '#d35400', '#16a085'];

export function counterSeries(m: TraceModel, track: number): CounterSeries[] {
  return m.tracks[track]!.series.map((i) => m.counters[i]!);
}

export function drawCounterTrack(ctx: CanvasRenderingContext2D, m: TraceModel, track: number, vp: Viewport, y: number): void {
  const series = counterSeries(m, track);
  if (series.length === 0) return;
  const h = COUNTER_H - 6;
  const lo = Math.min(0, ...series.map((s) => s.min));
  const hi = Math.max(...series.map((s) => s.max));
  const range = hi - lo || 1;
  const yOf = (v: number): number => y + 2 + h - ((v - lo) / range) * h;
  series.forEach((s, si) => {
    const color = SERIES_COLORS[si % SERIES_COLORS.length]!;
    ctx.strokeStyle = color;
    ctx.beginPath();
    stepPath(ctx, s, vp, yOf);
    if (series.length === 1) {
      ctx.lineTo(vp.width, yOf(lo));
      ctx.lineTo(Math.max(0, vp.xOf(s.ts[0]!)), yOf(lo));
      ctx.fillStyle = 'rgba(41, 128, 185, 0.25)';
      ctx.fill();
    }
    ctx.stroke();
  });
  ctx.font = '11px system-ui, sans-serif';
  let x = vp.width - 8;
  for (let si = series.length - 1; si >= 0; si--) {
    const label = series.length === 1 ? `max ${formatValue(hi)}` : series[si]!.name;
    x -= ctx.measureText(label).width + 14;
    ctx.fillStyle = SERIES_COLORS[si % SERIES_COLORS.length]!;
    ctx.fillRect(x, y + 4, 8, 8);
    ctx.fillStyle = '#444';
    ctx.fillText(label, x + 11, y + 9);
  }
  if (series.length > 1) ctx.fillText(`max ${formatValue(hi)}`, 6, y + 9);
}

function stepPath(ctx: CanvasRenderingContext2D, s: CounterSeries, vp: Viewport, yOf: (v: number) => number): void {
  const n = s.ts.length;
  let k = Math.max(0, lowerBound(s.ts, 0, n, vp.t0) - 1);
  let colX = Math.max(0, Math.round(vp.xOf(s.ts[k]!)));
  let y = yOf(s.value[k]!);
  let min = y;
  let max = y;
  ctx.moveTo(colX, y);
  for (k++; k < n; k++) {
    const x = Math.min(vp.width, Math.max(0, Math.round(vp.xOf(s.ts[k]!))));
    const next = yOf(s.value[k]!);
    if (x !== colX) {
      if (max > min) {
        ctx.lineTo(colX, min);
        ctx.lineTo(colX, max);
      }
      ctx.lineTo(colX, y);
      ctx.lineTo(x, y);
      colX = x;
      min = max = y;
    }
    y = next;
    min = Math.min(min, y);
    max = Math.max(max, y);
    if (s.ts[k]! > vp.t1) break;
  }
  if (max > min) {
    ctx.lineTo(colX, min);
    ctx.lineTo(colX, max);
  }
  ctx.lineTo(colX, y);
  ctx.lineTo(vp.width, y);
}

/** Values of every series at time `t` (the last sample at or before it). */
export function counterValuesAt(m: TraceModel, track: number, t: number): { name: string; value: number | null }[] {
  return counterSeries(m, track).map((s) => {
    const k = lowerBound(s.ts, 0, s.ts.length, t + 1e-9) - 1;
    return { name: s.name, value: k >= 0 ? s.value[k]! : null };
  });
}

export function formatValue(v: number): string {
  return Math.abs(v) >= 1e6 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : String(Math.round(v * 1000) / 1000);
}
