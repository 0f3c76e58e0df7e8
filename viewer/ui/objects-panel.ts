/**
 * The Objects view: every object of the trace's N/O/D events (one row per name + id + process:
 * created, destroyed, number of snapshots). Clicking an object lists its events; clicking one of
 * them (a snapshot) shows its args.
 */
import { formatDuration } from '../model/format.js';
import type { ObjectEvent, TraceModel } from '../model/trace-model.js';
import { argsView } from './args-view.js';
import { h } from './dom.js';

interface TracedObject {
  name: string;
  id: string;
  process: string;
  events: ObjectEvent[];
}

const PHASES: Record<ObjectEvent['ph'], string> = { N: 'created', O: 'snapshot', D: 'destroyed' };

export function groupObjects(objects: ObjectEvent[]): TracedObject[] {
  const byKey = new Map<string, TracedObject>();
  for (const e of objects) {
    const key = `${e.process}\u0000${e.name}\u0000${e.id}`;
    let o = byKey.get(key);
    if (o === undefined) byKey.set(key, (o = { name: e.name, id: e.id, process: e.process, events: [] }));
    o.events.push(e);
  }
  for (const o of byKey.values()) o.events.sort((a, b) => a.ts - b.ts);
  return [...byKey.values()];
}

export class ObjectsPanel {
  readonly el = h('section', { class: 'objects', id: 'objects' });
  private readonly events = h('div', { class: 'object-events', id: 'object-events' });
  private readonly model: TraceModel;
  private rendered = false;

  constructor(model: TraceModel) {
    this.model = model;
  }

  render(): void {
    if (this.rendered) return;
    this.rendered = true;
    const objects = groupObjects(this.model.objects);
    if (objects.length === 0) {
      this.el.replaceChildren(h('p', { class: 'hint' }, 'This trace has no object events (N / O / D phases).'));
      return;
    }
    const time = (o: TracedObject, ph: ObjectEvent['ph']): string => {
      const e = o.events.find((x) => x.ph === ph);
      return e === undefined ? '—' : formatDuration(e.ts);
    };
    const body = h('tbody', {});
    for (const o of objects) {
      const snapshots = o.events.filter((e) => e.ph === 'O').length;
      const tr = h('tr', { class: 'row', 'data-object': `${o.name} ${o.id}` }, h('td', { class: 'fn' }, o.name), h('td', {}, o.id), h('td', {}, o.process), h('td', {}, time(o, 'N')), h('td', {}, time(o, 'D')), h('td', {}, String(snapshots)));
      tr.onclick = () => this.showObject(o);
      body.append(tr);
    }
    const head = h('tr', {}, ...['Object', 'id', 'Process', 'Created', 'Destroyed', 'Snapshots'].map((c) => h('th', {}, c)));
    this.el.replaceChildren(h('p', { class: 'hint' }, `${objects.length.toLocaleString()} objects. Click one to list its snapshots.`), h('table', { class: 'grid' }, h('thead', {}, head), body), this.events);
    this.showObject(objects[0]!);
  }

  private showObject(o: TracedObject): void {
    const list = h('ul', { class: 'object-event-list' });
    const args = h('div', { class: 'object-args', id: 'object-args' });
    for (const e of o.events) {
      const a = h('a', { href: '#', class: 'object-event', 'data-ph': e.ph }, `${PHASES[e.ph]} at ${formatDuration(e.ts)}`);
      a.onclick = (ev) => {
        ev.preventDefault();
        args.replaceChildren(h('h4', {}, `${o.name} ${o.id}: ${PHASES[e.ph]} at ${formatDuration(e.ts)}`), ...(e.argsRef >= 0 ? argsView(this.model.args, e.argsRef) : [h('p', { class: 'hint' }, 'No args.')]));
      };
      list.append(h('li', {}, a));
    }
    this.events.replaceChildren(h('h3', {}, `${o.name} ${o.id} (${o.process})`), list, args);
  }
}
