/**
 * Runs the parser in a Web Worker built from a Blob URL (file:// pages cannot load worker files,
 * but Blob URLs work there; notes/viewer-design.md §6). Falls back to the page's own thread when
 * workers are unavailable, so the viewer never ends up blank.
 */
import { openTraceBytes, type TraceFormat } from '../load/open-bytes.js';
import type { TraceModel } from '../model/trace-model.js';
import type { WorkerReply } from './protocol.js';

/** The worker bundle's source, inlined by scripts/build-viewer.mjs. */
declare const __VIEWER_WORKER_SOURCE__: string;

/** Where the last trace was parsed: 'worker', or 'page' after the fallback. */
export let parsedIn: 'worker' | 'page' = 'worker';

export interface Parsed {
  model: TraceModel;
  format: TraceFormat;
}

export function parseInWorker(bytes: Uint8Array): Promise<Parsed> {
  let worker: Worker;
  parsedIn = 'worker';
  try {
    const url = URL.createObjectURL(new Blob([__VIEWER_WORKER_SOURCE__], { type: 'text/javascript' }));
    worker = new Worker(url);
    URL.revokeObjectURL(url);
  } catch {
    parsedIn = 'page';
    return openTraceBytes(bytes);
  }
  // Small traces are copied so the fallback below still has them; big ones are moved (memory).
  const keep = bytes.length < 64 << 20;
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      worker.terminate();
      if (e.data.ok) resolve({ model: e.data.model, format: e.data.format });
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      e.preventDefault();
      if (!keep) return reject(new Error(`the parse worker failed: ${e.message}`));
      // A worker that cannot start (CSP, old browser): parse here instead.
      parsedIn = 'page';
      openTraceBytes(bytes).then(resolve, reject);
    };
    const sent = keep ? bytes.slice().buffer : bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
    worker.postMessage({ bytes: sent }, [sent]);
  });
}
