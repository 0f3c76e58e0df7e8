/** The source of a function from the trace's file_info, with line numbers, its line highlighted and scrolled to. */
import { h } from './dom.js';

export function sourceView(text: string, line: number): HTMLElement {
  const lines = text.split('\n');
  const pre = h('pre', { class: 'source' });
  const frag = document.createDocumentFragment();
  let target: HTMLElement | null = null;
  lines.forEach((src, i) => {
    const row = h('div', { class: i + 1 === line ? 'src-line hit' : 'src-line', 'data-line': String(i + 1) }, h('span', { class: 'ln' }, String(i + 1)), src || ' ');
    if (i + 1 === line) target = row;
    frag.append(row);
  });
  pre.append(frag);
  const scrollTo = target as HTMLElement | null;
  if (scrollTo !== null) requestAnimationFrame(() => (pre.scrollTop = Math.max(0, scrollTo.offsetTop - pre.clientHeight / 3)));
  return pre;
}
