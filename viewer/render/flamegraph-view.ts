/**
 * Flamegraph (icicle, callers on top) of the call tree aggregated by stack, for all threads merged
 * or one thread. Click a frame to zoom into it, click an ancestor row (or press Escape) to zoom out.
 * Frames narrower than half a pixel are not drawn (their total still shows in the parent's width).
 * The trees are built the first time the view is shown (call-trees.ts), not with the model.
 */
import { formatDuration } from '../model/format.js';
import { buildCallTrees, type CallTrees } from '../model/call-trees.js';
import type { CallTree, TraceModel } from '../model/trace-model.js';
import { colorOf, PALETTE } from './colors.js';

const ROW = 18;

export class FlamegraphView {
  readonly el = document.createElement('div');
  readonly canvas = document.createElement('canvas');
  readonly status = document.createElement('div');
  readonly select = document.createElement('select');
  private trees: CallTrees | null = null;
  private building = false;
  /** -1 = all threads merged, else a track index. */
  private thread = -1;
  private tree: CallTree | null = null;
  private focus = 0;
  private rects: number[] = [];
  onPickName: (nameId: number) => void = () => {};

  private readonly model: TraceModel;

  constructor(model: TraceModel) {
    this.model = model;
    this.el.className = 'flamegraph';
    this.status.className = 'fg-status';
    this.status.id = 'flamegraph-status';
    const scroller = document.createElement('div');
    scroller.className = 'fg-scroll';
    scroller.append(this.canvas);
    this.select.append(new Option('All threads (merged)', 'all'));
    model.tracks.forEach((t, i) => {
      if (t.sliceCount > 0) this.select.append(new Option(`${t.processName} › ${t.name}`, String(i)));
    });
    this.select.onchange = () => this.setThread(this.select.value === 'all' ? -1 : Number(this.select.value));
    const bar = document.createElement('div');
    bar.className = 'fg-bar';
    bar.append('Stacks of: ', this.select, this.status);
    this.el.append(bar, scroller);
    this.canvas.addEventListener('click', (e) => this.click(e.offsetX, e.offsetY));
    this.canvas.addEventListener('mousemove', (e) => this.hover(e.offsetX, e.offsetY));
    new ResizeObserver(() => this.draw()).observe(scroller);
  }

  /** -1 = all threads merged, else a track index. */
  setThread(track: number): void {
    this.select.value = track < 0 ? 'all' : String(track);
    this.thread = track;
    this.focus = 0;
    if (this.trees !== null) this.pickTree();
    this.draw();
  }

  private pickTree(): void {
    const trees = this.trees!;
    this.tree = this.thread < 0 ? trees.all : trees.byThread;
    this.focus = 0;
    if (this.thread < 0) return;
    const want = this.model.names.length + this.thread;
    for (let c = this.tree.firstChild[0]!; c >= 0; c = this.tree.nextSibling[c]!) if (this.tree.name[c] === want) this.focus = c;
  }

  /** Builds the trees after this frame (the status says so meanwhile), then draws. */
  private build(): void {
    if (this.building) return;
    this.building = true;
    this.status.textContent = `Building the call tree of ${this.model.start.length.toLocaleString()} slices…`;
    setTimeout(() => {
      this.trees = buildCallTrees(this.model);
      this.pickTree();
      this.draw();
    }, 0);
  }

  label(node: number): string {
    const nm = this.tree!.name[node]!;
    if (nm < 0) return 'all threads';
    if (nm >= this.model.names.length) {
      const t = this.model.tracks[nm - this.model.names.length]!;
      return `${t.processName} › ${t.name}`;
    }
    return this.model.names[nm]!;
  }

  /** Total µs of the focused node (the whole graph's width). */
  focusTotal(): number {
    return this.tree === null ? 0 : this.tree.total[this.focus]!;
  }

  private ancestors(tree: CallTree): number[] {
    const out: number[] = [];
    for (let p = tree.parent[this.focus]!; p >= 0; p = tree.parent[p]!) out.unshift(p);
    return out;
  }

