/**
 * An event's `args` in the details panel: one row per key with its value as indented JSON, the
 * runtime's keys named for what they hold (arguments, return value, logged steps), and the
 * "unfinished" mark of calls still open at save time called out.
 */
import { argsObject, argsText } from '../model/args-table.js';
import type { ArgsTable } from '../model/trace-model.js';
import { h } from './dom.js';

/** Labels for the keys the runtime writes (runtime/trace-format.ts). */
const LABELS: Record<string, string> = {
  func_args: 'Arguments',
  return_value: 'Return value',
  exec_steps: 'Logged steps',
  snapshot: 'Snapshot',
};

export function argsView(table: ArgsTable, ref: number): HTMLElement[] {
  if (ref < 0) return [];
  const obj = argsObject(table, ref);
  if (obj === null) return [h('h4', {}, 'Args'), h('pre', { class: 'args' }, argsText(table, ref))];
  const out: HTMLElement[] = [];
  if (obj['unfinished'] === true) out.push(h('p', { class: 'badge' }, 'Unfinished: this call was still running when the trace was saved.'));
  const rows = Object.entries(obj).filter(([k]) => k !== 'unfinished');
  if (rows.length === 0) return out;
  out.push(
    h('h4', {}, 'Args'),
    h(
      'table',
      { class: 'kv args-table' },
      ...rows.map(([k, v]) => h('tr', { 'data-arg': k }, h('th', { title: k }, LABELS[k] ?? k), h('td', {}, h('pre', { class: 'args' }, JSON.stringify(v, null, 2))))),
    ),
  );
  return out;
}
