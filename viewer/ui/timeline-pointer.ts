/**
 * Mouse and touch on the timeline: wheel zooms at the cursor (Shift+wheel scrolls tracks), drag
 * pans, Shift+drag selects a range and zooms to it, a click selects what is under it (a slice, an
 * instant marker, a time on a counter graph) or folds a track when on its header. Hovering shows a
 * tooltip.
 */
import { formatDuration } from '../model/format.js';
import { selfTime } from '../model/self-time.js';
import { counterValuesAt, formatValue } from '../render/draw-counters.js';
import { hitTest, type Hit } from '../render/hit-test.js';
import type { TimelinePanel } from './timeline-panel.js';

function tooltip(p: TimelinePanel, hit: Hit): string {
  const m = p.model;
  switch (hit.kind) {
    case 'slice':
      return `${m.names[m.name[hit.index]!]}\n${formatDuration(m.dur[hit.index]!)} (self ${formatDuration(selfTime(m, hit.index))})`;
    case 'instant':
      return `${m.names[m.instants.name[hit.index]!]}\ninstant at ${formatDuration(m.instants.ts[hit.index]!)}`;
    case 'counter':
      return counterValuesAt(m, hit.track, hit.t).map((v) => `${v.name}: ${v.value === null ? '—' : formatValue(v.value)}`).join('\n');
    case 'header':
      return 'Click to collapse / expand';
    default:
      return '';
  }
}

export function bindPointer(p: TimelinePanel): void {
  const c = p.canvas;
  const hitAt = (x: number, y: number): Hit => hitTest(p.model, p.vp, p.layout.boxes, x, y);
  c.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      if (e.shiftKey) p.scrollBy(e.deltaY || e.deltaX);
      else {
        if (e.deltaY !== 0) p.vp.zoom(Math.exp(e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)), e.offsetX);
        if (e.deltaX !== 0) p.vp.pan(e.deltaX);
      }
      p.redraw();
    },
    { passive: false },
  );
  let drag: { x: number; y: number; moved: boolean; shift: boolean; t: number } | null = null;
  c.addEventListener('pointerdown', (e) => {
    c.focus();
    c.setPointerCapture(e.pointerId);
    drag = { x: e.offsetX, y: e.offsetY, moved: false, shift: e.shiftKey, t: p.vp.timeAt(e.offsetX) };
  });
  c.addEventListener('pointermove', (e) => {
    p.mouseX = e.offsetX;
    if (drag === null) {
      const hit = hitAt(e.offsetX, e.offsetY);
      c.style.cursor = hit.kind === 'none' ? 'grab' : 'pointer';
      c.title = tooltip(p, hit);
      return;
    }
    const dx = e.offsetX - drag.x;
    const dy = e.offsetY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    drag.moved = true;
    if (drag.shift) {
      const t = p.vp.timeAt(e.offsetX);
      p.range = [Math.min(drag.t, t), Math.max(drag.t, t)];
    } else {
      p.vp.pan(-dx);
      p.scrollBy(-dy);
      drag.x = e.offsetX;
      drag.y = e.offsetY;
    }
    p.redraw();
  });
  c.addEventListener('pointerup', (e) => {
    const d = drag;
    drag = null;
    if (d === null) return;
    if (d.moved && d.shift && p.range !== null) {
      const r = p.range;
      p.onRange(r);
      p.vp.show(r[0], r[1]);
      p.range = null;
    } else if (!d.moved) click(p, hitAt(e.offsetX, e.offsetY));
    p.redraw();
  });
  c.addEventListener('pointerleave', () => {
    p.mouseX = -1;
  });
}

function click(p: TimelinePanel, hit: Hit): void {
  if (hit.kind === 'header') {
    if (p.collapsed.has(hit.track)) p.collapsed.delete(hit.track);
    else p.collapsed.add(hit.track);
    p.relayout();
    return;
  }
  p.selected = hit.kind === 'slice' ? hit.index : -1;
  p.selectedInstant = hit.kind === 'instant' ? hit.index : -1;
  p.onSelect(hit);
}
