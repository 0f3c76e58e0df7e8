/**
 * Where the page's trace comes from, in the contract's order: (1) an embedded
 * `<script type="application/octet-stream" id="viztracer-trace" data-encoding="gzip-base64">`,
 * (2) `?trace=<url>`, or `./trace` when served by vizviewer, (3) nothing: the user drops or picks a file.
 */
import { fromBase64, maybeGunzip } from './decode-bytes.js';

export interface FoundTrace {
  /** Plain JSON bytes. */
  bytes: Uint8Array;
  /** File name for display and for the download button. */
  name: string;
  /** The input as received (maybe gzip), kept as a Blob for the "Open in Perfetto" download. */
  original: Blob;
}

export async function findTrace(warn: (msg: string) => void): Promise<FoundTrace | null> {
  const el = document.getElementById('viztracer-trace');
  if (el !== null && (el.textContent ?? '').trim() !== '') {
    const raw = fromBase64(el.textContent ?? '');
    const encoding = el.getAttribute('data-encoding') ?? 'gzip-base64';
    const bytes = encoding === 'base64' ? raw : await maybeGunzip(raw, warn);
    return { bytes, name: el.getAttribute('data-name') ?? 'trace.json', original: new Blob([raw as Uint8Array<ArrayBuffer>]) };
  }
  const param = new URLSearchParams(location.search).get('trace');
  if (param !== null) return fetchTrace(param, warn);
  if (location.protocol === 'http:' || location.protocol === 'https:') {
    try {
      return await fetchTrace('./trace', warn);
    } catch {
      return null; // served without a trace (e.g. a static host): wait for a file
    }
  }
  return null;
}

async function fetchTrace(url: string, warn: (msg: string) => void): Promise<FoundTrace> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  // The server may send .json.gz as raw gzip bytes rather than Content-Encoding: check the magic.
  const original = await res.blob();
  const bytes = new Uint8Array(await original.arrayBuffer());
  const name = decodeURIComponent(url.split('?')[0]!.split('/').pop() ?? '') || 'trace.json';
  return { bytes: await maybeGunzip(bytes, warn), name: name === 'trace' ? 'trace.json' : name.replace(/\.gz$/, ''), original };
}

export async function readFile(file: File, warn: (msg: string) => void): Promise<FoundTrace> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { bytes: await maybeGunzip(bytes, warn), name: file.name.replace(/\.gz$/, ''), original: file };
}
