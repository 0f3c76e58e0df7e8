/**
 * Draws one frame of the timeline on a Canvas 2D: ruler, track headers, slices (colour-batched
 * rects, sub-pixel runs merged), labels, instant markers, counter graphs and flow arrows. Only rows inside the
 * canvas are visited (virtual track scrolling).
 */
import type { TraceModel } from '../model/trace-model.js';
import { colorOf, DENSE, DENSE_COLOR, DIM, DIM_COLOR, PALETTE } from './colors.js';
import { drawCounterTrack } from './draw-counters.js';
import { drawFlows } from './draw-flows.js';
import { drawInstants } from './draw-instants.js';
import { drawHeaders, drawRuler } from './draw-overlays.js';
import { denseIndex, visitRuns } from './level-query.js';
import { ROW_H, RULER_H, type Layout, type TrackBox } from './track-layout.js';
import type { Viewport } from './viewport.js';

export interface DrawOptions {
  /** Per name id: 1 = emphasised; null = everything normal. */
  highlight: Uint8Array | null;
  selected: number;
  /** Selected instant, -1 for none. */
  selectedInstant: number;
  /** Box selection in µs, or null. */
  range: [number, number] | null;
}

const buckets: number[][] = Array.from({ length: PALETTE.length + 2 }, () => []);
/** denseIndex per model, built on the first frame. */
const denseOf = new WeakMap<TraceModel, Float64Array>();
let charWidth = 0;

export function drawTimeline(ctx: CanvasRenderingContext2D, m: TraceModel, vp: Viewport, layout: Layout, o: DrawOptions): number {
  const boxes = layout.boxes;
  let dense = denseOf.get(m);
  if (dense === undefined) denseOf.set(m, (dense = denseIndex(m.start, m.end)));
  const { width, height } = vp;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.font = '11px system-ui, sans-serif';
  if (charWidth === 0) charWidth = ctx.measureText('dbpqaouk').width / 8;
  const scale = vp.scale;
  const t0 = vp.t0;
  const t1 = vp.t1;
  for (const b of buckets) b.length = 0;
  const labels: number[] = [];
  let rects = 0;
  const top = RULER_H - vp.scrollY;
  const first = Math.max(0, lowerBoundBox(boxes, vp.scrollY) - 1);
  for (let bi = first; bi < boxes.length; bi++) {
    const box = boxes[bi]!;
    const y = top + box.y;
    if (y > height) break;
    const t = m.tracks[box.track]!;
    if (box.collapsed) continue;
    if (t.kind === 'counter') {
      drawCounterTrack(ctx, m, box.track, vp, top + box.rowsY);
      continue;
    }
    for (let d = 0; d < t.levelCount; d++) {
      const ry = top + box.rowsY + d * ROW_H;
      if (ry + ROW_H < RULER_H || ry > height) continue;
      const L = t.levelBase + d;
      // Runs of sub-pixel slices get one neutral colour, and touching runs are joined into one
      // rect: a dense region costs one rect instead of one per pixel, and does not look like one call.
      let runBucket: number[] | null = null;
      let runAt = -1;
      visitRuns(m.start, m.end, m.levelOffsets[L]!, m.levelOffsets[L + 1]!, t0, t1, scale, (i, j, x0, x1) => {
        // Whole pixels: without a GPU, Chromium rasterizes anti-aliased (fractional) rects about
        // 4x slower than aligned ones (10k rects: 43 ms vs 6 ms measured), which decides 60 fps.
        const left = Math.round(Math.max(x0, -2));
        const right = Math.max(left + 1, Math.round(Math.min(x1, width + 2)));
        const nm = m.name[i]!;
        const lit = o.highlight === null || o.highlight[nm] === 1 || (i !== j && anyLit(m, o.highlight, i, j));
        const bucket = buckets[i !== j ? (lit ? DENSE : DIM) : lit ? colorOf(nm) : DIM]!;
        if (i !== j && runBucket === bucket && left <= bucket[runAt]! + bucket[runAt + 2]!) {
          bucket[runAt + 2] = right - bucket[runAt]!;
          return;
        }
        rects++;
        const w = right - left;
        if (i !== j) {
          runBucket = bucket;
          runAt = bucket.length;
        } else runBucket = null;
        // A 1 px gap between calls wide enough to spare it.
        bucket.push(left, ry, w > 3 && i === j ? w - 1 : w);
        if (i === j && w > 30) labels.push(i, left, ry, w);
      }, dense);
    }
  }
  for (let c = 0; c < buckets.length; c++) {
    const b = buckets[c]!;
    if (b.length === 0) continue;
    ctx.fillStyle = c === DIM ? DIM_COLOR : c === DENSE ? DENSE_COLOR : PALETTE[c]!;
    ctx.beginPath();
    for (let k = 0; k < b.length; k += 3) ctx.rect(b[k]!, b[k + 1]!, b[k + 2]!, ROW_H - 1);
    ctx.fill();
  }
  ctx.fillStyle = '#1d1f23';
  ctx.textBaseline = 'middle';
  for (let k = 0; k < labels.length; k += 4) {
    const i = labels[k]!;
    const maxChars = Math.floor((labels[k + 3]! - 6) / charWidth);
    if (maxChars < 2) continue;
    const name = m.names[m.name[i]!]!;
    ctx.fillText(name.length > maxChars ? `${name.slice(0, maxChars - 1)}…` : name, labels[k + 1]! + 3, labels[k + 2]! + ROW_H / 2);
  }
  drawSelected(ctx, m, vp, layout.byTrack, o.selected, top);
  drawInstants(ctx, m, vp, boxes, first, top, o.selectedInstant);
  drawFlows(ctx, m, vp, layout.byTrack, top, o.selected);
  drawHeaders(ctx, m, vp, boxes, first, top);
  if (o.range !== null) {
    const x0 = vp.xOf(o.range[0]);
    const x1 = vp.xOf(o.range[1]);
    ctx.fillStyle = 'rgba(40, 110, 220, 0.12)';
    ctx.fillRect(x0, RULER_H, x1 - x0, height);
    ctx.strokeStyle = 'rgba(40, 110, 220, 0.8)';
    ctx.strokeRect(x0 + 0.5, RULER_H, x1 - x0, height);
  }
  drawRuler(ctx, vp);
  return rects;
}

function anyLit(m: TraceModel, h: Uint8Array, i: number, j: number): boolean {
  for (let k = i; k <= j && k < i + 64; k++) if (h[m.name[k]!] === 1) return true;
  return false;
}

function lowerBoundBox(boxes: TrackBox[], y: number): number {
  let lo = 0;
  let hi = boxes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (boxes[mid]!.y < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function drawSelected(ctx: CanvasRenderingContext2D, m: TraceModel, vp: Viewport, byTrack: (TrackBox | undefined)[], i: number, top: number): void {
  if (i < 0) return;
  const box = byTrack[m.track[i]!];
  if (box === undefined || box.collapsed) return;
  const x0 = vp.xOf(m.start[i]!);
  const w = Math.max(2, vp.xOf(m.end[i]!) - x0);
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#111';
  ctx.strokeRect(x0, top + box.rowsY + m.depth[i]! * ROW_H, w, ROW_H - 1);
  ctx.lineWidth = 1;
}
