/** The visible time window and vertical scroll of the timeline, with zoom and pan clamped to the trace. */

/** Narrowest window: about 1 ns per 3 px on a typical canvas (float precision, viewer-design.md §5). */
const MIN_SPAN_US = 0.5;

export class Viewport {
  /** Visible window, µs relative to the trace origin. */
  t0 = 0;
  t1 = 1;
  scrollY = 0;
  /** Canvas size in CSS px. */
  width = 800;
  height = 600;

  span: number;

  constructor(span: number) {
    this.span = span;
    this.reset();
  }

  reset(): void {
    const pad = this.span * 0.01 || 1;
    this.t0 = -pad;
    this.t1 = this.span + pad;
  }

  get scale(): number {
    return this.width / (this.t1 - this.t0);
  }

  timeAt(x: number): number {
    return this.t0 + x / this.scale;
  }

  xOf(t: number): number {
    return (t - this.t0) * this.scale;
  }

  /** Zooms by `factor` (< 1 = in) keeping the time under `x` fixed. */
  zoom(factor: number, x: number): void {
    const at = this.timeAt(x);
    const limit = this.span * 1.5 + 10;
    const len = Math.min(limit, Math.max(MIN_SPAN_US, (this.t1 - this.t0) * factor));
    const ratio = x / this.width;
    this.t0 = at - len * ratio;
    this.t1 = this.t0 + len;
    this.clamp();
  }

  pan(dx: number): void {
    const dt = dx / this.scale;
    this.t0 += dt;
    this.t1 += dt;
    this.clamp();
  }

  show(t0: number, t1: number): void {
    const len = Math.max(MIN_SPAN_US, t1 - t0);
    const mid = (t0 + t1) / 2;
    this.t0 = mid - len / 2;
    this.t1 = mid + len / 2;
    this.clamp();
  }

  /** Keeps at least a tenth of the window over the trace. */
  private clamp(): void {
    const len = this.t1 - this.t0;
    this.t0 = Math.min(this.span - len * 0.1, Math.max(-len * 0.9, this.t0));
    this.t1 = this.t0 + len;
  }
}
