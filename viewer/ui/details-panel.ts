/**
 * Details of the selected slice: name, file:line, start, duration, self time, depth, args (with
 * args.unfinished called out), and the function's source scrolled to its line.
 */
import { formatDuration } from '../model/format.js';
import { sourceLocation, sourceText } from '../model/source-location.js';
import type { TraceModel } from '../model/trace-model.js';
import { h } from './dom.js';
import { sourceView } from './source-view.js';

export class DetailsPanel {
  readonly el = h('section', { class: 'details', id: 'details' });

  private readonly model: TraceModel;

  constructor(model: TraceModel) {
    this.model = model;
    this.showNothing();
  }

  showNothing(): void {
    this.el.replaceChildren(h('p', { class: 'hint' }, 'Click a slice to see its details and source. Press ? for keys.'));
  }

  showRange(r: [number, number]): void {
    this.el.replaceChildren(h('h3', {}, 'Selected range'), h('p', {}, `${formatDuration(r[0])} – ${formatDuration(r[1])} (${formatDuration(r[1] - r[0])}), zoomed to it.`));
  }

  show(i: number): void {
    const m = this.model;
    if (i < 0 || i >= m.start.length) return this.showNothing();
    const name = m.names[m.name[i]!]!;
    const loc = sourceLocation(m, name);
    const track = m.tracks[m.track[i]!]!;
    const rows: [string, string][] = [
      ['Location', loc === null ? '—' : `${loc.file}:${loc.line}`],
      ['Track', `${track.processName} › ${track.name}`],
      ['Start', formatDuration(m.start[i]!)],
      ['Duration', formatDuration(m.dur[i]!)],
      ['Self time', formatDuration(m.self[i]!)],
      ['Depth', String(m.depth[i])],
    ];
    const table = h('table', { class: 'kv' }, ...rows.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', { 'data-key': k }, v))));
    const parts: (Node | null)[] = [h('h3', { class: 'slice-name', title: name }, name), table];
    const ref = m.argsRef[i]!;
    if (ref >= 0) {
      const raw = m.args[ref]!;
      let pretty = raw;
      let unfinished = false;
      try {
        const v = JSON.parse(raw) as Record<string, unknown>;
        unfinished = v['unfinished'] === true;
        pretty = JSON.stringify(v, null, 2);
      } catch {
        // keep the raw text
      }
      if (unfinished) parts.push(h('p', { class: 'badge' }, 'Unfinished: this call was still running when the trace was saved.'));
      parts.push(h('h4', {}, 'Args'), h('pre', { class: 'args' }, pretty));
    }
    if (loc !== null) {
      const text = sourceText(m, loc.file);
      parts.push(h('h4', {}, `Source: ${loc.file}:${loc.line}`));
      parts.push(text === null ? h('p', { class: 'hint' }, 'The trace does not include this file’s source.') : sourceView(text, loc.line));
    }
    this.el.replaceChildren(...parts.filter((p): p is Node => p !== null));
  }
}
