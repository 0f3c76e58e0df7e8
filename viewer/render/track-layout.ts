/**
 * Vertical layout of the timeline: a header band per track, then a marker row when the track has
 * instants, then one row per nesting level (or the graph of a counter track).
 */
import type { TraceModel } from '../model/trace-model.js';

export const RULER_H = 24;
export const HEADER_H = 20;
export const ROW_H = 18;
export const COUNTER_H = 44;
export const INSTANT_H = 14;

export interface TrackBox {
  track: number;
  /** Top of the header band, in content coordinates (before scrolling, below the ruler). */
  y: number;
  /** Top of the instant marker row; -1 when the track has no instants. */
  instantsY: number;
  /** Top of level 0 (or of the counter graph). */
  rowsY: number;
  height: number;
  collapsed: boolean;
}

export interface Layout {
  boxes: TrackBox[];
  /** Per track index: its box, or undefined when filtered out. */
  byTrack: (TrackBox | undefined)[];
  height: number;
}

export function layoutTracks(model: TraceModel, visible: (track: number) => boolean, collapsed: Set<number>): Layout {
  const boxes: TrackBox[] = [];
  const byTrack: (TrackBox | undefined)[] = new Array(model.tracks.length).fill(undefined);
  let y = 0;
  model.tracks.forEach((t, i) => {
    if (!visible(i)) return;
    const isCollapsed = collapsed.has(i);
    const marks = !isCollapsed && t.instantCount > 0 ? INSTANT_H : 0;
    const rows = t.kind === 'counter' ? COUNTER_H : t.levelCount > 0 || marks === 0 ? Math.max(1, t.levelCount) * ROW_H + 4 : 2;
    const body = isCollapsed ? 0 : marks + rows;
    const box = { track: i, y, instantsY: marks > 0 ? y + HEADER_H : -1, rowsY: y + HEADER_H + marks, height: HEADER_H + body, collapsed: isCollapsed };
    boxes.push(box);
    byTrack[i] = box;
    y += HEADER_H + body;
  });
  return { boxes, byTrack, height: y };
}
