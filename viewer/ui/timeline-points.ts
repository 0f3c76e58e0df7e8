/** Where things are drawn on the timeline, in page coordinates: for the test hook to click them. */
import { ROW_H, RULER_H } from '../render/track-layout.js';
import type { TimelinePanel } from './timeline-panel.js';

type Point = { x: number; y: number } | null;

/** Page coordinates of content point (x on the canvas, y in content coordinates), or null when off screen. */
function toPage(p: TimelinePanel, x: number, contentY: number): Point {
  const y = RULER_H - p.vp.scrollY + contentY;
  if (x < 0 || x > p.vp.width || y < RULER_H || y > p.vp.height) return null;
  const r = p.canvas.getBoundingClientRect();
  return { x: r.left + x, y: r.top + y };
}

/** Page coordinates of the middle of the visible part of slice `i`, or null when not visible. */
export function pointOf(p: TimelinePanel, i: number): Point {
  const box = p.layout.byTrack[p.model.track[i]!];
  if (box === undefined || box.collapsed) return null;
  const x0 = Math.max(0, p.vp.xOf(p.model.start[i]!));
  const x1 = Math.min(p.vp.width, p.vp.xOf(p.model.end[i]!));
  if (x1 < x0) return null;
  return toPage(p, (x0 + x1) / 2, box.rowsY + p.model.depth[i]! * ROW_H + ROW_H / 2);
}

/** Page coordinates of instant `k`'s marker, or null when not visible. */
export function pointOfInstant(p: TimelinePanel, k: number): Point {
  const box = p.layout.byTrack[p.model.instants.track[k]!];
  if (box === undefined || box.instantsY < 0) return null;
  return toPage(p, p.vp.xOf(p.model.instants.ts[k]!), box.instantsY + 5);
}

/** Page coordinates of time `t` in the first row (or graph) of `track`, or null when not visible. */
export function pointOfTime(p: TimelinePanel, track: number, t: number): Point {
  const box = p.layout.byTrack[track];
  if (box === undefined || box.collapsed) return null;
  return toPage(p, p.vp.xOf(t), box.rowsY + ROW_H / 2);
}
