/** Search box: substring or /regex/, match count, Enter / Shift+Enter (or the arrows) for next / previous. */
import { compileQuery, matchingSlices, matchNames } from '../model/search.js';
import type { TraceModel } from '../model/trace-model.js';
import { h } from './dom.js';

export class SearchBar {
  readonly input = h('input', { type: 'search', id: 'search', placeholder: 'Search name or /regex/', spellcheck: 'false' });
  readonly count = h('span', { class: 'count', id: 'search-count' });
  readonly el: HTMLElement;
  matches: Uint32Array = new Uint32Array(0);
  /** Per name id, for the timeline's highlight; null = no search. */
  names: Uint8Array | null = null;
  private at = -1;
  private lastQuery = '';
  onChange: () => void = () => {};
  onGoto: (slice: number) => void = () => {};

  private readonly model: TraceModel;

  constructor(model: TraceModel) {
    this.model = model;
    const prev = h('button', { title: 'Previous match (Shift+Enter)', class: 'icon' }, '‹');
    const next = h('button', { title: 'Next match (Enter)', class: 'icon' }, '›');
    prev.onclick = () => this.step(-1);
    next.onclick = () => this.step(1);
    this.el = h('div', { class: 'search' }, this.input, this.count, prev, next);
    let timer = 0;
    this.input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => this.run(this.input.value), 120);
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        clearTimeout(timer);
        if (this.input.value !== this.lastQuery) this.run(this.input.value);
        this.step(e.shiftKey ? -1 : 1);
      } else if (e.key === 'Escape') {
        this.input.value = '';
        this.run('');
        this.input.blur();
      }
    });
  }

  /** Runs a query; returns the number of matching slices. */
  run(query: string): number {
    this.input.value = query;
    this.lastQuery = query;
    this.at = -1;
    this.count.classList.remove('error');
    if (query === '') {
      this.names = null;
      this.matches = new Uint32Array(0);
      this.count.textContent = '';
      this.onChange();
      return 0;
    }
    const pred = compileQuery(query);
    if (pred instanceof Error) {
      this.count.textContent = 'bad regex';
      this.count.classList.add('error');
      this.names = null;
      this.matches = new Uint32Array(0);
      this.onChange();
      return 0;
    }
    this.names = matchNames(this.model, pred);
    this.matches = matchingSlices(this.model, this.names);
    this.count.textContent = `${this.matches.length.toLocaleString()} matches`;
    this.onChange();
    return this.matches.length;
  }

  step(dir: 1 | -1): void {
    const n = this.matches.length;
    if (n === 0) return;
    this.at = this.at < 0 ? (dir > 0 ? 0 : n - 1) : (this.at + dir + n) % n;
    this.count.textContent = `${(this.at + 1).toLocaleString()} / ${n.toLocaleString()}`;
    this.onGoto(this.matches[this.at]!);
  }
}
