/**
 * The timeline canvas and its input: W/S zoom and A/D pan while held (animated per frame, anchored
 * at the mouse), wheel zoom at the cursor (Shift+wheel scrolls tracks), drag to pan, Shift+drag to
 * select a range and zoom to it, click to select, click a track header to collapse it.
 */
import { formatDuration } from '../model/format.js';
import type { TraceModel } from '../model/trace-model.js';
import { drawTimeline } from '../render/draw-timeline.js';
import { hitTest } from '../render/hit-test.js';
import { boxOf, layoutTracks, ROW_H, RULER_H, type TrackBox } from '../render/track-layout.js';
import { Viewport } from '../render/viewport.js';

export class TimelinePanel {
  readonly canvas = document.createElement('canvas');
  readonly vp: Viewport;
  highlight: Uint8Array | null = null;
  selected = -1;
  range: [number, number] | null = null;
  trackFilter: (track: number) => boolean = () => true;
  readonly collapsed = new Set<number>();
  onSelect: (index: number) => void = () => {};
  onRange: (range: [number, number]) => void = () => {};
  /** Rects drawn in the last frame and its draw time, for the bench and tests. */
  lastRects = 0;
  lastDrawMs = 0;
  private boxes: TrackBox[] = [];
  private contentHeight = 0;
  private frame = 0;
  private readonly keys = new Set<string>();
  private mouseX = -1;

