/**
 * Summary table per function (calls, total, self, mean, max), sortable by clicking a header;
 * clicking a row highlights that function's slices in the timeline. Long tables render in pages
 * of 500 rows (a "show more" row) instead of one node per function.
 */
import { formatDuration } from '../model/format.js';
import { statsRows, type StatsKey, type StatsRow } from '../model/stats-rows.js';
import type { TraceModel } from '../model/trace-model.js';
import { h } from './dom.js';

const COLUMNS: [StatsKey, string][] = [
  ['name', 'Function'],
  ['calls', 'Calls'],
  ['total', 'Total'],
  ['self', 'Self'],
  ['mean', 'Mean'],
  ['max', 'Max'],
];

export class StatsTable {
  readonly el = h('section', { class: 'stats', id: 'stats' });
  private key: StatsKey = 'total';
  private descending = true;
  private limit = 500;
  onPick: (row: StatsRow) => void = () => {};

  private readonly model: TraceModel;

  constructor(model: TraceModel) {
    this.model = model;
  }

  rows(): StatsRow[] {
    return statsRows(this.model, this.key, this.descending);
  }

  render(): void {
    const rows = this.rows();
    const head = h(
      'tr',
      {},
      ...COLUMNS.map(([key, label]) => {
        const th = h('th', { 'data-key': key, class: key === this.key ? 'sorted' : '' }, `${label}${key === this.key ? (this.descending ? ' ▾' : ' ▴') : ''}`);
        th.onclick = () => {
          if (this.key === key) this.descending = !this.descending;
          else {
            this.key = key;
            this.descending = key !== 'name';
          }
          this.render();
        };
        return th;
      }),
    );
    const body = h('tbody', {});
    for (const r of rows.slice(0, this.limit)) {
      const tr = h(
        'tr',
        { class: 'row', title: 'Highlight in the timeline' },
        h('td', { class: 'fn' }, r.name),
        h('td', {}, r.calls.toLocaleString()),
        h('td', {}, formatDuration(r.total)),
        h('td', {}, formatDuration(r.self)),
        h('td', {}, formatDuration(r.mean)),
        h('td', {}, formatDuration(r.max)),
      );
      tr.onclick = () => this.onPick(r);
      body.append(tr);
    }
    if (rows.length > this.limit) {
      const more = h('tr', { class: 'more' }, h('td', { colspan: '6' }, `Show more (${(rows.length - this.limit).toLocaleString()} left)`));
      more.onclick = () => {
        this.limit += 2000;
        this.render();
      };
      body.append(more);
    }
    const note = h('p', { class: 'hint' }, `${rows.length.toLocaleString()} functions. Total counts recursion once; self excludes callees. Click a row to highlight its calls in the timeline.`);
    this.el.replaceChildren(note, h('table', { class: 'grid' }, h('thead', {}, head), body));
  }
}
