/** The `?` keyboard help overlay. */
import { h } from './dom.js';

const KEYS: [string, string][] = [
  ['W / S', 'zoom in / out at the mouse (hold for smooth zoom)'],
  ['A / D', 'pan left / right (hold)'],
  ['Wheel', 'zoom at the cursor; Shift+wheel scrolls the tracks'],
  ['Drag', 'pan the timeline (both directions)'],
  ['Shift+drag', 'select a time range and zoom to it'],
  ['Click', 'select a slice, an instant marker or a counter: details and source below; click a track header to collapse it'],
  ['↑ / ↓, ← / →', 'scroll tracks / pan'],
  ['0', 'zoom to the whole trace'],
  ['F', 'zoom to the selected slice'],
  ['/ or Ctrl+F', 'search; Enter / Shift+Enter = next / previous match'],
  ['1 / 2 / 3 / 4', 'timeline / flamegraph / stats / objects'],
  ['Esc', 'clear the selection, close this help, zoom the flamegraph out'],
  ['?', 'show or hide this help'],
];

export function helpOverlay(): HTMLElement {
  const el = h(
    'div',
    { class: 'overlay', id: 'help', hidden: '' },
    h(
      'div',
      { class: 'dialog' },
      h('h2', {}, 'Keyboard and mouse'),
      h('table', { class: 'kv' }, ...KEYS.map(([k, v]) => h('tr', {}, h('th', {}, h('kbd', {}, k)), h('td', {}, v)))),
      h('p', { class: 'hint' }, 'Press ? or Esc to close.'),
    ),
  );
  el.addEventListener('click', (e) => {
    if (e.target === el) el.hidden = true;
  });
  return el;
}
