/**
 * "Open in Perfetto": Perfetto's UI at ui.perfetto.dev accepts the same file. We do not talk to it
 * (the viewer works offline): the button downloads the trace JSON and explains where to open it.
 */
import { h } from './dom.js';

export function perfettoButton(original: Blob, fileName: string): HTMLElement {
  const btn = h('button', { id: 'open-perfetto', title: 'Download the trace JSON to open it at ui.perfetto.dev' }, 'Open in Perfetto…');
  btn.onclick = async () => {
    const head = new Uint8Array(await original.slice(0, 2).arrayBuffer());
    const gz = head[0] === 0x1f && head[1] === 0x8b;
    const blob = gz ? await new Response(original.stream().pipeThrough(new DecompressionStream('gzip'))).blob() : original;
    const url = URL.createObjectURL(new Blob([blob], { type: 'application/json' }));
    const a = h('a', { href: url, download: fileName.endsWith('.json') ? fileName : `${fileName}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    alert(`Saved ${a.download}.\n\nPerfetto's UI accepts the same file: open https://ui.perfetto.dev and choose "Open trace file" (or drop the file on the page).`);
  };
  return btn;
}
