/**
 * Details of what was clicked. A slice: name, file:line, track, start, duration, self time, depth,
 * its args, the flows leaving and entering it (click one to go to the other end), and the function's
 * source scrolled to its line. An instant: name, scope, time, args. A counter: every series' value
 * at the clicked time.
 */
import { formatDuration } from '../model/format.js';
import { selfTime } from '../model/self-time.js';
import { sourceLocation, sourceText } from '../model/source-location.js';
import type { TraceModel } from '../model/trace-model.js';
import { counterValuesAt, formatValue } from '../render/draw-counters.js';
import { argsView } from './args-view.js';
import { h } from './dom.js';
import { sourceView } from './source-view.js';

const SCOPES: Record<number, string> = { 0x74: 'thread', 0x70: 'process', 0x67: 'global' };

export class DetailsPanel {
  readonly el = h('section', { class: 'details', id: 'details' });
  /** Called when a flow link is clicked, with the slice at its other end. */
  onGoto: (slice: number) => void = () => {};

  private readonly model: TraceModel;

  constructor(model: TraceModel) {
    this.model = model;
    this.showNothing();
  }

  showNothing(): void {
    this.el.replaceChildren(h('p', { class: 'hint' }, 'Click a slice, an instant marker or a counter to see its details. Press ? for keys.'));
  }

  showRange(r: [number, number]): void {
    this.el.replaceChildren(h('h3', {}, 'Selected range'), h('p', {}, `${formatDuration(r[0])} – ${formatDuration(r[1])} (${formatDuration(r[1] - r[0])}), zoomed to it.`));
  }

  private kv(rows: [string, string][]): HTMLElement {
    return h('table', { class: 'kv' }, ...rows.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', { 'data-key': k }, v))));
  }

  private trackName(t: number): string {
    const track = this.model.tracks[t]!;
    return `${track.processName} › ${track.name}`;
  }

  show(i: number): void {
    const m = this.model;
    if (i < 0 || i >= m.start.length) return this.showNothing();
    const name = m.names[m.name[i]!]!;
    const loc = sourceLocation(m, name);
    const table = this.kv([
      ['Location', loc === null ? '—' : `${loc.file}:${loc.line}`],
      ['Track', this.trackName(m.track[i]!)],
      ['Start', formatDuration(m.start[i]!)],
      ['Duration', formatDuration(m.dur[i]!)],
      ['Self time', formatDuration(selfTime(m, i))],
      ['Depth', String(m.depth[i])],
    ]);
    const parts: HTMLElement[] = [h('h3', { class: 'slice-name', title: name }, name), table, ...argsView(m.args, m.argsRef[i]!), ...this.flowsOf(i)];
    if (loc !== null) {
      const text = sourceText(m, loc.file);
      parts.push(h('h4', {}, `Source: ${loc.file}:${loc.line}`));
      parts.push(text === null ? h('p', { class: 'hint' }, 'The trace does not include this file’s source.') : sourceView(text, loc.line));
    }
    this.el.replaceChildren(...parts);
  }

  /** Links to the other end of every flow leaving or entering slice `i`. */
  private flowsOf(i: number): HTMLElement[] {
    const m = this.model;
    const f = m.flows;
    const links: HTMLElement[] = [];
    for (let k = 0; k < f.fromSlice.length && links.length < 50; k++) {
      const out = f.fromSlice[k] === i;
      if (!out && f.toSlice[k] !== i) continue;
      const other = out ? f.toSlice[k]! : f.fromSlice[k]!;
      const label = other >= 0 ? m.names[m.name[other]!]! : `(no slice on ${this.trackName(out ? f.toTrack[k]! : f.fromTrack[k]!)})`;
      const a = h('a', { href: '#', class: 'flow-link', 'data-dir': out ? 'out' : 'in' }, `${out ? '→ to' : '← from'} ${label}`);
      a.onclick = (e) => {
        e.preventDefault();
        if (other >= 0) this.onGoto(other);
      };
      links.push(h('li', {}, a, ` (${m.names[f.name[k]!] ?? 'flow'}, ${formatDuration(out ? f.toTs[k]! : f.fromTs[k]!)})`));
    }
    return links.length === 0 ? [] : [h('h4', {}, 'Flows'), h('ul', { class: 'flows' }, ...links)];
  }

  showInstant(k: number): void {
    const m = this.model;
    const inst = m.instants;
    const name = m.names[inst.name[k]!]!;
    const table = this.kv([
      ['Kind', `instant (${SCOPES[inst.scope[k]!] ?? 'thread'} scope)`],
      ['Track', this.trackName(inst.track[k]!)],
      ['Time', formatDuration(inst.ts[k]!)],
    ]);
    this.el.replaceChildren(h('h3', { class: 'slice-name', title: name }, name), table, ...argsView(m.args, inst.argsRef[k]!));
  }

  showCounter(track: number, t: number): void {
    const values = counterValuesAt(this.model, track, t);
    const rows: [string, string][] = [['Track', this.trackName(track)], ['Time', formatDuration(t)]];
    for (const v of values) rows.push([v.name, v.value === null ? '—' : formatValue(v.value)]);
    this.el.replaceChildren(h('h3', { class: 'slice-name' }, this.model.tracks[track]!.name), this.kv(rows));
  }
}
