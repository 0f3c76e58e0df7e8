/** Vertical layout of the timeline: a header band per track, then one row per nesting level. */
import type { TraceModel } from '../model/trace-model.js';

export const RULER_H = 24;
export const HEADER_H = 20;
export const ROW_H = 18;
export const COUNTER_H = 40;

export interface TrackBox {
  track: number;
  /** Top of the header band, in content coordinates (before scrolling, below the ruler). */
  y: number;
  /** Top of level 0. */
  rowsY: number;
  height: number;
  collapsed: boolean;
}

export function layoutTracks(model: TraceModel, visible: (track: number) => boolean, collapsed: Set<number>): { boxes: TrackBox[]; height: number } {
  const boxes: TrackBox[] = [];
  let y = 0;
  model.tracks.forEach((t, i) => {
    if (!visible(i)) return;
    const isCollapsed = collapsed.has(i);
    const body = isCollapsed ? 0 : t.kind === 'counter' ? COUNTER_H : Math.max(1, t.levelCount) * ROW_H + 4;
    boxes.push({ track: i, y, rowsY: y + HEADER_H, height: HEADER_H + body, collapsed: isCollapsed });
    y += HEADER_H + body;
  });
  return { boxes, height: y };
}

export function boxOf(boxes: TrackBox[], track: number): TrackBox | undefined {
  return boxes.find((b) => b.track === track);
}
