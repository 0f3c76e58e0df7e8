/** The visible banner for damaged or partial traces: what was wrong and what was still loaded. */
import { h } from './dom.js';

export function warningsBanner(warnings: string[]): HTMLElement {
  const el = h('div', { class: 'warnings', id: 'warnings', role: 'alert' });
  if (warnings.length === 0) {
    el.hidden = true;
    return el;
  }
  const close = h('button', { class: 'icon', title: 'Dismiss' }, '×');
  close.onclick = () => (el.hidden = true);
  const list = h('ul', {}, ...warnings.slice(0, 20).map((w) => h('li', {}, w)));
  if (warnings.length > 20) list.append(h('li', {}, `… and ${warnings.length - 20} more.`));
  el.append(close, h('strong', {}, '⚠ This trace is damaged or partial; everything readable was loaded.'), list);
  return el;
}