  draw(): void {
    const host = this.canvas.parentElement;
    if (host === null || host.clientWidth === 0) return;
    const W = host.clientWidth;
    const tree = this.tree;
    if (tree === null) return this.build();
    const anc = this.ancestors(tree);
    const scale = W / (tree.total[this.focus]! || 1);
    // Depth first, to size the canvas.
    const stack: number[] = [this.focus, anc.length];
    const items: number[] = [];
    let maxDepth = anc.length;
    const xs = new Map<number, number>([[this.focus, 0]]);
    while (stack.length > 0) {
      const d = stack.pop()!;
      const node = stack.pop()!;
      const x = xs.get(node)!;
      const w = tree.total[node]! * scale;
      if (w < 0.5) continue;
      items.push(node, x, d, w);
      maxDepth = Math.max(maxDepth, d);
      let cx = x;
      for (let c = tree.firstChild[node]!; c >= 0; c = tree.nextSibling[c]!) {
        xs.set(c, cx);
        cx += tree.total[c]! * scale;
        stack.push(c, d + 1);
      }
    }
    const H = Math.max(host.clientHeight, (maxDepth + 2) * ROW);
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(W * dpr);
    this.canvas.height = Math.round(H * dpr);
    this.canvas.style.width = `${W}px`;
    this.canvas.style.height = `${H}px`;
    const ctx = this.canvas.getContext('2d');
    if (ctx === null) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, W, H);
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    this.rects = [];
    anc.forEach((a, d) => {
      ctx.fillStyle = '#e4e6ea';
      ctx.fillRect(0, d * ROW, W - 0.5, ROW - 1);
      ctx.fillStyle = '#444';
      ctx.fillText(`↑ ${this.label(a)}`, 4, d * ROW + ROW / 2);
      this.rects.push(0, d * ROW, W, a);
    });
    for (let k = 0; k < items.length; k += 4) {
      const node = items[k]!;
      const x = items[k + 1]!;
      const y = items[k + 2]! * ROW;
      const w = items[k + 3]!;
      const nm = tree.name[node]!;
      ctx.fillStyle = nm >= 0 && nm < this.model.names.length ? PALETTE[colorOf(nm)]! : '#cfd3da';
      ctx.fillRect(x, y, Math.max(0.5, w - 0.5), ROW - 1);
      this.rects.push(x, y, w, node);
      if (w > 30) {
        ctx.fillStyle = '#1d1f23';
        const text = this.label(node);
        const max = Math.floor((w - 6) / 6);
        ctx.fillText(text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text, x + 3, y + ROW / 2);
      }
    }
    this.status.textContent = `${this.label(this.focus)}: ${formatDuration(tree.total[this.focus]!)}. Click a frame to zoom in, an ↑ row or Esc to zoom out.`;
  }

  private nodeAt(x: number, y: number): number {
    for (let k = this.rects.length - 4; k >= 0; k -= 4) {
      const rx = this.rects[k]!;
      const ry = this.rects[k + 1]!;
      if (x >= rx && x < rx + this.rects[k + 2]! && y >= ry && y < ry + ROW) return this.rects[k + 3]!;
    }
    return -1;
  }

  private click(x: number, y: number): void {
    const node = this.nodeAt(x, y);
    if (node < 0 || this.tree === null) return;
    this.focus = node;
    this.draw();
    const nm = this.tree.name[node]!;
    if (nm >= 0 && nm < this.model.names.length) this.onPickName(nm);
  }

  zoomOut(): void {
    if (this.tree === null) return;
    const p = this.tree.parent[this.focus]!;
    if (p >= 0) {
      this.focus = p;
      this.draw();
    }
  }

  private hover(x: number, y: number): void {
    const node = this.nodeAt(x, y);
    const t = this.tree;
    if (node < 0 || t === null) return;
    const pct = ((t.total[node]! / (t.total[this.focus]! || 1)) * 100).toFixed(1);
    this.canvas.title = `${this.label(node)}\ntotal ${formatDuration(t.total[node]!)} (${pct}%), self ${formatDuration(t.self[node]!)}, ${t.count[node]!.toLocaleString()} calls`;
  }
}
