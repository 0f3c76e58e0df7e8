/**
 * Keyboard navigation of the timeline: W/S zoom and A/D pan while held (a step per animation
 * frame, anchored at the mouse, so holding a key is smooth), arrows scroll and pan, 0 shows all.
 */
import type { Viewport } from '../render/viewport.js';

export class TimelineKeys {
  private readonly held = new Set<string>();

  /** Whether a key is held (the panel then keeps drawing frames). */
  get active(): boolean {
    return this.held.size > 0;
  }

  /** One frame's worth of movement for the held keys; `x` is the mouse (or the middle). */
  animate(vp: Viewport, x: number): void {
    if (this.held.has('w')) vp.zoom(0.9, x);
    if (this.held.has('s')) vp.zoom(1 / 0.9, x);
    if (this.held.has('a')) vp.pan(-vp.width * 0.025);
    if (this.held.has('d')) vp.pan(vp.width * 0.025);
  }

  /** Handles a key press; returns whether it was one of ours (`scroll` scrolls the tracks). */
  down(key: string, vp: Viewport, scroll: (dy: number) => void): boolean {
    const k = key.toLowerCase();
    if (k === 'w' || k === 'a' || k === 's' || k === 'd') {
      this.held.add(k);
      return true;
    }
    if (key === 'ArrowUp' || key === 'ArrowDown') {
      scroll(key === 'ArrowUp' ? -60 : 60);
      return true;
    }
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      vp.pan((key === 'ArrowLeft' ? -0.1 : 0.1) * vp.width);
      return true;
    }
    if (k === '0') {
      vp.reset();
      return true;
    }
    return false;
  }

  up(key: string): void {
    this.held.delete(key.toLowerCase());
  }

  clear(): void {
    this.held.clear();
  }
}
