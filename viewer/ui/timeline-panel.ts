/**
 * The timeline canvas: layout, one paint per animation frame, and revealing a slice or an instant.
 * Keys are in timeline-keys.ts, pointer input in timeline-pointer.ts.
 */
import type { TraceModel } from '../model/trace-model.js';
import { drawTimeline } from '../render/draw-timeline.js';
import type { Hit } from '../render/hit-test.js';
import { layoutTracks, ROW_H, RULER_H, type Layout } from '../render/track-layout.js';
import { Viewport } from '../render/viewport.js';
import { TimelineKeys } from './timeline-keys.js';
import { bindPointer } from './timeline-pointer.js';

/** What a click on the timeline selected (a slice, an instant, a time on a counter graph, or nothing). */
export type Selection = Exclude<Hit, { kind: 'header' }>;

export class TimelinePanel {
  readonly canvas = document.createElement('canvas');
  readonly vp: Viewport;
  highlight: Uint8Array | null = null;
  selected = -1;
  selectedInstant = -1;
  range: [number, number] | null = null;
  trackFilter: (track: number) => boolean = () => true;
  readonly collapsed = new Set<number>();
  onSelect: (s: Selection) => void = () => {};
  onRange: (range: [number, number]) => void = () => {};
  /** Rects drawn in the last frame, its draw time, and the number of frames drawn (for the bench and tests). */
  lastRects = 0;
  lastDrawMs = 0;
  frames = 0;
  layout: Layout = { boxes: [], byTrack: [], height: 0 };
  mouseX = -1;
  private frame = 0;
  private readonly keys = new TimelineKeys();

  readonly model: TraceModel;
  private readonly host: HTMLElement;

  constructor(model: TraceModel, host: HTMLElement) {
    this.model = model;
    this.host = host;
    this.vp = new Viewport(model.span);
    this.canvas.className = 'timeline-canvas';
    this.canvas.tabIndex = 0;
    host.append(this.canvas);
    this.relayout();
    new ResizeObserver(() => this.resize()).observe(host);
    this.resize();
    bindPointer(this);
  }

  relayout(): void {
    this.layout = layoutTracks(this.model, this.trackFilter, this.collapsed);
    this.scrollBy(0);
    this.redraw();
  }

  resize(): void {
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(100, this.host.clientWidth);
    const h = Math.max(100, this.host.clientHeight);
    this.vp.width = w;
    this.vp.height = h;
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(h * dpr);
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${h}px`;
    this.redraw();
  }

  redraw(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => this.paint());
  }

  private paint(): void {
    this.frame = 0;
    this.keys.animate(this.vp, this.mouseX >= 0 ? this.mouseX : this.vp.width / 2);
    const ctx = this.canvas.getContext('2d');
    if (ctx === null) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const t = performance.now();
    const o = { highlight: this.highlight, selected: this.selected, selectedInstant: this.selectedInstant, range: this.range };
    this.lastRects = drawTimeline(ctx, this.model, this.vp, this.layout, o);
    this.lastDrawMs = performance.now() - t;
    this.frames++;
    this.drawScrollbar(ctx);
    if (this.keys.active) this.redraw();
  }

  /** A thin vertical position bar when the tracks are taller than the canvas. */
  private drawScrollbar(ctx: CanvasRenderingContext2D): void {
    const view = this.vp.height - RULER_H;
    const content = this.layout.height;
    if (content <= view) return;
    const h = Math.max(20, (view * view) / content);
    const y = RULER_H + (this.vp.scrollY / Math.max(1, content - view)) * (view - h);
    ctx.fillStyle = 'rgba(0, 0, 0, 0.25)';
    ctx.fillRect(this.vp.width - 6, Math.min(y, this.vp.height - h), 4, h);
  }

  keyDown(key: string): boolean {
    const ours = this.keys.down(key, this.vp, (dy) => this.scrollBy(dy));
    if (ours) this.redraw();
    return ours;
  }

  keyUp(key: string): void {
    this.keys.up(key);
  }

  clearKeys(): void {
    this.keys.clear();
  }

  scrollBy(dy: number): void {
    const max = Math.max(0, this.layout.height - (this.vp.height - RULER_H) + 40);
    // Whole pixels, so rows stay on the pixel grid (see draw-timeline.ts).
    this.vp.scrollY = Math.round(Math.min(max, Math.max(0, this.vp.scrollY + dy)));
    this.redraw();
  }

  /** Selects slice `i`, scrolls its track into view and zooms out/in so it is visible. */
  reveal(i: number, zoom: boolean): void {
    this.selected = i;
    this.selectedInstant = -1;
    this.show(this.model.start[i]!, this.model.end[i]!, zoom);
    const box = this.layout.byTrack[this.model.track[i]!];
    if (box !== undefined) this.scrollTo(box.rowsY + this.model.depth[i]! * ROW_H);
    this.redraw();
  }

  /** Selects instant `k` and brings it into view. */
  revealInstant(k: number): void {
    this.selected = -1;
    this.selectedInstant = k;
    const ts = this.model.instants.ts[k]!;
    this.show(ts, ts, false);
    const box = this.layout.byTrack[this.model.instants.track[k]!];
    if (box !== undefined) this.scrollTo(box.y);
    this.redraw();
  }

  private show(s: number, e: number, zoom: boolean): void {
    const len = this.vp.t1 - this.vp.t0;
    if (zoom || e - s > len || s < this.vp.t0 || e > this.vp.t1) {
      const want = zoom ? Math.max((e - s) * 3, 1) : Math.max(len, (e - s) * 1.5);
      this.vp.show((s + e) / 2 - want / 2, (s + e) / 2 + want / 2);
    }
  }

  private scrollTo(y: number): void {
    if (y < this.vp.scrollY || y > this.vp.scrollY + this.vp.height - RULER_H - ROW_H * 2) this.scrollBy(y - this.vp.scrollY - (this.vp.height - RULER_H) / 3);
  }
}
