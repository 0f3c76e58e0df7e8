/**
 * Where the page's trace comes from, in the contract's order: (1) an embedded
 * `<script type="application/octet-stream" id="viztracer-trace" data-encoding="gzip-base64">`,
 * (2) `?trace=<url>`, or `./trace.bin` then `./trace` when served by vizviewer, (3) nothing: the
 * user drops or picks a file. The bytes are handed over as received (JSON or binary, maybe gzip):
 * the parse worker tells them apart.
 */
import { fromBase64 } from './decode-bytes.js';

export interface FoundTrace {
  /** The trace as received. */
  bytes: Uint8Array;
  /** File name for display and for the download button. */
  name: string;
  /** The original file (maybe gzip or binary), fetched again on demand for "Open in Perfetto". */
  source: () => Promise<Blob>;
}

export async function findTrace(): Promise<FoundTrace | null> {
  const el = document.getElementById('viztracer-trace');
  if (el !== null && (el.textContent ?? '').trim() !== '') {
    const decode = (): Uint8Array<ArrayBuffer> => fromBase64(el.textContent ?? '') as Uint8Array<ArrayBuffer>;
    const raw = decode();
    // Base64 text has no encoding to undo; "gzip-base64" data is gunzipped by the worker (magic bytes).
    return { bytes: raw, name: el.getAttribute('data-name') ?? 'trace.json', source: async () => new Blob([decode()]) };
  }
  const param = new URLSearchParams(location.search).get('trace');
  if (param !== null) return fetchTrace(param);
  if (location.protocol === 'http:' || location.protocol === 'https:') {
    try {
      // vizviewer serves the trace converted to the binary format at ./trace.bin, as is at ./trace.
      return await fetchTrace('./trace.bin');
    } catch {
      try {
        return await fetchTrace('./trace');
      } catch {
        return null; // served without a trace (e.g. a static host): wait for a file
      }
    }
  }
  return null;
}

async function fetchTrace(url: string): Promise<FoundTrace> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  // One copy: arrayBuffer() straight away (blob() first is far slower for large bodies).
  const bytes = new Uint8Array(await res.arrayBuffer());
  const original = res.headers.get('X-Viztracer-Original') ?? url;
  // The file's own name: vizviewer sends it (the URL only says /trace.bin); else the URL's last part.
  const fromHeader = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('Content-Disposition') ?? '')?.[1];
  let last = fromHeader ?? url.split('?')[0]!.split('/').pop() ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // not %-encoded after all: show it as it is
  }
  const name = last === '' || last === 'trace' || last === 'trace.bin' ? 'trace.json' : last.replace(/\.gz$/, '');
  return { bytes, name, source: async () => (await fetch(original)).blob() };
}

export async function readFile(file: File): Promise<FoundTrace> {
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name.replace(/\.gz$/, ''), source: async () => file };
}
