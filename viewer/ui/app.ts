/**
 * The loaded viewer: toolbar (views, search, track filter, Perfetto, help), warning banner,
 * timeline + details, flamegraph, stats and objects views, and the keyboard shortcuts tying them together.
 */
import type { StatsRow } from '../model/stats-rows.js';
import type { TraceModel } from '../model/trace-model.js';
import { FlamegraphView } from '../render/flamegraph-view.js';
import { DetailsPanel } from './details-panel.js';
import { h } from './dom.js';
import { helpOverlay } from './help-overlay.js';
import { ObjectsPanel } from './objects-panel.js';
import { perfettoButton } from './perfetto-link.js';
import { SearchBar } from './search-bar.js';
import { StatsTable } from './stats-table.js';
import { TimelinePanel } from './timeline-panel.js';
import { warningsBanner } from './warnings-banner.js';

export type ViewName = 'timeline' | 'flamegraph' | 'stats' | 'objects';

const VIEWS = ['timeline', 'flamegraph', 'stats', 'objects'] as const;

export class App {
  readonly timeline: TimelinePanel;
  readonly details: DetailsPanel;
  readonly search: SearchBar;
  readonly stats: StatsTable;
  readonly flame: FlamegraphView;
  readonly objects: ObjectsPanel;
  view: ViewName = 'timeline';
  private readonly tabs = new Map<ViewName, HTMLButtonElement>();
  private readonly panes = new Map<ViewName, HTMLElement>();
  private readonly help = helpOverlay();
  private readonly trackFilter = h('input', { type: 'search', id: 'track-filter', placeholder: 'Filter tracks', spellcheck: 'false' });

  readonly model: TraceModel;

  constructor(model: TraceModel, root: HTMLElement, fileName: string, source: () => Promise<Blob>) {
    this.model = model;
    const timelineHost = h('div', { class: 'timeline-host' });
    this.details = new DetailsPanel(model);
    const timelinePane = h('div', { class: 'pane timeline-pane' }, timelineHost, this.details.el);
    this.search = new SearchBar(model);
    this.stats = new StatsTable(model);
    this.flame = new FlamegraphView(model);
    this.objects = new ObjectsPanel(model);
    const toolbar = h('header', { class: 'toolbar' }, h('span', { class: 'title', title: fileName }, fileName));
    for (const v of VIEWS) {
      const b = h('button', { class: 'tab', 'data-view': v }, v[0]!.toUpperCase() + v.slice(1));
      b.onclick = () => this.setView(v);
      this.tabs.set(v, b);
      toolbar.append(b);
    }
    const helpBtn = h('button', { class: 'icon', title: 'Keyboard help (?)' }, '?');
    helpBtn.onclick = () => this.toggleHelp();
    toolbar.append(this.search.el, this.trackFilter, h('span', { class: 'spacer' }), perfettoButton(source, fileName, model), helpBtn);
    this.panes.set('timeline', timelinePane);
    this.panes.set('flamegraph', h('div', { class: 'pane' }, this.flame.el));
    this.panes.set('stats', h('div', { class: 'pane' }, this.stats.el));
    this.panes.set('objects', h('div', { class: 'pane' }, this.objects.el));
    root.replaceChildren(toolbar, warningsBanner(model.warnings), ...this.panes.values(), this.help);
    this.timeline = new TimelinePanel(model, timelineHost);
    this.wire();
    this.setView('timeline');
  }

  private wire(): void {
    const tl = this.timeline;
    tl.onSelect = (s) => {
      if (s.kind === 'slice') this.details.show(s.index);
      else if (s.kind === 'instant') this.details.showInstant(s.index);
      else if (s.kind === 'counter') this.details.showCounter(s.track, s.t);
      else this.details.showNothing();
    };
    this.details.onGoto = (i) => {
      tl.reveal(i, false);
      this.details.show(i);
    };
    tl.onRange = (r) => this.details.showRange(r);
    this.search.onChange = () => {
      tl.highlight = this.search.names;
      tl.redraw();
    };
    this.search.onGoto = (i) => {
      this.setView('timeline');
      tl.reveal(i, false);
      this.details.show(i);
    };
    this.stats.onPick = (row: StatsRow) => this.highlightName(row.nameId);
    this.flame.onPickName = () => {};
    this.trackFilter.addEventListener('input', () => {
      const q = this.trackFilter.value.toLowerCase();
      tl.trackFilter = q === '' ? () => true : (t) => `${this.model.tracks[t]!.processName} ${this.model.tracks[t]!.name}`.toLowerCase().includes(q);
      tl.relayout();
    });
    window.addEventListener('keydown', (e) => this.onKey(e));
    window.addEventListener('keyup', (e) => tl.keyUp(e.key));
    window.addEventListener('blur', () => tl.clearKeys());
  }

  /** Highlights every slice of one function (from the stats table) and jumps to its longest call. */
  highlightName(nameId: number): number {
    const name = this.model.names[nameId]!;
    const count = this.search.run(`/^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$/`);
    let best = -1;
    for (const i of this.search.matches) if (best < 0 || this.model.dur[i]! > this.model.dur[best]!) best = i;
    this.setView('timeline');
    if (best >= 0) {
      this.timeline.reveal(best, false);
      this.details.show(best);
    }
    return count;
  }

  setView(v: ViewName): void {
    this.view = v;
    for (const [name, pane] of this.panes) pane.hidden = name !== v;
    for (const [name, tab] of this.tabs) tab.classList.toggle('active', name === v);
    if (v === 'timeline') this.timeline.resize();
    if (v === 'flamegraph') this.flame.draw();
    if (v === 'stats') this.stats.render();
    if (v === 'objects') this.objects.render();
  }

  toggleHelp(force?: boolean): void {
    this.help.hidden = force === undefined ? !this.help.hidden : !force;
  }

  private onKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement | null;
    const typing = target !== null && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
    if (typing || e.altKey || e.metaKey) {
      return;
    }
    if (e.ctrlKey) {
      if (e.key === 'f') {
        e.preventDefault();
        this.search.input.focus();
      }
      return;
    }
    if (e.key === '?') return this.toggleHelp();
    if (e.key === 'Escape') {
      if (!this.help.hidden) return this.toggleHelp(false);
      if (this.view === 'flamegraph') return this.flame.zoomOut();
      this.timeline.selected = -1;
      this.timeline.selectedInstant = -1;
      this.details.showNothing();
      this.timeline.redraw();
      return;
    }
    if (e.key === '/') {
      e.preventDefault();
      this.search.input.focus();
      return;
    }
    if (e.key === 'Enter' && this.search.matches.length > 0) {
      e.preventDefault();
      return this.search.step(e.shiftKey ? -1 : 1);
    }
    const view = VIEWS[Number(e.key) - 1];
    if (view !== undefined && /^[1-4]$/.test(e.key)) return this.setView(view);
    if (this.view !== 'timeline') return;
    if ((e.key === 'f' || e.key === 'F') && this.timeline.selected >= 0) return this.timeline.reveal(this.timeline.selected, true);
    if (this.timeline.keyDown(e.key)) e.preventDefault();
  }
}
