/**
 * "Open in Perfetto": Perfetto's UI at ui.perfetto.dev accepts the same file. We do not talk to it
 * (the viewer works offline): the button downloads the trace JSON and explains where to open it.
 * A trace that reached the page in our binary format is written back as JSON from the model.
 */
import { isBinaryTrace } from '../format/container.js';
import { exportJson } from '../model/export-json.js';
import type { TraceModel } from '../model/trace-model.js';
import { h } from './dom.js';

async function jsonBlob(source: Blob, model: TraceModel): Promise<Blob> {
  const head = new Uint8Array(await source.slice(0, 2).arrayBuffer());
  const gz = head[0] === 0x1f && head[1] === 0x8b;
  const plain = gz ? await new Response(source.stream().pipeThrough(new DecompressionStream('gzip'))).blob() : source;
  if (isBinaryTrace(new Uint8Array(await plain.slice(0, 12).arrayBuffer()))) return new Blob(exportJson(model), { type: 'application/json' });
  return new Blob([plain], { type: 'application/json' });
}

export function perfettoButton(source: () => Promise<Blob>, fileName: string, model: TraceModel): HTMLElement {
  const btn = h('button', { id: 'open-perfetto', title: 'Download the trace JSON to open it at ui.perfetto.dev' }, 'Open in Perfetto…');
  btn.onclick = async () => {
    const url = URL.createObjectURL(await jsonBlob(await source(), model));
    const a = h('a', { href: url, download: fileName.endsWith('.json') ? fileName : `${fileName}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    alert(`Saved ${a.download}.\n\nPerfetto's UI accepts the same file: open https://ui.perfetto.dev and choose "Open trace file" (or drop the file on the page).`);
  };
  return btn;
}