  private readonly model: TraceModel;
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
    this.bindMouse();
  }

  relayout(): void {
    const { boxes, height } = layoutTracks(this.model, this.trackFilter, this.collapsed);
    this.boxes = boxes;
    this.contentHeight = height;
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
    this.animateKeys();
    const ctx = this.canvas.getContext('2d');
    if (ctx === null) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const t = performance.now();
    this.lastRects = drawTimeline(ctx, this.model, this.vp, this.boxes, { highlight: this.highlight, selected: this.selected, range: this.range });
    this.lastDrawMs = performance.now() - t;
    this.drawScrollbar(ctx);
    if (this.keys.size > 0) this.redraw();
  }

  /** A thin vertical position bar when the tracks are taller than the canvas. */
  private drawScrollbar(ctx: CanvasRenderingContext2D): void {
    const view = this.vp.height - RULER_H;
    if (this.contentHeight <= view) return;
    const h = Math.max(20, (view * view) / this.contentHeight);
    const y = RULER_H + (this.vp.scrollY / Math.max(1, this.contentHeight - view)) * (view - h);
    ctx.fillStyle = 'rgba(0, 0, 0, 0.25)';
    ctx.fillRect(this.vp.width - 6, Math.min(y, this.vp.height - h), 4, h);
  }

  /** Held W/A/S/D move a little every frame, so holding a key is smooth. */
  private animateKeys(): void {
    const x = this.mouseX >= 0 ? this.mouseX : this.vp.width / 2;
    if (this.keys.has('w')) this.vp.zoom(0.9, x);
    if (this.keys.has('s')) this.vp.zoom(1 / 0.9, x);
    if (this.keys.has('a')) this.vp.pan(-this.vp.width * 0.025);
    if (this.keys.has('d')) this.vp.pan(this.vp.width * 0.025);
  }

  keyDown(key: string): boolean {
    const k = key.toLowerCase();
    if (k === 'w' || k === 'a' || k === 's' || k === 'd') {
      this.keys.add(k);
      this.redraw();
      return true;
    }
    if (key === 'ArrowUp' || key === 'ArrowDown') {
      this.scrollBy(key === 'ArrowUp' ? -60 : 60);
      return true;
    }
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      this.vp.pan((key === 'ArrowLeft' ? -0.1 : 0.1) * this.vp.width);
      this.redraw();
      return true;
    }
    if (k === '0') {
      this.vp.reset();
      this.redraw();
      return true;
    }
    return false;
  }

  keyUp(key: string): void {
    this.keys.delete(key.toLowerCase());
  }

  clearKeys(): void {
    this.keys.clear();
  }

  scrollBy(dy: number): void {
    const max = Math.max(0, this.contentHeight - (this.vp.height - RULER_H) + 40);
    this.vp.scrollY = Math.min(max, Math.max(0, this.vp.scrollY + dy));
    this.redraw();
  }

  /** Selects slice `i`, scrolls its track into view and zooms out/in so it is visible. */
  reveal(i: number, zoom: boolean): void {
    this.selected = i;
    const box = boxOf(this.boxes, this.model.track[i]!);
    const s = this.model.start[i]!;
    const e = this.model.end[i]!;
    const len = this.vp.t1 - this.vp.t0;
    if (zoom || e - s > len || s < this.vp.t0 || e > this.vp.t1) {
      const want = zoom ? Math.max((e - s) * 3, 1) : Math.max(len, (e - s) * 1.5);
      this.vp.show((s + e) / 2 - want / 2, (s + e) / 2 + want / 2);
    }
    if (box !== undefined) {
      const y = box.rowsY + this.model.depth[i]! * ROW_H;
      if (y < this.vp.scrollY || y > this.vp.scrollY + this.vp.height - RULER_H - ROW_H * 2) this.scrollBy(y - this.vp.scrollY - (this.vp.height - RULER_H) / 3);
    }
    this.redraw();
  }

  /** Page coordinates of the middle of the visible part of slice `i`, or null when not visible. */
  pointOf(i: number): { x: number; y: number } | null {
    const box = boxOf(this.boxes, this.model.track[i]!);
    if (box === undefined || box.collapsed) return null;
    const x0 = Math.max(0, this.vp.xOf(this.model.start[i]!));
    const x1 = Math.min(this.vp.width, this.vp.xOf(this.model.end[i]!));
    const y = RULER_H - this.vp.scrollY + box.rowsY + this.model.depth[i]! * ROW_H + ROW_H / 2;
    if (x1 < x0 || y < RULER_H || y > this.vp.height) return null;
    const r = this.canvas.getBoundingClientRect();
    return { x: r.left + (x0 + x1) / 2, y: r.top + y };
  }

  private bindMouse(): void {
    const c = this.canvas;
    c.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        if (e.shiftKey) this.scrollBy(e.deltaY || e.deltaX);
        else {
          if (e.deltaY !== 0) this.vp.zoom(Math.exp(e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)), e.offsetX);
          if (e.deltaX !== 0) this.vp.pan(e.deltaX);
        }
        this.redraw();
      },
      { passive: false },
    );
    let drag: { x: number; y: number; moved: boolean; shift: boolean; t: number } | null = null;
    c.addEventListener('pointerdown', (e) => {
      c.focus();
      c.setPointerCapture(e.pointerId);
      drag = { x: e.offsetX, y: e.offsetY, moved: false, shift: e.shiftKey, t: this.vp.timeAt(e.offsetX) };
    });
    c.addEventListener('pointermove', (e) => {
      this.mouseX = e.offsetX;
      if (drag === null) {
        const hit = hitTest(this.model, this.vp, this.boxes, e.offsetX, e.offsetY);
        c.style.cursor = hit.kind === 'none' ? 'grab' : 'pointer';
        const m = this.model;
        c.title = hit.kind === 'slice' ? `${m.names[m.name[hit.index]!]}\n${formatDuration(m.dur[hit.index]!)} (self ${formatDuration(m.self[hit.index]!)})` : hit.kind === 'header' ? 'Click to collapse / expand' : '';
        return;
      }
      const dx = e.offsetX - drag.x;
      const dy = e.offsetY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      drag.moved = true;
      if (drag.shift) {
        const t = this.vp.timeAt(e.offsetX);
        this.range = [Math.min(drag.t, t), Math.max(drag.t, t)];
      } else {
        this.vp.pan(-dx);
        this.scrollBy(-dy);
        drag.x = e.offsetX;
        drag.y = e.offsetY;
      }
      this.redraw();
    });
    c.addEventListener('pointerup', (e) => {
      const d = drag;
      drag = null;
      if (d === null) return;
      if (d.moved && d.shift && this.range !== null) {
        const r = this.range;
        this.onRange(r);
        this.vp.show(r[0], r[1]);
        this.range = null;
      } else if (!d.moved) {
        const hit = hitTest(this.model, this.vp, this.boxes, e.offsetX, e.offsetY);
        if (hit.kind === 'header') {
          if (this.collapsed.has(hit.track)) this.collapsed.delete(hit.track);
          else this.collapsed.add(hit.track);
          this.relayout();
        } else {
          this.selected = hit.kind === 'slice' ? hit.index : -1;
          this.onSelect(this.selected);
        }
      }
      this.redraw();
    });
    c.addEventListener('pointerleave', () => {
      this.mouseX = -1;
    });
  }
}
